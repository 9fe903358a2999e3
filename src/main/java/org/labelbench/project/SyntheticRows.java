package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Batched inserts of synthetic rows for the benchmarks' large projects: items with given ids,
 * their attributes, class labels and tag memberships, written without an import's per-file
 * lookups (a real import of a million files takes minutes). Rows wait in JDBC batches and are
 * written, parents first so foreign keys hold, every {@value #BATCH} rows and on {@link #close}.
 * The benchmarks alone use it; everything else writes through the services.
 */
public final class SyntheticRows implements AutoCloseable {
    /** Rows per statement batch. */
    static final int BATCH = 10_000;
    /** When every synthetic row was made, so two builds write the same file. */
    private static final String AT = "2026-01-01T00:00:00Z";

    private final Transaction tx;
    private final PreparedStatement item;
    private final PreparedStatement attribute;
    private final PreparedStatement label;
    private final PreparedStatement tagged;
    private int pending;

    private SyntheticRows(Transaction tx, Connection c) throws SQLException {
        this.tx = tx;
        item = c.prepareStatement("INSERT INTO item (id, key, media, format, path, sha256, bytes, width, height,"
                + " import_batch) VALUES (?, ?, 'image', 'png', ?, ?, ?, ?, ?, ?)");
        attribute = c.prepareStatement("INSERT INTO item_attr (item, name, value) VALUES (?, ?, ?)");
        label = c.prepareStatement("INSERT INTO annotation (item, annotator, kind, label_class, origin, submitted)"
                + " VALUES (?, ?, 'class', ?, 'human', ?)");
        tagged = c.prepareStatement("INSERT INTO item_tag (tag, item, origin, added) VALUES (?, ?, 'manual', ?)");
    }

    /** Rows for the work running in {@code tx}; close it (which writes what is left) before the work ends. */
    public static SyntheticRows in(Transaction tx) {
        return tx.call(c -> new SyntheticRows(tx, c));
    }

    /** A finished import batch of source {@code synthetic} that added nothing; returns its id. */
    public long importBatch(String kind) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (source, kind, started, finished,"
                    + " added, already_present, duplicates, skipped, copied, options, app_version)"
                    + " VALUES ('synthetic', ?, ?, ?, 0, 0, 0, 0, 0, '{}', 'bench')", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind);
                ps.setString(2, AT);
                ps.setString(3, AT);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** A PNG image item with the id {@code id} (no file on disk). */
    public void pngItem(long id, String key, String path, String sha256, long bytes, int width, int height,
            long importBatch) {
        tx.run(c -> {
            item.setLong(1, id);
            item.setString(2, key);
            item.setString(3, path);
            HashColumn.bind(item, 4, sha256);
            item.setLong(5, bytes);
            item.setInt(6, width);
            item.setInt(7, height);
            item.setLong(8, importBatch);
            add(item);
        });
    }

    public void attribute(long itemId, String name, String value) {
        tx.run(c -> {
            attribute.setLong(1, itemId);
            attribute.setString(2, name);
            attribute.setString(3, value);
            add(attribute);
        });
    }

    /** A person's class label on the item. */
    public void classLabel(long itemId, long annotator, long labelClass) {
        tx.run(c -> {
            label.setLong(1, itemId);
            label.setLong(2, annotator);
            label.setLong(3, labelClass);
            label.setString(4, AT);
            add(label);
        });
    }

    /** The item carries the (manual) tag. */
    public void tagged(long tag, long itemId) {
        tx.run(c -> {
            tagged.setLong(1, tag);
            tagged.setLong(2, itemId);
            tagged.setString(3, AT);
            add(tagged);
        });
    }

    /** Writes every row waiting, parents first. */
    public void flush() {
        tx.run(c -> flushBatches());
    }

    @Override
    public void close() {
        tx.run(c -> {
            try (item; attribute; label; tagged) {
                flushBatches();
            }
        });
    }

    private void add(PreparedStatement statement) throws SQLException {
        statement.addBatch();
        if (++pending >= BATCH) {
            flushBatches();
        }
    }

    private void flushBatches() throws SQLException {
        item.executeBatch();
        attribute.executeBatch();
        label.executeBatch();
        tagged.executeBatch();
        pending = 0;
    }
}
