package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.labelbench.agreement.Ratings;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ItemTagRepository;

/**
 * The rows of the error-analysis spreadsheet for one run: every predicted item, or only the
 * errors, optionally only those with a tag, in a chosen order. The order is a list of indices
 * into the {@link RunEvaluation} (4 bytes a row); a page reads the details of its rows only, so a
 * million rows never sit in memory as objects.
 */
public final class ErrorSheet {
    /** The row orders offered. */
    public enum Order {
        ITEM, CONFIDENCE_ASCENDING, CONFIDENCE_DESCENDING,
        /** Grouped by tag: each tag's rows together, tags by name, untagged rows last; most confident first within. */
        TAG
    }

    /** One row as the spreadsheet shows it. */
    public record Row(Item item, String truth, String predicted, double confidence, boolean correct,
            List<CurrentLabel> labels, List<String> tags, Map<String, String> attributes) {
    }

    private final RunEvaluation evaluation;
    private final int[] rows;

    private ErrorSheet(RunEvaluation evaluation, int[] rows) {
        this.evaluation = evaluation;
        this.rows = rows;
    }

    /**
     * The rows: {@code errorsOnly} keeps the items whose prediction differs from a known truth;
     * {@code taggedItems} (ascending ids, or null for all) keeps the items with a tag.
     */
    public static ErrorSheet of(RunEvaluation evaluation, boolean errorsOnly, long[] taggedItems, Order order) {
        if (order == Order.TAG) {
            throw new IllegalArgumentException("grouping by tag needs the tags: use of(..., membership)");
        }
        return of(evaluation, errorsOnly, taggedItems, order, null);
    }

    /** As above; {@code membership} (the tags' items) is needed for {@link Order#TAG} only. */
    public static ErrorSheet of(RunEvaluation evaluation, boolean errorsOnly, long[] taggedItems, Order order,
            TagMembership membership) {
        int n = evaluation.itemIds().length;
        int[] kept = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int truth = evaluation.truthCodes()[i];
            if (errorsOnly && (truth == Ratings.MISSING || truth == evaluation.predicted()[i])) {
                continue;
            }
            if (taggedItems != null && Arrays.binarySearch(taggedItems, evaluation.itemIds()[i]) < 0) {
                continue;
            }
            kept[count++] = i;
        }
        int[] rows = Arrays.copyOf(kept, count);
        if (order != Order.ITEM) {
            rows = sortByConfidence(rows, evaluation.confidence(), order != Order.CONFIDENCE_ASCENDING);
        }
        if (order == Order.TAG) {
            rows = groupByTag(rows, evaluation.itemIds(), membership);
        }
        return new ErrorSheet(evaluation, rows);
    }

    public int size() {
        return rows.length;
    }

    /** Rows {@code offset} to {@code offset + limit}, read in four queries whatever the page size. */
    public List<Row> page(Transaction tx, int offset, int limit) {
        int from = Math.max(0, Math.min(offset, rows.length));
        int to = Math.min(rows.length, from + Math.max(0, limit));
        List<Long> ids = new ArrayList<>(to - from);
        for (int r = from; r < to; r++) {
            ids.add(evaluation.itemIds()[rows[r]]);
        }
        Map<Long, Item> items = new ItemRepository().findByIds(tx, ids);
        Map<Long, List<CurrentLabel>> labels = new AnnotationRepository().currentLabels(tx, ids);
        Map<Long, Map<String, String>> attributes = new ItemRepository().attributes(tx, ids);
        Map<Long, List<String>> tags = new ItemTagRepository().tagNamesByItem(tx, ids);
        List<String> classes = evaluation.classes();
        List<Row> page = new ArrayList<>(ids.size());
        for (int r = from; r < to; r++) {
            int i = rows[r];
            long id = evaluation.itemIds()[i];
            int truth = evaluation.truthCodes()[i];
            int predicted = evaluation.predicted()[i];
            page.add(new Row(items.get(id), truth == Ratings.MISSING ? null : classes.get(truth),
                    classes.get(predicted), evaluation.confidence()[i], truth == predicted,
                    labels.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()),
                    attributes.getOrDefault(id, Map.of())));
        }
        return page;
    }

    /**
     * The rows (already most confident first) regrouped by their first tag in name order, untagged
     * last; a stable pass per group keeps the confidence order within each.
     */
    private static int[] groupByTag(int[] rows, long[] itemIds, TagMembership membership) {
        List<long[]> tags = new ArrayList<>(membership.tags().values()); // by name: TagMembership reads them so
        int[] group = new int[rows.length];
        Arrays.fill(group, tags.size());
        for (int r = 0; r < rows.length; r++) {
            long item = itemIds[rows[r]];
            for (int t = 0; t < tags.size(); t++) {
                if (Arrays.binarySearch(tags.get(t), item) >= 0) {
                    group[r] = t;
                    break;
                }
            }
        }
        int[] counts = new int[tags.size() + 2];
        for (int g : group) {
            counts[g + 1]++;
        }
        for (int g = 1; g < counts.length; g++) {
            counts[g] += counts[g - 1];
        }
        int[] grouped = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            grouped[counts[group[r]]++] = rows[r];
        }
        return grouped;
    }

    private static int[] sortByConfidence(int[] rows, double[] confidence, boolean descending) {
        // (confidence as a float, row) packed into one long sorts as primitives: a comparator over
        // a million boxed indices is several times slower. Float precision only orders near-ties.
        long[] keyed = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double value = confidence[rows[r]];
            // Items without a confidence go last either way.
            float key = Double.isNaN(value) ? (descending ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY)
                    : (float) (descending ? -value : value);
            keyed[r] = ((long) sortable(key) << 32) | (r & 0xffffffffL);
        }
        Arrays.sort(keyed);
        int[] sorted = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            sorted[r] = rows[(int) (keyed[r] & 0xffffffffL)];
        }
        return sorted;
    }

    /** A float's bits turned so that signed int order is the float's order. */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }
}
