package org.labelbench.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The queue_retraining table: which queues retrain a model in the background every N labels,
 * and where the last round left off. The count of a queue's done labels lives here too, since
 * it is what a round is due on.
 */
public final class QueueRetrainingRepository {

    /** A queue's row. {@code labelsAtLast}: the queue's done labels when the last round started. */
    public record RetrainingRow(long queue, String model, int everyLabels, String uncertainty, long labelsAtLast,
            String lastModel, String lastFinished, String lastError, String created, String createdBy) {
    }

    public Optional<RetrainingRow> find(Transaction tx, long queue) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT queue, model, every_labels, uncertainty,"
                    + " labels_at_last, last_model, last_finished, last_error, created, created_by"
                    + " FROM queue_retraining WHERE queue = ?")) {
                ps.setLong(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RetrainingRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
        });
    }

    /** Sets (or replaces) the queue's retraining; the count of labels starts again from {@code labelsNow}. */
    public void save(Transaction tx, long queue, String model, int everyLabels, String uncertainty, long labelsNow,
            String created, String createdBy) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_retraining (queue, model, every_labels,"
                    + " uncertainty, labels_at_last, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (queue) DO UPDATE SET model = excluded.model,"
                    + " every_labels = excluded.every_labels, uncertainty = excluded.uncertainty,"
                    + " labels_at_last = excluded.labels_at_last, last_error = NULL, created = excluded.created,"
                    + " created_by = excluded.created_by")) {
                ps.setLong(1, queue);
                ps.setString(2, model);
                ps.setInt(3, everyLabels);
                ps.setString(4, uncertainty);
                ps.setLong(5, labelsNow);
                ps.setString(6, created);
                ps.setString(7, createdBy);
                ps.executeUpdate();
            }
        });
    }

    /** Turns the queue's retraining off; false when it had none. */
    public boolean delete(Transaction tx, long queue) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM queue_retraining WHERE queue = ?")) {
                ps.setLong(1, queue);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Claims the round due at {@code labelsNow}: moves the count from {@code labelsSeen} to it.
     * False when another session moved it first (or the retraining was changed meanwhile).
     */
    public boolean claim(Transaction tx, long queue, long labelsSeen, long labelsNow) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_retraining SET labels_at_last = ?"
                    + " WHERE queue = ? AND labels_at_last = ?")) {
                ps.setLong(1, labelsNow);
                ps.setLong(2, queue);
                ps.setLong(3, labelsSeen);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Where a round ended: the model it made (null when it made none) and its error (null when none). */
    public void finished(Transaction tx, long queue, String model, String finished, String error) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_retraining SET"
                    + " last_model = COALESCE(?, last_model), last_finished = ?, last_error = ? WHERE queue = ?")) {
                ps.setString(1, model);
                ps.setString(2, finished);
                ps.setString(3, error);
                ps.setLong(4, queue);
                ps.executeUpdate();
            }
        });
    }

    /** The queue's done labels (every annotator's), the count a round is due on. */
    public long doneLabels(Transaction tx, long queue) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM assignment WHERE queue = ?"
                    + " AND state = 'done'")) {
                ps.setLong(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
