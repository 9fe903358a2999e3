package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.Interval;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Ratings;

/**
 * The table that says which tag to work on next: for all data and for
 * each tag, the items evaluated (ground truth and prediction both known), their share of all
 * evaluated items, the model's errors and their share of all errors, the model's accuracy, HLP on
 * the tag's items, the gap (HLP − accuracy) and the potential gain (share of data × gap), tags
 * sorted by gain. Where HLP is unknown the gap and gain say why instead of guessing.
 *
 * <p>Which tags get a row is decided here, once, for every face: a tag with no evaluated item
 * would only be a row of "n/a", so it is left out of {@link #rows()} and named in
 * {@link #unevaluated()} instead (the CLI prints it, the workbench shows it under the table).
 *
 * @param rows "(all data)" first, then the tags with at least one evaluated item, by potential gain
 * @param unevaluated the tags left out because none of their items is evaluated, by name
 */
public record TagTable(List<Row> rows, List<String> unevaluated) {
    public static final String ALL = "(all data)";

    public TagTable {
        rows = List.copyOf(rows);
        unevaluated = List.copyOf(unevaluated);
    }

    /** One row; {@code hlpItems} are the items HLP was measured on (labels from two people, or gold). */
    public record Row(String tag, long items, Estimate shareOfData, long errors, Estimate shareOfErrors,
            Estimate accuracy, Estimate hlp, Optional<Interval> hlpInterval, long hlpItems, Estimate gap,
            Estimate potentialGain) {
    }

    /** The "all data" row first, then the tags by potential gain, largest first; unknown gains last. */
    public static TagTable of(Transaction tx, RunEvaluation evaluation, int resamples, long seed) {
        return of(evaluation, TagMembership.read(tx), resamples, seed);
    }

    /** The table from data already read: what a view recomputes when only a tag changed. */
    public static TagTable of(RunEvaluation evaluation, TagMembership membership, int resamples, long seed) {
        long[] items = evaluation.itemIds();
        int[] truth = evaluation.truthCodes();
        int[] predicted = evaluation.predicted();
        long evaluatedCount = 0;
        long errorCount = 0;
        for (int i = 0; i < items.length; i++) {
            if (truth[i] != Ratings.MISSING) {
                evaluatedCount++;
                if (predicted[i] != truth[i]) {
                    errorCount++;
                }
            }
        }
        long evaluated = evaluatedCount;
        long errors = errorCount;
        LabelMatrix labels = evaluation.truth().labels();
        double[] hlpScores = HumanLevelPerformance.unitScores(labels);
        int[] allUnits = new int[labels.itemIds().length];
        Arrays.setAll(allUnits, u -> u);
        List<Row> rows = new ArrayList<>();
        rows.add(row(ALL, evaluated, errors, evaluated, errors,
                HumanLevelPerformance.ofScores(labels, hlpScores, allUnits, resamples, seed)));
        List<Row> tagRows = new ArrayList<>();
        List<String> unevaluated = new ArrayList<>();
        membership.tags().forEach((tag, tagged) -> {
            long tagEvaluated = 0;
            long tagErrors = 0;
            int from = 0;
            for (long item : tagged) {
                int i = search(items, from, item);
                from = i >= 0 ? i + 1 : -i - 1;
                if (i >= 0 && truth[i] != Ratings.MISSING) {
                    tagEvaluated++;
                    if (predicted[i] != truth[i]) {
                        tagErrors++;
                    }
                }
            }
            if (tagEvaluated == 0) {
                unevaluated.add(tag);
                return;
            }
            tagRows.add(row(tag, tagEvaluated, tagErrors, evaluated, errors,
                    HumanLevelPerformance.ofScores(labels, hlpScores, unitsOf(labels, tagged), resamples, seed)));
        });
        tagRows.sort(Comparator.comparing((Row r) -> !r.potentialGain().isAvailable())
                .thenComparing(r -> r.potentialGain().isAvailable() ? -r.potentialGain().value() : 0)
                .thenComparing(Row::tag));
        rows.addAll(tagRows);
        unevaluated.sort(null);
        return new TagTable(rows, unevaluated);
    }

    /** "No evaluated items: tagA, tagB", the line both faces show for the tags left out; empty when none is. */
    public String unevaluatedLine() {
        return unevaluated.isEmpty() ? "" : "No evaluated items: " + String.join(", ", unevaluated);
    }

    private static Row row(String tag, long items, long errors, long allItems, long allErrors,
            HumanLevelPerformance hlp) {
        Estimate share = allItems == 0 ? Estimate.unavailable("no item has both a ground truth and a prediction")
                : Estimate.of((double) items / allItems);
        Estimate errorShare = allErrors == 0 ? Estimate.unavailable("the model makes no errors")
                : Estimate.of((double) errors / allErrors);
        Estimate accuracy = items == 0 ? Estimate.unavailable("no item with this tag has both a ground truth and a"
                + " prediction") : Estimate.of((double) (items - errors) / items);
        Estimate gap;
        if (!hlp.hlp().isAvailable()) {
            gap = Estimate.unavailable("HLP unknown: " + hlp.hlp().unavailableReason());
        } else if (!accuracy.isAvailable()) {
            gap = Estimate.unavailable("accuracy unknown: " + accuracy.unavailableReason());
        } else {
            gap = Estimate.of(hlp.hlp().value() - accuracy.value());
        }
        Estimate gain = gap.isAvailable() && share.isAvailable() ? Estimate.of(share.value() * gap.value())
                : Estimate.unavailable(gap.isAvailable() ? share.unavailableReason() : gap.unavailableReason());
        return new Row(tag, items, share, errors, errorShare, accuracy, hlp.hlp(), hlp.interval(), hlp.items(), gap,
                gain);
    }

    /** The units of the label matrix whose items are among {@code sortedItems}. */
    private static int[] unitsOf(LabelMatrix labels, long[] sortedItems) {
        long[] unitItems = labels.itemIds();
        int[] units = new int[Math.min(sortedItems.length, unitItems.length)];
        int n = 0;
        int from = 0;
        for (long item : sortedItems) {
            int unit = search(unitItems, from, item);
            from = unit >= 0 ? unit + 1 : -unit - 1;
            if (unit >= 0) {
                units[n++] = unit;
            }
        }
        return Arrays.copyOf(units, n);
    }

    /**
     * {@link Arrays#binarySearch} of {@code key} in {@code sorted} from {@code from} on, galloping
     * first: the keys come in ascending order, so each search starts where the last one ended and
     * stays within a few cache lines instead of jumping across the whole array.
     */
    static int search(long[] sorted, int from, long key) {
        int step = 1;
        int low = from;
        int high = from;
        while (high < sorted.length && sorted[high] < key) {
            low = high + 1;
            high = from + step;
            step <<= 1;
        }
        return Arrays.binarySearch(sorted, low, Math.min(high + 1, sorted.length), key);
    }
}
