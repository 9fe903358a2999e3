package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQL for import batches (provenance). */
public final class ImportBatchRepository {

    /** Starts a batch row inside the import's transaction; {@link #finish} fills in the outcome. */
    public long start(Transaction tx, String source, String kind, String started, String options) {
        return tx.call(c -> start(c, source, kind, started, options));
    }

    long start(Connection c, String source, String kind, String started, String options)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (source, kind, started, finished,"
                + " added, already_present, duplicates, skipped, copied, options, app_version)"
                + " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, source);
            ps.setString(2, kind);
            ps.setString(3, started);
            ps.setString(4, started);
            ps.setString(5, options);
            ps.setString(6, AppVersion.current());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void finish(Transaction tx, long id, String finished, long added, long alreadyPresent, long duplicates, long skipped, long copied) {
        tx.run(c -> finish(c, id, finished, added, alreadyPresent, duplicates, skipped, copied));
    }

    void finish(Connection c, long id, String finished, long added, long alreadyPresent, long duplicates,
            long skipped, long copied) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_batch SET finished = ?, added = ?,"
                + " already_present = ?, duplicates = ?, skipped = ?, copied = ? WHERE id = ?")) {
            ps.setString(1, finished);
            ps.setLong(2, added);
            ps.setLong(3, alreadyPresent);
            ps.setLong(4, duplicates);
            ps.setLong(5, skipped);
            ps.setLong(6, copied);
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    public long count(Transaction tx) {
        return tx.call(c -> count(c));
    }

    long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM import_batch")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public List<ImportBatch> list(Transaction tx) {
        return tx.call(c -> list(c));
    }

    List<ImportBatch> list(Connection c) throws SQLException {
        List<ImportBatch> batches = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, source, kind, started,"
                + " finished, added, already_present, duplicates, skipped, copied, options, app_version"
                + " FROM import_batch ORDER BY id")) {
            while (rs.next()) {
                batches.add(new ImportBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getString(11), rs.getString(12)));
            }
        }
        return batches;
    }
}
