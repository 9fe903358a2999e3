package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of versioned guidelines (tables {@code guideline} and {@code guideline_example}). A
 * version's row and examples are written once; examples collected for the next version have no
 * version until it is published.
 */
public final class GuidelineRepository {
    /** A version's text and who wrote it, without its examples. */
    public record StoredVersion(int version, String markdown, Instant created, String author, String change) {
    }

    /** An example with its item; {@code version} null while pending, {@code label} null for "skip this". */
    public record StoredExample(long id, Integer version, long itemId, String itemKey, String media, String path,
            String label, String note) {
    }

    private static final String EXAMPLE_COLUMNS = "SELECT e.id, e.version, i.id, i.key, i.media, i.path, lc.name,"
            + " e.note FROM guideline_example e JOIN item i ON i.id = e.item"
            + " LEFT JOIN label_class lc ON lc.id = e.label_class";

    private final StatementCache cache;

    public GuidelineRepository() {
        this(null);
    }

    /** With a cache, {@link #currentVersion} (read with every label) is prepared once. */
    public GuidelineRepository(StatementCache cache) {
        this.cache = cache;
    }

    /** The newest version number, if any guideline was written; labels record it. */
    public Optional<Integer> currentVersion(Transaction tx) {
        return tx.call(this::currentVersion);
    }

    Optional<Integer> currentVersion(Connection c) throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c, "SELECT MAX(version) FROM guideline");
                ResultSet rs = prepared.statement().executeQuery()) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(version);
        }
    }

    /** Every version number, oldest first. */
    public List<Integer> versions(Transaction tx) {
        return tx.call(c -> {
            List<Integer> versions = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM guideline ORDER BY version")) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            return versions;
        });
    }

    public Optional<StoredVersion> version(Transaction tx, int version) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, markdown, created, author, change FROM guideline WHERE version = ?")) {
                ps.setInt(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredVersion(rs.getInt(1), rs.getString(2),
                            Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5))) : Optional.empty();
                }
            }
        });
    }

    public void insertVersion(Transaction tx, StoredVersion version) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO guideline (version, markdown, created, author, change) VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, version.version());
                ps.setString(2, version.markdown());
                ps.setString(3, version.created().toString());
                ps.setString(4, version.author());
                ps.setString(5, version.change());
                ps.executeUpdate();
            }
        });
    }

    /** Copies the examples of version {@code from} to version {@code to}, in their order. */
    public void copyExamples(Transaction tx, int from, int to) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO guideline_example"
                    + " (version, item, label_class, note, added, author) SELECT ?, item, label_class, note, added,"
                    + " author FROM guideline_example WHERE version = ? ORDER BY id")) {
                ps.setInt(1, to);
                ps.setInt(2, from);
                ps.executeUpdate();
            }
        });
    }

    /** Adds an example to {@code version} (null: pending); returns its id. */
    public long insertExample(Transaction tx, Integer version, long item, Long labelClass, String note, Instant added,
            String author) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO guideline_example (version, item, label_class,"
                    + " note, added, author) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                if (version == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, version);
                }
                ps.setLong(2, item);
                if (labelClass == null) {
                    ps.setNull(3, Types.INTEGER);
                } else {
                    ps.setLong(3, labelClass);
                }
                ps.setString(4, note);
                ps.setString(5, added.toString());
                ps.setString(6, author);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Gives every pending example to {@code version}. */
    public void publishPending(Transaction tx, int version) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE guideline_example SET version = ? WHERE version IS NULL")) {
                ps.setInt(1, version);
                ps.executeUpdate();
            }
        });
    }

    /** Deletes a pending example; false when {@code id} is no pending example. */
    public boolean deletePending(Transaction tx, long id) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM guideline_example WHERE id = ? AND version IS NULL")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The examples of {@code version}, in the order they were added. */
    public List<StoredExample> examplesOf(Transaction tx, int version) {
        return tx.call(c -> examples(c, " WHERE e.version = ?", version));
    }

    /** The examples waiting for the next version. */
    public List<StoredExample> pendingExamples(Transaction tx) {
        return tx.call(c -> examples(c, " WHERE e.version IS NULL", null));
    }

    public Optional<StoredExample> example(Transaction tx, long id) {
        return tx.call(c -> examples(c, " WHERE e.id = ?", id).stream().findFirst());
    }

    private static List<StoredExample> examples(Connection c, String where, Number parameter) throws SQLException {
        List<StoredExample> examples = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EXAMPLE_COLUMNS + where + " ORDER BY e.id")) {
            if (parameter != null) {
                ps.setLong(1, parameter.longValue());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer version = rs.getObject(2) == null ? null : rs.getInt(2);
                    examples.add(new StoredExample(rs.getLong(1), version, rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return examples;
    }
}
