package org.labelbench.dataset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.labelbench.analysis.GroundTruth;
import org.labelbench.analysis.TruthSource;
import org.labelbench.agreement.Ratings;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SplitRepository;
import org.labelbench.project.SplitRepository.ItemFacts;
import org.labelbench.project.SplitRepository.StoredRule;
import org.labelbench.project.Transaction;

/**
 * Splits a project's items by a {@link SplitRule}, checks the result for leakage before storing
 * it, checks a stored split, and freezes one. Strata: the ground-truth class as error analysis
 * defines it (adjudicated, else majority; ties left out), with every item that has none (never
 * labeled, only skipped, a tie) in one more stratum, "(unlabeled)", so unlabeled items are spread
 * over the splits by the ratios like a class; with an attribute, the attribute's value (items
 * without it in "(none)"), crossed with the class when both are asked. Units: the items that
 * must share a split, those with the same group value and those with identical content (the
 * same SHA-256, so a fresh split never leaks a duplicate); an item with neither is a unit alone.
 */
public final class SplitService {
    public static final String UNLABELED = "(unlabeled)";
    public static final String NONE = "(none)";

    private final SplitRepository splits = new SplitRepository();

    /** A split made and stored: its rule, report, the warnings, and the rule it replaced (if any). */
    public record Outcome(SplitRule rule, SplitReport report, Leakage leakage, Optional<SplitRule> replaced) {
    }

    /** A stored split checked: its rule, its report, and what crosses between its splits. */
    public record Check(SplitRule rule, SplitReport report, Leakage leakage, long unsplit) {
    }

    public Outcome split(ProjectStore store, SplitRule rule, String author, JobContext context) {
        return split(store, rule, author, LeakageCheck.NEAR_THRESHOLD, context);
    }

