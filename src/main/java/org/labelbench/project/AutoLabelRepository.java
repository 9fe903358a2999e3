package org.labelbench.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL of labels a model wrote (origin {@code auto}, the run in {@code prediction_run}, by an
 * annotator of role {@code model}). They are not opinions ({@link Opinions#ORIGINS}): agreement,
 * HLP and ground truth never see them, so an auto-labeled item stays "unlabeled" to the humans'
 * figures and filters, and is only ever auto-labeled once.
 */
public final class AutoLabelRepository {
    /** One label to write: the item and its class id. */
    public record AutoLabel(long item, long labelClass) {
    }

    /**
     * Ids, ascending, of the items open to automation: no one's current opinion is a class or a
     * set ({@link Opinions}' "unlabeled"), no current gold, and no auto label from any run.
     */
    public long[] openItems(Transaction tx) {
        return tx.call(c -> {
            long[] ids = new long[1024];
            int n = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.id FROM item i"
                    + " WHERE NOT " + Opinions.isLabeled("i.id")
                    + " AND NOT EXISTS (SELECT 1 FROM annotation g WHERE g.item = i.id AND g.kind IN ('class', 'multi')"
                    + " AND " + Opinions.isCurrentGold("g", "i.id") + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM annotation a WHERE a.item = i.id AND a.origin = 'auto')"
                    + " ORDER BY i.id")) {
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
            }
            return Arrays.copyOf(ids, n);
        });
    }

    /** Appends the labels by {@code annotator} from run {@code run}; their items are noted as changed. */
    public void append(Transaction tx, long annotator, long run, List<AutoLabel> labels, Instant submitted) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotation (item, annotator, kind,"
                    + " label_class, origin, prediction_run, submitted) VALUES (?, ?, 'class', ?, 'auto', ?, ?)")) {
                for (AutoLabel label : labels) {
                    ps.setLong(1, label.item());
                    ps.setLong(2, annotator);
                    ps.setLong(3, label.labelClass());
                    ps.setLong(4, run);
                    ps.setString(5, submitted.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        labels.forEach(label -> tx.labelChanges().note(label.item()));
    }

    /** How many auto labels run {@code run} has written. */
    public long countFromRun(Transaction tx, long run) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM annotation WHERE origin = 'auto' AND prediction_run = ?")) {
                ps.setLong(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        });
    }
}
