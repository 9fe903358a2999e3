package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Project-wide settings stored as name/value rows. */
public final class ProjectMeta {
    public static final String NAME = "name";
    public static final String MULTI_LABEL = "multi_label";
    public static final String CREATED = "created";
    public static final String CREATED_BY = "created_by";

    private ProjectMeta() {
    }

    public static void put(Transaction tx, String name, String value) {
        tx.run(c -> put(c, name, value));
    }

    static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO project_meta (name, value) VALUES (?, ?) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** A yes/no setting ("true" or "false"); absent means no. */
    public static boolean flag(Transaction tx, String name) {
        return tx.call(c -> flag(c, name));
    }

    static boolean flag(Connection c, String name) throws SQLException {
        return get(c, name).map(Boolean::parseBoolean).orElse(false);
    }

    /** Whether an item may have several classes: the one place the setting is read. */
    public static boolean isMultiLabel(Transaction tx) {
        return tx.call(c -> isMultiLabel(c));
    }

    static boolean isMultiLabel(Connection c) throws SQLException {
        return flag(c, MULTI_LABEL);
    }

    public static Optional<String> get(Transaction tx, String name) {
        return tx.call(c -> get(c, name));
    }

    static Optional<String> get(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM project_meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
