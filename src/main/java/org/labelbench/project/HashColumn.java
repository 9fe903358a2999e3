package org.labelbench.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A SHA-256 column stored as its 32 bytes (schema 10) while the rest of the app speaks the
 * lower-case hex that sha256sum prints: the repositories convert here, at the store's edge, so
 * services, manifests and exports see the same strings as before and stay byte-identical.
 */
final class HashColumn {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * The condition "item's hash {@code column} (sha256 or ALIAS.sha256) equals the parameter",
     * bound twice ({@link #bindTwice}): its last 8 bytes seek the item_sha256_tail index (schema
     * 10 indexes only those), the whole hash confirms. SQLite uses an expression index only where
     * a query spells the same expression.
     */
    static String itemHashIs(String column) {
        return "substr(" + column + ", 25, 8) = substr(?, 25, 8) AND " + column + " = ?";
    }

    private HashColumn() {
    }

    /** The bytes of a hex SHA-256; anything but 64 hex digits is a bug of the caller, not bad input. */
    static byte[] bytes(String hex) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits, not " + hex.length() + ": " + hex);
        }
        return HEX.parseHex(hex);
    }

    static void bind(PreparedStatement ps, int index, String hex) throws SQLException {
        ps.setBytes(index, bytes(hex));
    }

    /** The hash's bytes into parameters {@code index} and {@code index + 1}, as {@link #itemHashIs} wants. */
    static void bindTwice(PreparedStatement ps, int index, String hex) throws SQLException {
        byte[] bytes = bytes(hex);
        ps.setBytes(index, bytes);
        ps.setBytes(index + 1, bytes);
    }

    /** The column as hex; null stays null. */
    static String read(ResultSet rs, int column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
