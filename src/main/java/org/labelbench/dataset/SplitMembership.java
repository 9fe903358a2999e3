package org.labelbench.dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbench.project.SplitRepository;
import org.labelbench.project.Transaction;

/** Which split each item is in, and what that split is for (see {@link SplitRoles}): what training reads. */
public final class SplitMembership {
    /** What an item is to a training. */
    public enum Role { TRAIN, DEV, TEST, UNSPLIT }

    private final Map<Long, String> splitOf;
    private final Optional<SplitRule> rule;
    private final List<String> names;

    private SplitMembership(Map<Long, String> splitOf, Optional<SplitRule> rule, List<String> names) {
        this.splitOf = splitOf;
        this.rule = rule;
        this.names = names;
    }

    public static SplitMembership read(Transaction tx) {
        SplitRepository splits = new SplitRepository();
        Optional<SplitRule> rule = splits.rule(tx).map(SplitRule::of);
        return new SplitMembership(rule.isPresent() ? splits.splitOfItems(tx) : Map.of(), rule,
                rule.map(SplitRule::names).orElse(List.of()));
    }

    /** The splits a dataset version froze (by item id), without a rule: what a training on the version reads. */
    static SplitMembership frozen(Map<Long, String> splitOf) {
        return new SplitMembership(Map.copyOf(splitOf), Optional.empty(),
                List.copyOf(new java.util.TreeSet<>(splitOf.values())));
    }

    /** Whether the project (or version) has a split with a dev split among its names. */
    public boolean hasDevSplit() {
        return names.stream().anyMatch(SplitRoles::isDev);
    }

    /** The project's stored rule; empty for a version's frozen splits. */
    public Optional<SplitRule> rule() {
        return rule;
    }

    /** The name of the dev split ("dev", "val"...), if there is one. */
    public Optional<String> devName() {
        return names.stream().filter(SplitRoles::isDev).findFirst();
    }

    public Role roleOf(long itemId) {
        String split = splitOf.get(itemId);
        if (split == null) {
            return Role.UNSPLIT;
        }
        return SplitRoles.isDev(split) ? Role.DEV : SplitRoles.isTest(split) ? Role.TEST : Role.TRAIN;
    }
}
