package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of labeling queues (tables {@code queue} and {@code queue_item}): a queue's row, its
 * items in serving order with the labels each still needs, and the progress figures read over
 * its assignments.
 */
public final class QueueRepository {
    /**
     * A queue as stored; {@code strategy} its id, {@code items} how many items it covers;
     * {@code suggestionsRunId} and {@code suggestionsRun} the prediction run whose suggestions it
     * shows (null: none).
     */
    public record StoredQueue(long id, String name, String strategy, int overlap, Long seed, String scope,
            List<String> annotators, Instant created, String createdBy, long items, Long suggestionsRunId,
            String suggestionsRun) {
        public StoredQueue {
            annotators = List.copyOf(annotators);
        }
    }

    /** A queue to write; {@code annotators} empty: anyone may work it; {@code suggestionsRun} a run id or null. */
    public record NewQueue(String name, String strategy, int overlap, long seed, String scope,
            List<String> annotators, Instant created, String createdBy, Long suggestionsRun) {
        public NewQueue {
            annotators = List.copyOf(annotators);
        }

        public NewQueue(String name, String strategy, int overlap, long seed, String scope, List<String> annotators,
                Instant created, String createdBy) {
            this(name, strategy, overlap, seed, scope, annotators, created, createdBy, null);
        }
    }

    /** An item of a queue and how many labels it needs from the queue. */
    public record QueueEntry(long item, long need) {
    }

    /** Items with all the labels they need, and labels wanted in all. */
    public record Completion(long completeItems, long labelsWanted) {
    }

    /**
     * One annotator's assignments in a queue: done and skipped counts, and the summed duration
     * of the {@code timed} done ones that recorded how long they took.
     */
    public record AnnotatorWork(long annotatorId, String annotator, long done, long skipped, long timedMs,
            long timed) {
    }

    private static final String QUEUE_COLUMNS = "SELECT q.id, q.name, q.strategy, q.overlap, q.seed, q.scope,"
            + " q.annotators, q.created, q.created_by, (SELECT COUNT(*) FROM queue_item qi WHERE qi.queue = q.id),"
            + " q.suggestions_run, r.name FROM queue q LEFT JOIN prediction_run r ON r.id = q.suggestions_run";

