package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of one annotator's work in a queue (tables {@code assignment} and {@code queue_item}):
 * which items they were served, in what sequence, and which items they may take next. A
 * labeling session runs these on every keypress, so each statement is prepared once in the
 * session's {@link StatementCache}.
 */
public final class AssignmentRepository {
    /** An item served to an annotator: its place in their sequence and {@code open}, {@code done} or {@code skipped}. */
    public record Assignment(long item, long seq, String state) {
    }

    /** A queue item an annotator may take, at its place in the queue's order. */
    public record Candidate(long item, long position) {
    }

    private static final String ASSIGNMENT = "SELECT item, seq, state FROM assignment WHERE queue = ? AND annotator = ?";
    /** Not served to this annotator yet, and still short of answers that count (skips do not). */
    private static final String NOT_MINE = " AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.queue = qi.queue"
            + " AND a.item = qi.item AND a.annotator = ?)"
            + " AND (SELECT COUNT(*) FROM assignment a WHERE a.queue = qi.queue AND a.item = qi.item"
            + " AND a.state <> 'skipped') < qi.need";
    /** Answered anywhere by this annotator (any origin, a skip too). */
    private static final String NOT_ANSWERED_BY_ME = " AND NOT EXISTS (SELECT 1 FROM annotation x"
            + " WHERE x.item = qi.item AND x.annotator = ?)";

    private final StatementCache cache;

    public AssignmentRepository(StatementCache cache) {
        this.cache = cache;
    }

    /** The assignment at {@code seq}. */
    public Optional<Assignment> atSeq(Transaction tx, long queue, long annotator, long seq) {
        return tx.call(c -> first(c, ASSIGNMENT + " AND seq = ? LIMIT 1", queue, annotator, seq));
    }

    /** The last assignment before {@code seq} (undo). */
    public Optional<Assignment> lastBefore(Transaction tx, long queue, long annotator, long seq) {
        return tx.call(c -> first(c, ASSIGNMENT + " AND seq < ? ORDER BY seq DESC LIMIT 1", queue, annotator, seq));
    }

    /** The first assignment after {@code seq}. */
    public Optional<Assignment> firstAfter(Transaction tx, long queue, long annotator, long seq) {
        return tx.call(c -> first(c, ASSIGNMENT + " AND seq > ? ORDER BY seq LIMIT 1", queue, annotator, seq));
    }

    /** The first time {@code item} was served to this annotator in the queue. */
    public Optional<Assignment> firstOf(Transaction tx, long queue, long annotator, long item) {
        return tx.call(c -> first(c, ASSIGNMENT + " AND item = ? ORDER BY seq LIMIT 1", queue, annotator, item));
    }

    /** The first open assignment other than the one at {@code seq}. */
    public Optional<Assignment> firstOpenExcept(Transaction tx, long queue, long annotator, long seq) {
        return tx.call(c -> first(c, ASSIGNMENT + " AND state = 'open' AND seq <> ? ORDER BY seq LIMIT 1", queue,
                annotator, seq));
    }

    Optional<Assignment> first(Connection c, String sql, long queue, long annotator, long parameter)
            throws SQLException {
        PreparedStatement ps = cache.prepare(c, sql);
        ps.setLong(1, queue);
        ps.setLong(2, annotator);
        ps.setLong(3, parameter);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Assignment(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                    : Optional.empty();
        }
    }

    /** The annotator's highest sequence number in the queue, if they were served anything. */
    public Optional<Long> highestSeq(Transaction tx, long queue, long annotator) {
        return tx.call(c -> highest(c, "SELECT MAX(seq) FROM assignment WHERE queue = ? AND annotator = ?", queue,
                annotator));
    }

    /** The highest queue position served to the annotator, if any. */
    public Optional<Long> highestPosition(Transaction tx, long queue, long annotator) {
        return tx.call(c -> highest(c, "SELECT MAX(position) FROM assignment WHERE queue = ? AND annotator = ?",
                queue, annotator));
    }

