package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The project's split rule and every item's split (tables split_rule and item_split). */
public final class SplitRepository {

    /** The stored rule: names and ratios comma-separated as written, {@code groupBy} null when ungrouped. */
    public record StoredRule(String names, String ratios, long seed, String stratify, String groupBy, boolean frozen,
            String created, String createdBy) {
    }

    /** What a split is planned and checked from, one per item: {@code group} and {@code stratum} may be null. */
    public record ItemFacts(long id, String key, String media, String path, String sha256, String group,
            String stratum) {
    }

    public Optional<StoredRule> rule(Transaction tx) {
        return tx.call(SplitRepository::rule);
    }

    private static Optional<StoredRule> rule(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT names, ratios, seed, stratify,"
                + " group_by, frozen, created, created_by FROM split_rule WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredRule(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getInt(6) != 0, rs.getString(7), rs.getString(8)));
        }
    }

    /** Replaces the rule and every assignment with these. */
    public void replace(Transaction tx, StoredRule rule, Map<Long, String> splitOfItem) {
        tx.call(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM item_split");
                s.executeUpdate("DELETE FROM split_rule");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO split_rule (id, names, ratios, seed, stratify,"
                    + " group_by, frozen, created, created_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, rule.names());
                ps.setString(2, rule.ratios());
                ps.setLong(3, rule.seed());
                ps.setString(4, rule.stratify());
                if (rule.groupBy() == null) {
                    ps.setNull(5, Types.VARCHAR);
                } else {
                    ps.setString(5, rule.groupBy());
                }
                ps.setInt(6, rule.frozen() ? 1 : 0);
                ps.setString(7, rule.created());
                ps.setString(8, rule.createdBy());
                ps.executeUpdate();
            }
            insert(c, splitOfItem);
            return null;
        });
    }

    /** Adds assignments for items that have none (items placed by a frozen rule). */
    public void assign(Transaction tx, Map<Long, String> splitOfItem) {
        tx.call(c -> {
            insert(c, splitOfItem);
            return null;
        });
    }

    private static void insert(Connection c, Map<Long, String> splitOfItem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_split (item, split) VALUES (?, ?)")) {
            int pending = 0;
            for (Map.Entry<Long, String> e : splitOfItem.entrySet()) {
                ps.setLong(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
                if (++pending == 5000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Returns whether a rule was there to change. */
    public boolean setFrozen(Transaction tx, boolean frozen) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE split_rule SET frozen = ? WHERE id = 1")) {
                ps.setInt(1, frozen ? 1 : 0);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Every assigned item's split, by item id. */
    public Map<Long, String> splitOfItems(Transaction tx) {
        return tx.call(c -> {
            Map<Long, String> splits = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT item, split FROM item_split")) {
                while (rs.next()) {
                    splits.put(rs.getLong(1), rs.getString(2));
                }
            }
            return splits;
        });
    }

    /** The splits of these items (those in one), by item id. */
    public Map<Long, String> splitsOf(Transaction tx, List<Long> itemIds) {
        return tx.call(c -> {
            Map<Long, String> splits = new HashMap<>();
            if (itemIds.isEmpty()) {
                return splits;
            }
            String placeholders = String.join(",", java.util.Collections.nCopies(itemIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT item, split FROM item_split WHERE item IN ("
                    + placeholders + ")")) {
                for (int i = 0; i < itemIds.size(); i++) {
                    ps.setLong(i + 1, itemIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        splits.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return splits;
        });
    }

    /** The split names of the stored rule, in its order (empty without a split). */
    public List<String> names(Transaction tx) {
        return rule(tx).map(r -> List.of(r.names().split(","))).orElse(List.of());
    }

    /** Items per split, by split name in name order. */
    public Map<String, Long> counts(Transaction tx) {
        return tx.call(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT split, COUNT(*) FROM item_split GROUP BY split ORDER BY split")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /**
     * Every item (or, with {@code onlyUnsplit}, those without a split) with its content hash, the
     * value of {@code groupAttribute} and of {@code stratumAttribute} (either may be null).
     */
    public List<ItemFacts> facts(Transaction tx, String groupAttribute, String stratumAttribute, boolean onlyUnsplit) {
        return tx.call(c -> {
            String sql = "SELECT i.id, i.key, i.media, i.path, i.sha256, ga.value, sa.value FROM item i"
                    + " LEFT JOIN item_attr ga ON ga.item = i.id AND ga.name = ?"
                    + " LEFT JOIN item_attr sa ON sa.item = i.id AND sa.name = ?"
                    + (onlyUnsplit ? " WHERE NOT EXISTS (SELECT 1 FROM item_split s WHERE s.item = i.id)" : "")
                    + " ORDER BY i.id";
            List<ItemFacts> facts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, groupAttribute == null ? "" : groupAttribute);
                ps.setString(2, stratumAttribute == null ? "" : stratumAttribute);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.add(new ItemFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                HashColumn.read(rs, 5), groupAttribute == null ? null : rs.getString(6),
                                stratumAttribute == null ? null : rs.getString(7)));
                    }
                }
            }
            return facts;
        });
    }

    /** The leakage check's lookup by content (package-visible for the test of its query plan). */
    static final String SPLIT_OF_CONTENT = "SELECT s.split FROM item i JOIN item_split s ON s.item = i.id"
            + " WHERE " + HashColumn.itemHashIs("i.sha256") + " ORDER BY i.id LIMIT 1";

    /** The split of some already-split item with this content hash, if any. */
    public Optional<String> splitOfContent(Transaction tx, String sha256) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(SPLIT_OF_CONTENT)) {
                HashColumn.bindTwice(ps, 1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The split of some already-split item whose attribute {@code name} is {@code value}, if any. */
    public Optional<String> splitOfGroup(Transaction tx, String name, String value) {
        return tx.call(c -> one(c, "SELECT s.split FROM item_attr a JOIN item_split s ON s.item = a.item"
                + " WHERE a.name = ? AND a.value = ? ORDER BY a.item LIMIT 1", name, value));
    }

    private static Optional<String> one(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            if (first != null) {
                ps.setString(index++, first);
            }
            ps.setString(index, second);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