    public Optional<StoredQueue> find(Transaction tx, String name) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(QUEUE_COLUMNS + " WHERE q.name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every queue, oldest first. */
    public List<StoredQueue> list(Transaction tx) {
        return tx.call(c -> {
            List<StoredQueue> queues = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUEUE_COLUMNS + " ORDER BY q.id")) {
                while (rs.next()) {
                    queues.add(read(rs));
                }
            }
            return queues;
        });
    }

    /** Writes the queue's row; returns its id. Its items follow with {@link #addItems}. */
    public long insert(Transaction tx, NewQueue queue) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue (name, strategy, overlap, seed, scope,"
                    + " annotators, created, created_by, suggestions_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, queue.name());
                ps.setString(2, queue.strategy());
                ps.setInt(3, queue.overlap());
                ps.setLong(4, queue.seed());
                ps.setString(5, queue.scope());
                ps.setString(6, queue.annotators().isEmpty() ? null : String.join(",", queue.annotators()));
                ps.setString(7, queue.created().toString());
                ps.setString(8, queue.createdBy());
                if (queue.suggestionsRun() == null) {
                    ps.setNull(9, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(9, queue.suggestionsRun());
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The queue's items never served to anyone, in queue order: the ones a re-rank may move. */
    public List<Long> unservedItems(Transaction tx, long queue) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT qi.item FROM queue_item qi WHERE qi.queue = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.queue = qi.queue AND a.item = qi.item)"
                    + " ORDER BY qi.position")) {
                ps.setLong(1, queue);
                List<Long> items = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(rs.getLong(1));
                    }
                }
                return items;
            }
        });
    }

    /**
     * Serves {@code items} (never served yet) in this order after every position the queue has:
     * each labeler walks a queue forward from the last position they were served, so a moved
     * item must land beyond all of them to be served at all.
     */
    public void moveToEnd(Transaction tx, long queue, List<Long> items) {
        tx.run(c -> {
            long next;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM queue_item"
                    + " WHERE queue = ?")) {
                ps.setLong(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1) + 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_item SET position = ? WHERE queue = ?"
                    + " AND item = ?")) {
                for (long item : items) {
                    ps.setLong(1, next++);
                    ps.setLong(2, queue);
                    ps.setLong(3, item);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Adds {@code entries} to the queue in order, the first at {@code firstPosition}, in one batch. */
    public void addItems(Transaction tx, long queue, int firstPosition, List<QueueEntry> entries) {
        tx.run(c -> addItems(c, queue, firstPosition, entries));
    }

    void addItems(Connection c, long queue, int firstPosition, List<QueueEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO queue_item (queue, position, item, need) VALUES (?, ?, ?, ?)")) {
            int position = firstPosition;
            for (QueueEntry entry : entries) {
                ps.setLong(1, queue);
                ps.setInt(2, position++);
                ps.setLong(3, entry.item());
                ps.setLong(4, entry.need());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** How many of the queue's items have the labels they need (done assignments), and labels wanted in all. */
    public Completion completion(Transaction tx, long queue) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN (SELECT COUNT(*) FROM"
                    + " assignment a WHERE a.queue = qi.queue AND a.item = qi.item AND a.state = 'done') >= qi.need"
                    + " THEN 1 ELSE 0 END), 0), COALESCE(SUM(qi.need), 0) FROM queue_item qi WHERE qi.queue = ?")) {
                ps.setLong(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Completion(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    /** Each annotator who was served items of the queue, by name. */
    public List<AnnotatorWork> annotatorWork(Transaction tx, long queue) {
        return tx.call(c -> {
            List<AnnotatorWork> work = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT n.id, n.name,"
                    + " SUM(CASE WHEN a.state = 'done' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN a.state = 'skipped' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN a.state = 'done' THEN an.duration_ms END),"
                    + " SUM(CASE WHEN a.state = 'done' AND an.duration_ms IS NOT NULL THEN 1 ELSE 0 END)"
                    + " FROM assignment a JOIN annotator n ON n.id = a.annotator"
                    + " LEFT JOIN annotation an ON an.id = a.annotation"
                    + " WHERE a.queue = ? GROUP BY n.id, n.name ORDER BY n.name")) {
                ps.setLong(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        work.add(new AnnotatorWork(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            return work;
        });
    }

    /**
     * The median duration in milliseconds of the annotator's timed, done items in the queue, of
     * which there are {@code timed}; empty when there are none.
     */
    public Optional<Double> medianDurationMs(Transaction tx, long queue, long annotator, long timed) {
        if (timed <= 0) {
            return Optional.empty();
        }
        return tx.call(c -> {
            // Only the middle one or two rows are read, in the order of the durations.
            try (PreparedStatement ps = c.prepareStatement("SELECT an.duration_ms FROM assignment a"
                    + " JOIN annotation an ON an.id = a.annotation WHERE a.queue = ? AND a.annotator = ?"
                    + " AND a.state = 'done' AND an.duration_ms IS NOT NULL ORDER BY an.duration_ms LIMIT ? OFFSET ?")) {
                ps.setLong(1, queue);
                ps.setLong(2, annotator);
                ps.setLong(3, timed % 2 == 0 ? 2 : 1);
                ps.setLong(4, (timed - 1) / 2);
                double sum = 0;
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getLong(1);
                        n++;
                    }
                }
                return n == 0 ? Optional.<Double>empty() : Optional.of(sum / n);
            }
        });
    }

    private static StoredQueue read(ResultSet rs) throws SQLException {
        String annotators = rs.getString(7);
        Long seed = rs.getObject(5) == null ? null : rs.getLong(5);
        return new StoredQueue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), seed, rs.getString(6),
                annotators == null ? List.of() : List.of(annotators.split(",")), Instant.parse(rs.getString(8)),
                rs.getString(9), rs.getLong(10), rs.getObject(11) == null ? null : rs.getLong(11), rs.getString(12));
    }
}
