package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The model table: one row per model trained or loaded in the project, never edited. */
public final class ModelRepository {

    /** A model's row. The JSON columns are kept as text; {@code assist} reads them. */
    public record ModelRow(long id, String name, String origin, String media, String architecture, String input,
            String classes, String folder, String files, String modelSha256, String params, Long seed, String device,
            String engine, String labelsFingerprint, String history, String metrics, String created,
            String createdBy) {
    }

    private static final String COLUMNS = "name, origin, media, architecture, input, classes, folder, files,"
            + " model_sha256, params, seed, device, engine, labels_fingerprint, history, metrics, created, created_by";

    public long insert(Transaction tx, ModelRow row) {
        return tx.call(c -> insert(c, row));
    }

    private long insert(Connection c, ModelRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO model (" + COLUMNS + ") VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, row.name());
            ps.setString(2, row.origin());
            ps.setString(3, row.media());
            ps.setString(4, row.architecture());
            ps.setString(5, row.input());
            ps.setString(6, row.classes());
            ps.setString(7, row.folder());
            ps.setString(8, row.files());
            ps.setString(9, row.modelSha256());
            ps.setString(10, row.params());
            if (row.seed() == null) {
                ps.setNull(11, Types.INTEGER);
            } else {
                ps.setLong(11, row.seed());
            }
            ps.setString(12, row.device());
            ps.setString(13, row.engine());
            ps.setString(14, row.labelsFingerprint());
            ps.setString(15, row.history());
            ps.setString(16, row.metrics());
            ps.setString(17, row.created());
            ps.setString(18, row.createdBy());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<ModelRow> find(Transaction tx, String name) {
        return tx.call(c -> rows(c, name)).stream().findFirst();
    }

    /** Every model, oldest first. */
    public List<ModelRow> list(Transaction tx) {
        return tx.call(c -> rows(c, null));
    }

    public boolean exists(Transaction tx, String name) {
        return find(tx, name).isPresent();
    }

    private List<ModelRow> rows(Connection c, String name) throws SQLException {
        List<ModelRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM model"
                + (name == null ? "" : " WHERE name = ?") + " ORDER BY id")) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seed = rs.getLong(12);
                    Long seedOrNull = rs.wasNull() ? null : seed;
                    rows.add(new ModelRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), seedOrNull, rs.getString(13), rs.getString(14),
                            rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                            rs.getString(19)));
                }
            }
        }
        return rows;
    }
}
