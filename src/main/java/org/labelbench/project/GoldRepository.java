package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items' current gold: the newest {@link Opinions#ADJUDICATED} annotation of each item
 * ({@link Opinions#currentGoldIds}); an item without one has no gold.
 */
public final class GoldRepository {
    /** An item's current gold class, who set it and when (the stored ISO-8601 instant). */
    public record GoldLabel(long item, long annotation, String label, String adjudicator, String submitted) {
    }

    /** Item id to the class id of its current gold, for every item whose current gold is a class. */
    public Map<Long, Long> currentGoldClasses(Transaction tx) {
        return tx.call(c -> currentGoldClasses(c));
    }

    Map<Long, Long> currentGoldClasses(Connection c) throws SQLException {
        Map<Long, Long> gold = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, a.label_class"
                + " FROM annotation a JOIN (" + Opinions.currentGoldIds(null) + ") cur ON cur.id = a.id"
                + " WHERE a.kind = 'class'")) {
            while (rs.next()) {
                gold.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return gold;
    }

    /**
     * Item id to the class ids of its current gold, for every item whose current gold is a
     * multi-label set (an empty set: "none apply").
     */
    public Map<Long, Set<Long>> currentGoldSets(Transaction tx) {
        return tx.call(c -> currentGoldSets(c));
    }

    Map<Long, Set<Long>> currentGoldSets(Connection c) throws SQLException {
        Map<Long, Set<Long>> gold = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, al.label_class"
                + " FROM annotation a JOIN (" + Opinions.currentGoldIds(null) + ") cur ON cur.id = a.id"
                + " LEFT JOIN annotation_label al ON al.annotation = a.id WHERE a.kind = 'multi'")) {
            while (rs.next()) {
                Set<Long> classes = gold.computeIfAbsent(rs.getLong(1), i -> new HashSet<>());
                long labelClass = rs.getLong(2);
                if (!rs.wasNull()) {
                    classes.add(labelClass);
                }
            }
        }
        return gold;
    }

    /** The current gold class of each of {@code itemIds} that has one, by item id. */
    public Map<Long, GoldLabel> currentGold(Transaction tx, List<Long> itemIds) {
        return tx.call(c -> currentGold(c, itemIds));
    }

    Map<Long, GoldLabel> currentGold(Connection c, List<Long> itemIds) throws SQLException {
        Map<Long, GoldLabel> gold = new HashMap<>();
        for (int from = 0; from < itemIds.size(); from += IdParameters.CHUNK) {
            List<Long> chunk = itemIds.subList(from, Math.min(itemIds.size(), from + IdParameters.CHUNK));
            String sql = "SELECT a.item, a.id, lc.name, n.name, a.submitted FROM annotation a JOIN ("
                    + Opinions.currentGoldIds("item IN (" + IdParameters.placeholders(chunk.size()) + ")") + ") cur"
                    + " ON cur.id = a.id JOIN annotator n ON n.id = a.annotator"
                    + " JOIN label_class lc ON lc.id = a.label_class WHERE a.kind = 'class'";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                IdParameters.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        gold.put(rs.getLong(1), new GoldLabel(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
        }
        return gold;
    }

    /**
     * The class name of every item whose current gold is one class (not a multi-label set, not a
     * skip), by item id; one statement over all items.
     */
    public Map<Long, String> goldClasses(Transaction tx) {
        return tx.call(this::goldClasses);
    }

    Map<Long, String> goldClasses(Connection c) throws SQLException {
        Map<Long, String> gold = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, lc.name FROM annotation a"
                + " JOIN (" + Opinions.currentGoldIds(null) + ") cur ON cur.id = a.id"
                + " JOIN label_class lc ON lc.id = a.label_class WHERE a.kind = 'class'")) {
            while (rs.next()) {
                gold.put(rs.getLong(1), rs.getString(2));
            }
        }
        return gold;
    }
}
