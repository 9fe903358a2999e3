package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows written straight into a project file, for tests that need exact labels and items without media files. */
final class ProjectRows {
    private ProjectRows() {
    }

    static void importBatch(Transaction tx) throws SQLException {
        exec(tx, "INSERT INTO import_batch (id, source, kind, started, finished, added, already_present, duplicates,"
                + " skipped, copied, options, app_version) VALUES (1, 'test', 'manifest', 'now', 'now', 0, 0, 0, 0, 0,"
                + " '{}', 'test')");
    }

    /** An item of import batch 1: an image with width and height, or audio with a duration. */
    static void item(Transaction tx, long id, String key, String media, Integer width, Integer height,
            Integer durationMs) throws SQLException {
        exec(tx, "INSERT INTO item (id, key, media, format, path, sha256, bytes, width, height, duration_ms,"
                + " import_batch) VALUES (?, ?, ?, ?, ?, ?, 100, ?, ?, ?, 1)", id, key, media,
                media.equals("image") ? "png" : "wav", key, "sha-" + key, width, height, durationMs);
    }

    static void attr(Transaction tx, long item, String name, String value) throws SQLException {
        exec(tx, "INSERT INTO item_attr (item, name, value) VALUES (?, ?, ?)", item, name, value);
    }

    static void annotator(Transaction tx, long id, String name) throws SQLException {
        exec(tx, "INSERT INTO annotator (id, name) VALUES (?, ?)", id, name);
    }

    /** An annotation row: {@code className} null for kinds without a class (clear, skip). */
    static void label(Transaction tx, long item, long annotator, String kind, String className, String origin)
            throws SQLException {
        exec(tx, "INSERT INTO annotation (item, annotator, kind, label_class, origin, submitted)"
                + " VALUES (?, ?, ?, (SELECT id FROM label_class WHERE name = ?), ?, 'now')", item, annotator, kind,
                className, origin);
    }

    /** A multi-label annotation: the set of classes. */
    static void multi(Transaction tx, long item, long annotator, String... classNames) throws SQLException {
        exec(tx, "INSERT INTO annotation (item, annotator, kind, origin, submitted) VALUES (?, ?, 'multi', 'human',"
                + " 'now')", item, annotator);
        for (String name : classNames) {
            exec(tx, "INSERT INTO annotation_label (annotation, label_class) SELECT MAX(id),"
                    + " (SELECT id FROM label_class WHERE name = ?) FROM annotation", name);
        }
    }

    static long classId(Transaction tx, String name) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM label_class WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void exec(Transaction tx, String sql, Object... parameters) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < parameters.length; k++) {
                ps.setObject(k + 1, parameters[k]);
            }
            ps.executeUpdate();
        }
    }
}
