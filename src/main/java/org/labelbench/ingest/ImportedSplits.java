package org.labelbench.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.labelbench.dataset.SplitRoles;
import org.labelbench.project.SplitRepository;
import org.labelbench.project.SplitRepository.StoredRule;
import org.labelbench.project.Transaction;

/**
 * The splits a dataset export gives its items, written into {@code item_split}. A project with a
 * split rule takes only splits the rule names. A project without one gets a rule that describes
 * the imported splits (their names, train-like first, then dev, then test; their shares; seed 0;
 * not frozen, so no later import is placed by it unasked), because the rest of the app reads
 * splits through a rule. One split alone makes no rule (a rule has two or more splits); its
 * items are still stored in it.
 */
final class ImportedSplits {
    private static final String NAME = "[A-Za-z0-9_.-]{1,40}";

    private final Transaction tx;
    private final SplitRepository splits = new SplitRepository();
    private final Optional<StoredRule> rule;
    private final List<String> ruleNames;
    private final Map<Long, String> splitOfItem = new LinkedHashMap<>();

    ImportedSplits(Transaction tx) {
        this.tx = tx;
        this.rule = splits.rule(tx);
        this.ruleNames = splits.names(tx);
    }

    /** Why an item cannot be put in this split, or null (no split is always fine). */
    String problem(String split) {
        if (split == null) {
            return null;
        }
        if (!split.matches(NAME)) {
            return "split '" + split + "' is not a split name (letters, digits, _ . -, at most 40)";
        }
        if (rule.isPresent() && !ruleNames.contains(split)) {
            return "split '" + split + "' is not one of the project's splits (" + String.join(", ", ruleNames) + ")";
        }
        return null;
    }

    void add(long item, String split) {
        if (split != null) {
            splitOfItem.put(item, split);
        }
    }

    void write() {
        if (splitOfItem.isEmpty()) {
            return;
        }
        if (rule.isPresent()) {
            splits.assign(tx, splitOfItem);
            return;
        }
        Map<Long, String> all = new HashMap<>(splits.splitOfItems(tx));
        all.putAll(splitOfItem);
        Map<String, Long> counts = new TreeMap<>();
        all.values().forEach(split -> counts.merge(split, 1L, Long::sum));
        if (counts.size() < 2) {
            splits.assign(tx, splitOfItem);
            return;
        }
        List<String> names = new ArrayList<>(counts.keySet());
        names.sort(Comparator.comparingInt(ImportedSplits::rank).thenComparing(Comparator.naturalOrder()));
        StringBuilder ratios = new StringBuilder();
        for (String name : names) {
            ratios.append(ratios.length() == 0 ? "" : ",").append((double) counts.get(name) / all.size());
        }
        splits.replace(tx, new StoredRule(String.join(",", names), ratios.toString(), 0, "none", null, false,
                Instant.now().toString(), "import"), all);
    }

    private static int rank(String split) {
        return SplitRoles.isTest(split) ? 2 : SplitRoles.isDev(split) ? 1 : 0;
    }
}
