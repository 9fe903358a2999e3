package org.labelbench.dataset;

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

    private SplitMembership(Map<Long, String> splitOf, Optional<SplitRule> rule) {
        this.splitOf = splitOf;
        this.rule = rule;
    }

    public static SplitMembership read(Transaction tx) {
        SplitRepository splits = new SplitRepository();
        Optional<SplitRule> rule = splits.rule(tx).map(SplitRule::of);
        return new SplitMembership(rule.isPresent() ? splits.splitOfItems(tx) : Map.of(), rule);
    }

    /** Whether the project has a split with a dev split among its names. */
    public boolean hasDevSplit() {
        return rule.isPresent() && rule.get().names().stream().anyMatch(SplitRoles::isDev);
    }

    public Optional<SplitRule> rule() {
        return rule;
    }

    /** The name of the dev split ("dev", "val"...), if there is one. */
    public Optional<String> devName() {
        return rule.flatMap(r -> r.names().stream().filter(SplitRoles::isDev).findFirst());
    }

    public Role roleOf(long itemId) {
        String split = splitOf.get(itemId);
        if (split == null) {
            return Role.UNSPLIT;
        }
        return SplitRoles.isDev(split) ? Role.DEV : SplitRoles.isTest(split) ? Role.TEST : Role.TRAIN;
    }
}