    /** As above, with pictures at most {@code nearBits} dHash bits apart counted as near-duplicates. */
    public Outcome split(ProjectStore store, SplitRule rule, String author, int nearBits, JobContext context) {
        context.message("Reading the items and their labels");
        record Work(Optional<StoredRule> existing, List<ItemFacts> facts, GroundTruth truth) {
        }
        Work work = store.read(tx -> new Work(splits.rule(tx),
                splits.facts(tx, rule.groupAttribute(), rule.stratifyAttribute(), false),
                GroundTruth.read(tx, TruthSource.DEFAULT)));
        refuseFrozen(work.existing());
        List<ItemFacts> facts = work.facts();
        if (facts.isEmpty()) {
            throw new BadInputException("the project has no items to split; import some first");
        }
        if (facts.size() < rule.names().size()) {
            throw new BadInputException(facts.size() + " items cannot fill " + rule.names().size() + " splits");
        }
        refuseMissingAttribute(facts, rule);
        String[] labels = labelsOf(facts, work.truth());
        String[] strata = strataOf(facts, labels, rule);
        Map<String, Integer> stratumCodes = new HashMap<>();
        int[] stratumOfItem = new int[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            stratumOfItem[i] = stratumCodes.computeIfAbsent(strata[i], k -> stratumCodes.size());
        }
        Units units = Units.of(facts);
        context.message("Assigning " + units.names().length + " units to " + rule.names().size() + " splits");
        int[] splitOfUnit = SplitPlanner.assign(units.unitOfItem(), units.names(), stratumOfItem, stratumCodes.size(),
                rule.ratios(), rule.seed());
        String[] splitOf = new String[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            splitOf[i] = rule.names().get(splitOfUnit[units.unitOfItem()[i]]);
        }
        refuseEmptySplits(rule, splitOfUnit, units);
        Leakage leakage = LeakageCheck.check(facts, splitOf, rule.groupAttribute() != null, nearBits,
                store.directory(), context);
        if (leakage.hasErrors()) {
            throw new BadInputException(leakage.errorLine() + "; nothing stored");
        }
        SplitReport report = report(rule, facts, splitOf, labels);
        Map<Long, String> assignment = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            assignment.put(facts.get(i).id(), splitOf[i]);
        }
        context.checkCancelled();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        store.write(tx -> {
            refuseFrozen(splits.rule(tx));
            long now = splits.facts(tx, null, null, false).size();
            if (now != facts.size()) {
                throw new BadInputException("items were imported while the split was planned; run split again");
            }
            splits.replace(tx, rule.toStored(created, author), assignment);
            return null;
        });
        return new Outcome(rule, report, leakage, work.existing().map(SplitRule::of));
    }

    /** A stored split as it stands: its rule, who made it and when, and its report (no media read, so quick). */
    public record Stored(SplitRule rule, String created, String createdBy, SplitReport report, long unsplit) {
    }

    /** The stored split's report without the leakage check, for a view to show at once; empty without a split. */
    public Optional<Stored> stored(ProjectStore store) {
        return store.read(tx -> {
            Optional<StoredRule> stored = splits.rule(tx);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            SplitRule rule = SplitRule.of(stored.get());
            List<ItemFacts> facts = splits.facts(tx, rule.groupAttribute(), rule.stratifyAttribute(), false);
            Map<Long, String> assigned = splits.splitOfItems(tx);
            String[] splitOf = new String[facts.size()];
            long unsplit = 0;
            for (int i = 0; i < facts.size(); i++) {
                splitOf[i] = assigned.get(facts.get(i).id());
                if (splitOf[i] == null) {
                    unsplit++;
                }
            }
            String[] labels = labelsOf(facts, GroundTruth.read(tx, TruthSource.DEFAULT));
            return Optional.of(new Stored(rule, stored.get().created(), stored.get().createdBy(),
                    report(rule, facts, splitOf, labels), unsplit));
        });
    }

    public Check check(ProjectStore store, int nearBits, JobContext context) {
        record Work(SplitRule rule, List<ItemFacts> facts, Map<Long, String> assigned, GroundTruth truth) {
        }
        Work work = store.read(tx -> {
            SplitRule rule = splits.rule(tx).map(SplitRule::of).orElseThrow(() -> new BadInputException(
                    "the project has no split yet: split PROJECT --ratios 0.8,0.1,0.1 --seed S"));
            return new Work(rule, splits.facts(tx, rule.groupAttribute(), rule.stratifyAttribute(), false),
                    splits.splitOfItems(tx), GroundTruth.read(tx, TruthSource.DEFAULT));
        });
        List<ItemFacts> facts = work.facts();
        String[] splitOf = new String[facts.size()];
        long unsplit = 0;
        for (int i = 0; i < facts.size(); i++) {
            splitOf[i] = work.assigned().get(facts.get(i).id());
            if (splitOf[i] == null) {
                unsplit++;
            }
        }
        Leakage leakage = LeakageCheck.check(facts, splitOf, work.rule().groupAttribute() != null, nearBits,
                store.directory(), context);
        return new Check(work.rule(), report(work.rule(), facts, splitOf, labelsOf(facts, work.truth())), leakage,
                unsplit);
    }

    /** Freezes (or thaws) the stored rule; freezing also places the items that have no split yet. Returns them. */
    public long freeze(ProjectStore store, boolean frozen) {
        return store.write(tx -> {
            if (!splits.setFrozen(tx, frozen)) {
                throw new BadInputException("the project has no split to " + (frozen ? "freeze" : "unfreeze")
                        + ": split PROJECT --ratios 0.8,0.1,0.1 --seed S first");
            }
            return frozen ? SplitPlacement.placeUnsplit(tx) : 0L;
        });
    }

    /** The stored rule, if any. */
    public Optional<SplitRule> rule(ProjectStore store) {
        return store.read(tx -> splits.rule(tx).map(SplitRule::of));
    }

    private static void refuseFrozen(Optional<StoredRule> existing) {
        if (existing.isPresent() && existing.get().frozen()) {
            throw new BadInputException("the project's split is frozen, so it is not replaced; 'split freeze PROJECT"
                    + " --off' thaws it (nothing changed)");
        }
    }

    /** A split left empty (fewer groups than splits, or a tiny share) is refused: no one wants one. */
    private static void refuseEmptySplits(SplitRule rule, int[] splitOfUnit, Units units) {
        boolean[] used = new boolean[rule.names().size()];
        for (int split : splitOfUnit) {
            used[split] = true;
        }
        List<String> empty = new ArrayList<>();
        for (int s = 0; s < used.length; s++) {
            if (!used[s]) {
                empty.add(rule.names().get(s));
            }
        }
        if (!empty.isEmpty()) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "%s would be empty: the items form only"
                    + " %d units that must stay together%s, for %d splits; nothing stored", String.join(", ", empty),
                    units.names().length, rule.groupAttribute() == null ? "" : " (values of attr:"
                            + rule.groupAttribute() + ", and items of identical content)", rule.names().size()));
        }
    }

    private static void refuseMissingAttribute(List<ItemFacts> facts, SplitRule rule) {
        if (rule.groupAttribute() != null && facts.stream().allMatch(f -> f.group() == null)) {
            throw new BadValueException("grouping", "attr:" + rule.groupAttribute(), ": no item has that attribute");
        }
        if (rule.stratifyAttribute() != null && facts.stream().allMatch(f -> f.stratum() == null)) {
            throw new BadValueException("stratification", "attr:" + rule.stratifyAttribute(), ": no item has that"
                    + " attribute");
        }
    }

    private static String[] labelsOf(List<ItemFacts> facts, GroundTruth truth) {
        String[] labels = new String[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            int code = truth.classOf(facts.get(i).id());
            labels[i] = code == Ratings.MISSING ? UNLABELED : truth.classNames().get(code);
        }
        return labels;
    }

    private static String[] strataOf(List<ItemFacts> facts, String[] labels, SplitRule rule) {
        String[] strata = new String[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            String label = rule.byLabel() ? labels[i] : "";
            String value = rule.stratifyAttribute() == null ? "" : facts.get(i).stratum() == null ? NONE
                    : facts.get(i).stratum();
            strata[i] = label + "\u0000" + value;
        }
        return strata;
    }

    static SplitReport report(SplitRule rule, List<ItemFacts> facts, String[] splitOf, String[] labels) {
        List<String> names = rule.names();
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < names.size(); s++) {
            index.put(names.get(s), s);
        }
        long[] counts = new long[names.size()];
        long total = 0;
        for (String split : splitOf) {
            if (split != null && index.containsKey(split)) {
                counts[index.get(split)]++;
                total++;
            }
        }
        List<SplitReport.Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(breakdown("label", labels, splitOf, index, counts, total));
        if (rule.stratifyAttribute() != null) {
            String[] values = new String[facts.size()];
            for (int i = 0; i < facts.size(); i++) {
                values[i] = facts.get(i).stratum() == null ? NONE : facts.get(i).stratum();
            }
            breakdowns.add(breakdown(SplitRule.ATTR + rule.stratifyAttribute(), values, splitOf, index, counts, total));
        }
        return new SplitReport(names, rule.ratios(), counts, total, breakdowns);
    }

    private static SplitReport.Breakdown breakdown(String by, String[] valueOf, String[] splitOf,
            Map<String, Integer> index, long[] splitCounts, long total) {
        TreeMap<String, long[]> byValue = new TreeMap<>();
        for (int i = 0; i < valueOf.length; i++) {
            if (splitOf[i] != null && index.containsKey(splitOf[i])) {
                byValue.computeIfAbsent(valueOf[i], k -> new long[splitCounts.length])[index.get(splitOf[i])]++;
            }
        }
        List<String> values = new ArrayList<>(byValue.keySet());
        long[][] counts = new long[values.size()][];
        long[] totals = new long[values.size()];
        for (int v = 0; v < values.size(); v++) {
            counts[v] = byValue.get(values.get(v));
            for (long n : counts[v]) {
                totals[v] += n;
            }
        }
        return new SplitReport.Breakdown(by, values, counts, totals, splitCounts.clone(), total);
    }

    /** Items joined into units by group value and by content hash (union-find), each unit named for the seed. */
    record Units(int[] unitOfItem, String[] names) {
        static Units of(List<ItemFacts> facts) {
            int n = facts.size();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            Map<String, Integer> firstOfGroup = new HashMap<>();
            Map<String, Integer> firstOfContent = new HashMap<>();
            for (int i = 0; i < n; i++) {
                ItemFacts f = facts.get(i);
                if (f.group() != null) {
                    Integer first = firstOfGroup.putIfAbsent(f.group(), i);
                    if (first != null) {
                        union(parent, first, i);
                    }
                }
                Integer same = firstOfContent.putIfAbsent(f.sha256(), i);
                if (same != null) {
                    union(parent, same, i);
                }
            }
            Map<Integer, Integer> unitOfRoot = new HashMap<>();
            List<String> names = new ArrayList<>();
            int[] unitOfItem = new int[n];
            for (int i = 0; i < n; i++) {
                int root = find(parent, i);
                Integer unit = unitOfRoot.get(root);
                if (unit == null) {
                    unit = names.size();
                    unitOfRoot.put(root, unit);
                    ItemFacts f = facts.get(root);
                    names.add(f.group() != null ? "group:" + f.group() : f.key());
                }
                unitOfItem[i] = unit;
            }
            return new Units(unitOfItem, names.toArray(String[]::new));
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static void union(int[] parent, int a, int b) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }

    /** For the item's own transaction: see {@link SplitPlacement}. */
    public static long placeNewItems(Transaction tx) {
        return SplitPlacement.placeUnsplit(tx);
    }
}
