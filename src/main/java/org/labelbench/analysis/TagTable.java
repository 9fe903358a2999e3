package org.labelbench.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.labelbench.project.TagRepository;
import org.labelbench.project.TagRepository.TagInfo;

/**
 * The table that says which tag to work on next (DESIGN: "the tag table"): for all data and for
 * each tag, the items evaluated (ground truth and prediction both known), their share of all
 * evaluated items, the model's errors and their share of all errors, the model's accuracy, HLP on
 * the tag's items, the gap (HLP − accuracy) and the potential gain (share of data × gap), tags
 * sorted by gain. Where HLP is unknown the gap and gain say why instead of guessing.
 */
public final class TagTable {
    public static final String ALL = "(all data)";

    private TagTable() {
    }

    /** One row; {@code hlpItems} are the items HLP was measured on (labels from two people, or gold). */
    public record Row(String tag, long items, Estimate shareOfData, long errors, Estimate shareOfErrors,
            Estimate accuracy, Estimate hlp, Optional<Interval> hlpInterval, long hlpItems, Estimate gap,
            Estimate potentialGain) {
    }

    /** The "all data" row first, then the tags by potential gain, largest first; unknown gains last. */
    public static List<Row> of(Connection c, RunEvaluation evaluation, int resamples, long seed) throws SQLException {
        long[] items = evaluation.itemIds();
        int[] truth = evaluation.truthCodes();
        int[] predicted = evaluation.predicted();
        long evaluated = 0;
        long errors = 0;
        for (int i = 0; i < items.length; i++) {
            if (truth[i] != Ratings.MISSING) {
                evaluated++;
                if (predicted[i] != truth[i]) {
                    errors++;
                }
            }
        }
        LabelMatrix labels = evaluation.truth().labels();
        List<Row> rows = new ArrayList<>();
        rows.add(row(ALL, evaluated, errors, evaluated, errors,
                HumanLevelPerformance.of(labels, resamples, seed)));
        List<Row> tagRows = new ArrayList<>();
        for (TagInfo tag : new TagRepository().list(c)) {
            long[] tagged = taggedItems(c, tag.id());
            long tagEvaluated = 0;
            long tagErrors = 0;
            for (long item : tagged) {
                int i = Arrays.binarySearch(items, item);
                if (i >= 0 && truth[i] != Ratings.MISSING) {
                    tagEvaluated++;
                    if (predicted[i] != truth[i]) {
                        tagErrors++;
                    }
                }
            }
            int[] units = unitsOf(labels, tagged);
            tagRows.add(row(tag.name(), tagEvaluated, tagErrors, evaluated, errors,
                    HumanLevelPerformance.of(labels.select(units), resamples, seed)));
        }
        tagRows.sort(Comparator.comparing((Row r) -> !r.potentialGain().isAvailable())
                .thenComparing(r -> r.potentialGain().isAvailable() ? -r.potentialGain().value() : 0)
                .thenComparing(Row::tag));
        rows.addAll(tagRows);
        return rows;
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

    /** The tag's item ids, ascending (the primary key's order). */
    private static long[] taggedItems(Connection c, long tag) throws SQLException {
        long[] items = new long[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT item FROM item_tag WHERE tag = ? ORDER BY item")) {
            ps.setLong(1, tag);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                    }
                    items[n++] = rs.getLong(1);
                }
            }
        }
        return Arrays.copyOf(items, n);
    }

    /** The units of the label matrix whose items are among {@code sortedItems}. */
    private static int[] unitsOf(LabelMatrix labels, long[] sortedItems) {
        long[] unitItems = labels.itemIds();
        int[] units = new int[Math.min(sortedItems.length, unitItems.length)];
        int n = 0;
        for (long item : sortedItems) {
            int unit = Arrays.binarySearch(unitItems, item);
            if (unit >= 0) {
                units[n++] = unit;
            }
        }
        return Arrays.copyOf(units, n);
    }
}
