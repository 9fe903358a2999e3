package org.labelbench.dataset;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbench.project.SplitRepository;
import org.labelbench.project.SplitRepository.ItemFacts;
import org.labelbench.project.Transaction;

/**
 * Where a frozen rule puts an item that has no split, without moving any other: into the split
 * of its group when the group is already split, else into the split of an item with the same
 * content, else by the SHA-256 of (seed, group value) for a new group, else of (seed, item key):
 * a number in [0, 1) read against the cumulative ratios. So the place of an item depends only on
 * the rule and on itself (and its group), never on the order of imports.
 */
final class SplitPlacement {
    private SplitPlacement() {
    }

    /** Places every unsplit item when the rule is frozen; returns how many. */
    static long placeUnsplit(Transaction tx) {
        SplitRepository splits = new SplitRepository();
        Optional<SplitRepository.StoredRule> stored = splits.rule(tx);
        if (stored.isEmpty() || !stored.get().frozen()) {
            return 0;
        }
        SplitRule rule = SplitRule.of(stored.get());
        List<ItemFacts> fresh = splits.facts(tx, rule.groupAttribute(), null, true);
        Map<String, String> groupSplit = new HashMap<>();
        Map<String, String> contentSplit = new HashMap<>();
        Map<Long, String> placed = new LinkedHashMap<>();
        for (ItemFacts item : fresh) {
            String split = null;
            if (item.group() != null) {
                split = groupSplit.computeIfAbsent(item.group(), group -> splits
                        .splitOfGroup(tx, rule.groupAttribute(), group).orElseGet(() -> byHash(rule, "group:" + group)));
            }
            if (split == null) {
                split = contentSplit.computeIfAbsent(item.sha256(), sha -> splits.splitOfContent(tx, sha)
                        .orElseGet(() -> byHash(rule, item.key())));
            }
            contentSplit.putIfAbsent(item.sha256(), split);
            placed.put(item.id(), split);
        }
        splits.assign(tx, placed);
        return placed.size();
    }

    static String byHash(SplitRule rule, String name) {
        return rule.names().get(SplitPlanner.splitAt(SplitPlanner.uniform(rule.seed() + ":" + name), rule.ratios()));
    }
}
