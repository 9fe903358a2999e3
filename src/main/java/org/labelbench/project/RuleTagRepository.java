package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of computed tags: rule tags (items chosen by a condition) and metadata tags (one per
 * value of an attribute). Their items are set by one DELETE and one INSERT ... SELECT per tag (or
 * per attribute), so re-evaluating a tag on a million items never loops over items in Java.
 */
public final class RuleTagRepository {
    public static final String RULE = "rule";
    public static final String METADATA = "metadata";

    /**
     * A tag as defined: {@code rule} is the expression (rule tags) or the attribute name (metadata
     * tags); {@code run} the prediction run a rule reads, or null.
     */
    public record TagDefinition(long id, String name, String kind, String rule, RunRef run, String author) {
    }

    /** A prediction run as a rule reads it: {@code classes} is the JSON array of its probability classes, or null. */
    public record RunRef(long id, String name, String classes) {
    }

    private static final String DEFINITION = "SELECT t.id, t.name, t.kind, t.rule, r.id, r.name, r.classes, t.author"
            + " FROM tag t LEFT JOIN prediction_run r ON r.id = t.run";

    public Optional<TagDefinition> find(Transaction tx, String name) {
        return tx.call(c -> find(c, name));
    }

    Optional<TagDefinition> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DEFINITION + " WHERE t.name = ?")) {
            ps.setString(1, name);
            List<TagDefinition> found = read(ps);
            return found.stream().findFirst();
        }
    }

    /** The tags of one kind, by name. */
    public List<TagDefinition> ofKind(Transaction tx, String kind) {
        // kept prepared: every commit that changes labels asks for the rule tags (RuleTagsFollowLabels)
        return tx.call(c -> ofKind(c, tx.statements(), kind));
    }

    List<TagDefinition> ofKind(Connection c, StatementCache cache, String kind) throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c,
                DEFINITION + " WHERE t.kind = ? ORDER BY t.name")) {
            prepared.statement().setString(1, kind);
            return read(prepared.statement());
        }
    }

    /** The metadata tags made from one attribute, by name. */
    public List<TagDefinition> metadataTagsOf(Transaction tx, String attribute) {
        return tx.call(c -> metadataTagsOf(c, attribute));
    }

    List<TagDefinition> metadataTagsOf(Connection c, String attribute) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DEFINITION + " WHERE t.kind = 'metadata' AND t.rule = ?"
                + " ORDER BY t.name")) {
            ps.setString(1, attribute);
            return read(ps);
        }
    }

    /** Creates the rule tag, or gives an existing one its new expression, run and author. Returns its id. */
    public long saveRule(Transaction tx, String name, String expression, Long run, String author, Instant now) {
        return tx.call(c -> saveRule(c, name, expression, run, author, now));
    }

    long saveRule(Connection c, String name, String expression, Long run, String author, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag (name, kind, rule, run, author, created)"
                + " VALUES (?, 'rule', ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET rule = excluded.rule,"
                + " run = excluded.run, author = excluded.author WHERE tag.kind = 'rule' RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, expression);
            ps.setObject(3, run);
            ps.setString(4, author);
            ps.setString(5, now.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("tag '" + name + "' exists and is not a rule tag");
                }
                return rs.getLong(1);
            }
        }
    }

    public long createMetadataTag(Transaction tx, String name, String attribute, String author, Instant now) {
        return tx.call(c -> createMetadataTag(c, name, attribute, author, now));
    }

    long createMetadataTag(Connection c, String name, String attribute, String author, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag (name, kind, rule, author, created)"
                + " VALUES (?, 'metadata', ?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, attribute);
            ps.setString(3, author);
            ps.setString(4, now.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Deletes tags and their rows in item_tag (metadata tags of values no item has any more). */
    public void delete(Transaction tx, Collection<Long> tags) {
        tx.run(c -> delete(c, tags));
    }

    void delete(Connection c, Collection<Long> tags) throws SQLException {
        try (PreparedStatement rows = c.prepareStatement("DELETE FROM item_tag WHERE tag = ?");
                PreparedStatement tag = c.prepareStatement("DELETE FROM tag WHERE id = ?")) {
            for (long id : tags) {
                rows.setLong(1, id);
                rows.executeUpdate();
                tag.setLong(1, id);
                tag.executeUpdate();
            }
        }
    }

    /**
     * Gives the tag exactly the items meeting {@code condition}; returns how many that is. Only the
     * difference is written: rows of items that left are deleted, items that joined are inserted,
     * and an item that stays keeps its row (and when it was added). Writing is what costs on a
     * large project, and a refresh after a small change then writes little.
     */
    public int replaceRuleItems(Transaction tx, long tag, ItemCondition condition, String author, Instant now) {
        return tx.call(c -> replaceRuleItems(c, tag, condition, author, now));
    }

    int replaceRuleItems(Connection c, long tag, ItemCondition condition, String author, Instant now)
            throws SQLException {
        writeDifference(c, tag, condition, null, author, now);
        return count(c, tag);
    }

    /**
     * The same for the items in {@code scope} only: the rest keep their rows. After labels change on
     * one item, or an import adds a batch, only those items can have moved in or out of a rule.
     */
    public void replaceRuleItemsIn(Transaction tx, long tag, ItemCondition condition, ItemCondition scope, String author, Instant now) {
        tx.run(c -> replaceRuleItemsIn(c, tag, condition, scope, author, now));
    }

    void replaceRuleItemsIn(Connection c, long tag, ItemCondition condition, ItemCondition scope,
            String author, Instant now) throws SQLException {
        writeDifference(c, tag, condition, scope, author, now);
    }

    /** Deletes the rows of items (in scope; null: all) that no longer meet the condition, inserts those that newly do. */
    private void writeDifference(Connection c, long tag, ItemCondition condition, ItemCondition scope, String author,
            Instant now) throws SQLException {
        // NOT EXISTS evaluates the condition for the tagged rows only, not for every item.
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM item_tag WHERE tag = ?"
                + (scope == null ? "" : " AND item IN (SELECT i.id FROM item i WHERE " + scope.sql() + ")")
                + " AND NOT EXISTS (SELECT 1 FROM item i WHERE i.id = item_tag.item AND (" + condition.sql() + "))")) {
            ps.setLong(1, tag);
            int next = scope == null ? 2 : bind(ps, 2, scope);
            bind(ps, next, condition);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_tag (tag, item, origin, added, author)"
                + " SELECT ?, i.id, 'rule', ?, ? FROM item i WHERE " + (scope == null ? "" : "(" + scope.sql() + ") AND ")
                + "(" + condition.sql() + ") AND NOT EXISTS (SELECT 1 FROM item_tag kept WHERE kept.tag = ?"
                + " AND kept.item = i.id)")) {
            ps.setLong(1, tag);
            ps.setString(2, now.toString());
            ps.setString(3, author);
            int next = scope == null ? 4 : bind(ps, 4, scope);
            next = bind(ps, next, condition);
            ps.setLong(next, tag);
            ps.executeUpdate();
        }
    }

    /**
     * Gives each metadata tag of the attribute the items with its value (the tag {@code NAME=value}),
     * one DELETE and one INSERT ... SELECT for the whole attribute, writing only the difference as
     * {@link #replaceRuleItems} does. Returns the item count per tag name.
     */
    public Map<String, Integer> replaceMetadataItems(Transaction tx, String attribute, Instant now) {
        return tx.call(c -> replaceMetadataItems(c, attribute, now));
    }

    Map<String, Integer> replaceMetadataItems(Connection c, String attribute, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM item_tag WHERE tag IN"
                + " (SELECT id FROM tag WHERE kind = 'metadata' AND rule = ?) AND NOT EXISTS (SELECT 1 FROM item_attr a"
                + " JOIN tag t ON t.id = item_tag.tag WHERE a.item = item_tag.item AND a.name = ?"
                + " AND t.name = a.name || '=' || a.value)")) {
            ps.setString(1, attribute);
            ps.setString(2, attribute);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_tag (tag, item, origin, added, author)"
                + " SELECT t.id, a.item, 'metadata', ?, t.author FROM item_attr a JOIN tag t"
                + " ON t.name = a.name || '=' || a.value AND t.kind = 'metadata' AND t.rule = a.name"
                + " WHERE a.name = ? AND NOT EXISTS (SELECT 1 FROM item_tag kept WHERE kept.tag = t.id"
                + " AND kept.item = a.item)")) {
            ps.setString(1, now.toString());
            ps.setString(2, attribute);
            ps.executeUpdate();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.name, (SELECT COUNT(*) FROM item_tag it"
                + " WHERE it.tag = t.id) FROM tag t WHERE t.kind = 'metadata' AND t.rule = ? ORDER BY t.name")) {
            ps.setString(1, attribute);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private static int count(Connection c, long tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item_tag WHERE tag = ?")) {
            ps.setLong(1, tag);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Binds the condition's values from placeholder {@code first} on; returns the next placeholder. */
    private static int bind(PreparedStatement ps, int first, ItemCondition condition) throws SQLException {
        int index = first;
        for (Object value : condition.parameters()) {
            ps.setObject(index++, value);
        }
        return index;
    }

    /** How many different values the attribute has (one range of the (name, value, item) index). */
    public long countValues(Transaction tx, String attribute) {
        return tx.call(c -> countValues(c, attribute));
    }

    long countValues(Connection c, String attribute) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT value) FROM item_attr WHERE name = ?")) {
            ps.setString(1, attribute);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The run a rule reads when none is named: the newest. */
    public Optional<String> newestRun(Transaction tx) {
        return tx.call(c -> newestRun(c));
    }

    Optional<String> newestRun(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM prediction_run ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static List<TagDefinition> read(PreparedStatement ps) throws SQLException {
        List<TagDefinition> tags = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long run = rs.getLong(5);
                tags.add(new TagDefinition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.wasNull() ? null : new RunRef(run, rs.getString(6), rs.getString(7)), rs.getString(8)));
            }
        }
        return tags;
    }
}
