package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of tags and of which items carry them (tables {@code tag}, {@code item_tag}). */
public final class TagRepository {

    /** A tag with the number of items carrying it. */
    public record TagInfo(long id, String name, String kind, String rule, long items) {
    }

    public Optional<Long> idOf(Transaction tx, String name) {
        return tx.call(c -> idOf(c, name));
    }

    Optional<Long> idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tag WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The tag's kind (manual, rule, metadata), if there is a tag by that name. */
    public Optional<String> kindOf(Transaction tx, String name) {
        return tx.call(c -> kindOf(c, name));
    }

    Optional<String> kindOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM tag WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The tag's id, creating it with {@code kind} if there is none by that name. */
    public long define(Transaction tx, String name, String kind, String rule, Instant now) {
        return tx.call(c -> define(c, name, kind, rule, now));
    }

    long define(Connection c, String name, String kind, String rule, Instant now) throws SQLException {
        Optional<Long> existing = idOf(c, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tag (name, kind, rule, created) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, kind);
            ps.setString(3, rule);
            ps.setString(4, now.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Tags the items; items already carrying the tag are left as they were. Returns how many were added. */
    public int add(Transaction tx, long tag, Collection<Long> items, String origin, String author, Instant now) {
        return tx.call(c -> add(c, tag, items, origin, author, now));
    }

    int add(Connection c, long tag, Collection<Long> items, String origin, String author, Instant now)
            throws SQLException {
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement(SqlDialect.of(c).insertSkippingExisting("item_tag",
                "(tag, item, origin, added, author) VALUES (?, ?, ?, ?, ?)"))) {
            for (long item : items) {
                ps.setLong(1, tag);
                ps.setLong(2, item);
                ps.setString(3, origin);
                ps.setString(4, now.toString());
                ps.setString(5, author);
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** Untags the items; returns how many carried the tag. */
    public int remove(Transaction tx, long tag, Collection<Long> items) {
        return tx.call(c -> remove(c, tag, items));
    }

    int remove(Connection c, long tag, Collection<Long> items) throws SQLException {
        int removed = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM item_tag WHERE tag = ? AND item = ?")) {
            for (long item : items) {
                ps.setLong(1, tag);
                ps.setLong(2, item);
                removed += ps.executeUpdate();
            }
        }
        return removed;
    }

    /** Every tag with its item count, by name. */
    public List<TagInfo> list(Transaction tx) {
        return tx.call(c -> list(c));
    }

    List<TagInfo> list(Connection c) throws SQLException {
        List<TagInfo> tags = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.id, t.name, t.kind, t.rule,"
                + " (SELECT COUNT(*) FROM item_tag it WHERE it.tag = t.id) FROM tag t ORDER BY t.name")) {
            while (rs.next()) {
                tags.add(new TagInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }
        return tags;
    }

    /** Item id to the names of its tags, for every tagged item. */
    public Map<Long, List<String>> tagsByItem(Transaction tx) {
        return tx.call(c -> tagsByItem(c));
    }

    Map<Long, List<String>> tagsByItem(Connection c) throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT it.item, t.name FROM item_tag it JOIN tag t ON t.id = it.tag ORDER BY t.name")) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getString(2));
            }
        }
        return tags;
    }

    /** The ids of the items carrying the tag (manual, rule or metadata), in key order. */
    public List<Long> itemIdsInKeyOrder(Transaction tx, long tag) {
        return tx.call(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.id FROM item_tag it JOIN item i ON i.id = it.item WHERE it.tag = ? ORDER BY i.key")) {
                ps.setLong(1, tag);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }
}