    private Optional<Long> highest(Connection c, String sql, long queue, long annotator) throws SQLException {
        PreparedStatement ps = cache.prepare(c, sql);
        ps.setLong(1, queue);
        ps.setLong(2, annotator);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            long highest = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(highest);
        }
    }

    /**
     * Queue items after {@code afterPosition}, in queue order, that the annotator may take: not
     * served to them yet and still short of answers; with {@code unansweredByThem}, also items
     * they never answered anywhere else.
     */
    public List<Candidate> candidates(Transaction tx, long queue, long annotator, long afterPosition,
            boolean unansweredByThem, int limit) {
        return tx.call(c -> candidates(c, queue, annotator, afterPosition, unansweredByThem, limit));
    }

    List<Candidate> candidates(Connection c, long queue, long annotator, long afterPosition, boolean unansweredByThem,
            int limit) throws SQLException {
        String sql = "SELECT qi.item, qi.position FROM queue_item qi WHERE qi.queue = ? AND qi.position > ?" + NOT_MINE
                + (unansweredByThem ? NOT_ANSWERED_BY_ME : "") + " ORDER BY qi.position LIMIT ?";
        PreparedStatement ps = cache.prepare(c, sql);
        int p = 1;
        ps.setLong(p++, queue);
        ps.setLong(p++, afterPosition);
        ps.setLong(p++, annotator);
        if (unansweredByThem) {
            ps.setLong(p++, annotator);
        }
        ps.setInt(p, limit);
        List<Candidate> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Candidate(rs.getLong(1), rs.getLong(2)));
            }
        }
        return found;
    }

    /** Whether the annotator may take {@code item} (as {@link #candidates}, for one item). */
    public boolean isCandidate(Transaction tx, long queue, long annotator, long item, boolean unansweredByThem) {
        return tx.call(c -> {
            String sql = "SELECT 1 FROM queue_item qi WHERE qi.queue = ? AND qi.item = ?" + NOT_MINE
                    + (unansweredByThem ? NOT_ANSWERED_BY_ME : "");
            PreparedStatement ps = cache.prepare(c, sql);
            ps.setLong(1, queue);
            ps.setLong(2, item);
            ps.setLong(3, annotator);
            if (unansweredByThem) {
                ps.setLong(4, annotator);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The item's position in the queue, if the queue covers it. */
    public Optional<Long> positionOf(Transaction tx, long queue, long item) {
        return tx.call(c -> {
            PreparedStatement ps = cache.prepare(c, "SELECT position FROM queue_item WHERE queue = ? AND item = ?");
            ps.setLong(1, queue);
            ps.setLong(2, item);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        });
    }

    /** Reserves {@code item} for the annotator: an open assignment at {@code seq}. */
    public void open(Transaction tx, long queue, long annotator, long item, long position, long seq, Instant served) {
        tx.run(c -> {
            PreparedStatement ps = cache.prepare(c, "INSERT INTO assignment (queue, annotator, item, position, seq,"
                    + " state, served) VALUES (?, ?, ?, ?, ?, 'open', ?)");
            ps.setLong(1, queue);
            ps.setLong(2, annotator);
            ps.setLong(3, item);
            ps.setLong(4, position);
            ps.setLong(5, seq);
            ps.setString(6, served.toString());
            ps.executeUpdate();
        });
    }

    /** Records the answer to an assignment: {@code done} or {@code skipped}, when, and which annotation. */
    public void finish(Transaction tx, long queue, long annotator, long item, String state, Instant finished,
            long annotation) {
        tx.run(c -> {
            PreparedStatement ps = cache.prepare(c, "UPDATE assignment SET state = ?, finished = ?, annotation = ?"
                    + " WHERE queue = ? AND annotator = ? AND item = ?");
            ps.setString(1, state);
            ps.setString(2, finished.toString());
            ps.setLong(3, annotation);
            ps.setLong(4, queue);
            ps.setLong(5, annotator);
            ps.setLong(6, item);
            ps.executeUpdate();
        });
    }

    /**
     * Items likely to come next for the annotator after {@code afterSeq}: later or open
     * assignments (later ones first) other than {@code except}, at most {@code limit}.
     */
    public List<Long> upcoming(Transaction tx, long queue, long annotator, long afterSeq, long except, int limit) {
        return tx.call(c -> {
            PreparedStatement ps = cache.prepare(c, "SELECT item FROM assignment WHERE queue = ? AND annotator = ?"
                    + " AND (seq > ? OR state = 'open') AND item <> ? ORDER BY seq > ? DESC, seq LIMIT ?");
            ps.setLong(1, queue);
            ps.setLong(2, annotator);
            ps.setLong(3, afterSeq);
            ps.setLong(4, except);
            ps.setLong(5, afterSeq);
            ps.setInt(6, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** How many of the annotator's assignments in the queue are {@code done} (skips are not). */
    public long doneCount(Transaction tx, long queue, long annotator) {
        return tx.call(c -> {
            PreparedStatement ps = cache.prepare(c, "SELECT COUNT(*) FROM assignment WHERE queue = ? AND"
                    + " annotator = ? AND state = 'done'");
            ps.setLong(1, queue);
            ps.setLong(2, annotator);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Keys of the queue's items that start with {@code prefix}, in key order, at most {@code limit};
     * {@code prefix} is not empty.
     */
    public List<String> keysStartingWith(Transaction tx, long queue, String prefix, int limit) {
        return tx.call(c -> {
            // A range on the key (its index) rather than LIKE, whose wildcards a key may contain.
            String upper = prefix.substring(0, prefix.length() - 1)
                    + (char) (prefix.charAt(prefix.length() - 1) + 1);
            PreparedStatement ps = cache.prepare(c, "SELECT i.key FROM item i JOIN queue_item qi ON qi.item = i.id"
                    + " AND qi.queue = ? WHERE i.key >= ? AND i.key < ? AND substr(i.key, 1, length(?)) = ?"
                    + " ORDER BY i.key LIMIT ?");
            ps.setLong(1, queue);
            ps.setString(2, prefix);
            ps.setString(3, upper);
            ps.setString(4, prefix);
            ps.setString(5, prefix);
            ps.setInt(6, limit);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }
}
