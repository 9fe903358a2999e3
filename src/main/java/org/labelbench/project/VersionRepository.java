package org.labelbench.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Dataset versions (tables dataset_version, version_item, version_export): written once, read
 * many times, never updated (the schema's triggers refuse it). Also the reads a version is made
 * from: the items of a selection in key order, their gold and auto labels with who gave them.
 */
public final class VersionRepository {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int BATCH = 5000;

    /** A stored version's header; {@code parentName} null for the first version. */
    public record VersionRow(long id, String name, String note, Long parentId, String parentName, String itemsRule,
            String truthRule, String created, String createdBy, long items, String manifestSha256,
            String labelsFingerprint) {
    }

    /** A version to store (its items go with it in the same call). */
    public record NewVersion(String name, String note, Long parentId, String itemsRule, String truthRule,
            String created, String createdBy, long items, String manifestSha256, String labelsFingerprint) {
    }

    /** One stored item of a version: the columns of version_item (the shape of dataset.VersionEntry). */
    public record VersionItemRow(String key, String path, String sha256, String media, Integer width, Integer height,
            String label, String labelRule, String split, List<String> tags, SortedMap<String, String> attributes,
            long importBatch, List<String> annotators, Integer guidelineVersion, String modelRun) {
    }

    /** An item as it is now, for a new version: what the project holds besides its labels. */
    public record ItemSnapshot(long id, String key, String path, String sha256, String media, Integer width,
            Integer height, String split, List<String> tags, SortedMap<String, String> attributes, long importBatch) {
    }

    /** Who set an item's current gold, and under which guideline version (null: none recorded). */
    public record GoldDecider(String adjudicator, Integer guidelineVersion) {
    }

    /** An item's auto label: its class and the prediction run it came from. */
    public record AutoLabelFact(String label, String run) {
    }

    /** One export written from a version. */
    public record ExportRow(long id, long version, String format, String folder, String options,
            String manifestSha256, String filesSha256, String created, String createdBy) {
    }

    /** A model trained on a version. */
    public record ModelUse(String name, String architecture, String created) {
    }

    /** A group of a version's items and how many there are: (split, class) or another pair of columns. */
    public record Count(String first, String second, long items) {
    }

    /** An item found in both versions of a diff, or in one: its key and the two values compared. */
    public record Change(String key, String before, String after) {
    }

    // ----- reading what a version is made of

    /**
     * Every item of the selection, in key order (SQLite's binary order: UTF-8 bytes, so code
     * points), with its split, sorted tags and attributes. {@code splitName} or {@code tagName}
     * narrows it (at most one; both null: every item).
     */
    public void forEachItem(Transaction tx, String splitName, String tagName, Consumer<ItemSnapshot> sink) {
        tx.run(c -> {
            // Tags and attributes in two sequential scans, not a correlated lookup per item: a
            // 100k-item version reads them in a fraction of the time.
            Map<Long, List<String>> tags = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT it.item, t.name FROM item_tag it"
                    + " JOIN tag t ON t.id = it.tag")) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong(1), i -> new ArrayList<>(2)).add(rs.getString(2));
                }
            }
            Map<Long, TreeMap<String, String>> attributes = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT item, name, value FROM item_attr")) {
                while (rs.next()) {
                    attributes.computeIfAbsent(rs.getLong(1), i -> new TreeMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
            String where = splitName != null ? " WHERE s.split = ?"
                    : tagName != null ? " WHERE EXISTS (SELECT 1 FROM item_tag it JOIN tag t ON t.id = it.tag"
                            + " WHERE it.item = i.id AND t.name = ?)" : "";
            String sql = "SELECT i.id, i.key, i.path, i.sha256, i.media, i.width, i.height, s.split, i.import_batch"
                    + " FROM item i LEFT JOIN item_split s ON s.item = i.id" + where + " ORDER BY i.key";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (splitName != null) {
                    ps.setString(1, splitName);
                } else if (tagName != null) {
                    ps.setString(1, tagName);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        List<String> itemTags = tags.getOrDefault(id, List.of());
                        if (itemTags.size() > 1) {
                            itemTags.sort(null);
                        }
                        TreeMap<String, String> itemAttributes = attributes.get(id);
                        sink.accept(new ItemSnapshot(id, rs.getString(2), rs.getString(3), HashColumn.read(rs, 4),
                                rs.getString(5), integer(rs, 6), integer(rs, 7), rs.getString(8), itemTags,
                                itemAttributes == null ? new TreeMap<>() : itemAttributes, rs.getLong(9)));
                    }
                }
            }
        });
    }

    /** Whether any item is in split {@code name}. */
    public boolean splitExists(Transaction tx, String name) {
        return exists(tx, "SELECT 1 FROM item_split WHERE split = ? LIMIT 1", name);
    }

    /** Whether there is a tag by that name. */
    public boolean tagExists(Transaction tx, String name) {
        return exists(tx, "SELECT 1 FROM tag WHERE name = ?", name);
    }

    /** The split names in use, sorted. */
    public List<String> splitNames(Transaction tx) {
        return tx.call(c -> strings(c, "SELECT DISTINCT split FROM item_split ORDER BY split"));
    }

    /** Who set each item's current class gold (an adjudication), by item id. */
    public Map<Long, GoldDecider> goldDeciders(Transaction tx) {
        return tx.call(c -> {
            Map<Long, GoldDecider> deciders = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, n.name,"
                    + " a.guideline_version FROM annotation a JOIN (" + Opinions.currentGoldIds(null) + ") cur"
                    + " ON cur.id = a.id JOIN annotator n ON n.id = a.annotator WHERE a.kind = 'class'")) {
                while (rs.next()) {
                    deciders.put(rs.getLong(1), new GoldDecider(rs.getString(2), integer(rs, 3)));
                }
            }
            return deciders;
        });
    }

    /** The newest auto label (origin {@code auto}) of every item that has one, with its run's name, by item id. */
    public Map<Long, AutoLabelFact> autoLabels(Transaction tx) {
        return tx.call(c -> {
            Map<Long, AutoLabelFact> labels = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, lc.name, r.name"
                    + " FROM annotation a JOIN (SELECT MAX(id) AS id FROM annotation WHERE origin = 'auto'"
                    + " GROUP BY item) cur ON cur.id = a.id JOIN label_class lc ON lc.id = a.label_class"
                    + " LEFT JOIN prediction_run r ON r.id = a.prediction_run WHERE a.kind = 'class'")) {
                while (rs.next()) {
                    labels.put(rs.getLong(1), new AutoLabelFact(rs.getString(2), rs.getString(3)));
                }
            }
            return labels;
        });
    }

    // ----- writing a version

    /** Stores the version and its items (in one batched prepared statement); returns its id. */
    public long insert(Transaction tx, NewVersion version, List<VersionItemRow> items) {
        return tx.call(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_version (name, note, parent,"
                    + " items_rule, truth_rule, created, created_by, item_count, manifest_sha256, labels_fingerprint)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, version.name());
                ps.setString(2, version.note());
                setLong(ps, 3, version.parentId());
                ps.setString(4, version.itemsRule());
                ps.setString(5, version.truthRule());
                ps.setString(6, version.created());
                ps.setString(7, version.createdBy());
                ps.setLong(8, version.items());
                ps.setString(9, version.manifestSha256());
                ps.setString(10, version.labelsFingerprint());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_item (version, key, path, sha256,"
                    + " media, width, height, label, label_rule, split, tags, attributes, import_batch, annotators,"
                    + " guideline_version, model_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (VersionItemRow item : items) {
                    ps.setLong(1, id);
                    ps.setString(2, item.key());
                    ps.setString(3, item.path());
                    HashColumn.bind(ps, 4, item.sha256());
                    ps.setString(5, item.media());
                    setInteger(ps, 6, item.width());
                    setInteger(ps, 7, item.height());
                    ps.setString(8, item.label());
                    ps.setString(9, item.labelRule());
                    ps.setString(10, item.split());
                    ps.setString(11, jsonArray(item.tags()));
                    ps.setString(12, jsonObject(item.attributes()));
                    ps.setLong(13, item.importBatch());
                    ps.setString(14, jsonArray(item.annotators()));
                    setInteger(ps, 15, item.guidelineVersion());
                    ps.setString(16, item.modelRun());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return id;
        });
    }

    /** Records an export of version {@code version}; returns its id. */
    public long recordExport(Transaction tx, long version, String format, String folder, String options,
            String manifestSha256, String filesSha256, String created, String createdBy) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_export (version, format, folder,"
                    + " options, manifest_sha256, files_sha256, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " RETURNING id")) {
                ps.setLong(1, version);
                ps.setString(2, format);
                ps.setString(3, folder);
                ps.setString(4, options);
                ps.setString(5, manifestSha256);
                ps.setString(6, filesSha256);
                ps.setString(7, created);
                ps.setString(8, createdBy);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Notes that model {@code model} was trained on version {@code version}. */
    public void markModelVersion(Transaction tx, long model, long version) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE model SET version = ? WHERE id = ?")) {
                ps.setLong(1, version);
                ps.setLong(2, model);
                ps.executeUpdate();
            }
        });
    }

    // ----- reading versions

    private static final String HEADER = "SELECT v.id, v.name, v.note, v.parent, p.name, v.items_rule, v.truth_rule,"
            + " v.created, v.created_by, v.item_count, v.manifest_sha256, v.labels_fingerprint FROM dataset_version v"
            + " LEFT JOIN dataset_version p ON p.id = v.parent";

    /** Every version, oldest first. */
    public List<VersionRow> list(Transaction tx) {
        return tx.call(c -> {
            List<VersionRow> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HEADER + " ORDER BY v.id")) {
                while (rs.next()) {
                    rows.add(header(rs));
                }
            }
            return rows;
        });
    }

    public Optional<VersionRow> find(Transaction tx, String name) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(HEADER + " WHERE v.name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(header(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The newest version (highest id), if any. */
    public Optional<VersionRow> newest(Transaction tx) {
        return tx.call(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(HEADER + " ORDER BY v.id DESC LIMIT 1")) {
                return rs.next() ? Optional.of(header(rs)) : Optional.empty();
            }
        });
    }

    /** The version's items in key order, streamed from one cursor (never all held). */
    public void forEachEntry(Transaction tx, long version, Consumer<VersionItemRow> sink) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, path, sha256, media, width, height, label,"
                    + " label_rule, split, tags, attributes, import_batch, annotators, guideline_version, model_run"
                    + " FROM version_item WHERE version = ? ORDER BY key")) {
                ps.setLong(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new VersionItemRow(rs.getString(1), rs.getString(2), HashColumn.read(rs, 3),
                                rs.getString(4), integer(rs, 5), integer(rs, 6), rs.getString(7), rs.getString(8),
                                rs.getString(9), strings(rs.getString(10)), attributes(rs.getString(11)),
                                rs.getLong(12), strings(rs.getString(13)), integer(rs, 14), rs.getString(15)));
                    }
                }
            }
        });
    }

    /** Items per (split, label) of the version; null split or label where the item has none. */
    public List<Count> splitClassCounts(Transaction tx, long version) {
        return counts(tx, "SELECT split, label, COUNT(*) FROM version_item WHERE version = ? GROUP BY split, label"
                + " ORDER BY split, label", version);
    }

    /** Items per label rule ({@code first}) of the version, {@code second} null. */
    public List<Count> ruleCounts(Transaction tx, long version) {
        return counts(tx, "SELECT label_rule, NULL, COUNT(*) FROM version_item WHERE version = ? GROUP BY label_rule"
                + " ORDER BY label_rule", version);
    }

    /** Items per (import batch, source) of the version. */
    public List<Count> importBatchCounts(Transaction tx, long version) {
        return counts(tx, "SELECT CAST(v.import_batch AS TEXT), b.source, COUNT(*) FROM version_item v"
                + " LEFT JOIN import_batch b ON b.id = v.import_batch WHERE v.version = ?"
                + " GROUP BY v.import_batch ORDER BY v.import_batch", version);
    }

    /** Items per (annotator, guideline version) among the deciding labels; guideline null where none was recorded. */
    public List<Count> annotatorGuidelineCounts(Transaction tx, long version) {
        return counts(tx, "SELECT j.value, CAST(v.guideline_version AS TEXT), COUNT(*) FROM version_item v,"
                + " json_each(v.annotators) j WHERE v.version = ? GROUP BY j.value, v.guideline_version"
                + " ORDER BY j.value, v.guideline_version", version);
    }

    /** Items per (import batch, annotator) among the deciding labels. */
    public List<Count> importBatchAnnotatorCounts(Transaction tx, long version) {
        return counts(tx, "SELECT CAST(v.import_batch AS TEXT), j.value, COUNT(*) FROM version_item v,"
                + " json_each(v.annotators) j WHERE v.version = ? GROUP BY v.import_batch, j.value"
                + " ORDER BY v.import_batch, j.value", version);
    }

    /** Auto-labeled items per (import batch, model run). */
    public List<Count> importBatchRunCounts(Transaction tx, long version) {
        return counts(tx, "SELECT CAST(import_batch AS TEXT), model_run, COUNT(*) FROM version_item"
                + " WHERE version = ? AND model_run IS NOT NULL GROUP BY import_batch, model_run"
                + " ORDER BY import_batch, model_run", version);
    }

    /** Unlabeled items per import batch. */
    public List<Count> importBatchUnlabeledCounts(Transaction tx, long version) {
        return counts(tx, "SELECT CAST(import_batch AS TEXT), NULL, COUNT(*) FROM version_item"
                + " WHERE version = ? AND label IS NULL GROUP BY import_batch ORDER BY import_batch", version);
    }

    /** The exports of the version, oldest first. */
    public List<ExportRow> exports(Transaction tx, long version) {
        return tx.call(c -> {
            List<ExportRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, format, folder, options,"
                    + " manifest_sha256, files_sha256, created, created_by FROM version_export WHERE version = ?"
                    + " ORDER BY id")) {
                ps.setLong(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ExportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9)));
                    }
                }
            }
            return rows;
        });
    }

    /** The models trained on the version, oldest first. */
    public List<ModelUse> models(Transaction tx, long version) {
        return tx.call(c -> {
            List<ModelUse> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, architecture, created FROM model"
                    + " WHERE version = ? ORDER BY id")) {
                ps.setLong(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ModelUse(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The labeled items of the version that the project still holds, as (item id, label), by item
     * id: what a training on the version learns from. The key maps the entry back to the item.
     */
    public List<Map.Entry<Long, String>> labeledItemIds(Transaction tx, long version, String split) {
        return tx.call(c -> {
            List<Map.Entry<Long, String>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, v.label FROM version_item v"
                    + " JOIN item i ON i.key = v.key WHERE v.version = ? AND v.label IS NOT NULL"
                    + (split == null ? "" : " AND v.split = ?") + " ORDER BY i.id")) {
                ps.setLong(1, version);
                if (split != null) {
                    ps.setString(2, split);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Map.entry(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return rows;
        });
    }

    /** The version's split of every item it holds in one, by the project's item id. */
    public Map<Long, String> splitsByItemId(Transaction tx, long version) {
        return tx.call(c -> {
            Map<Long, String> splits = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, v.split FROM version_item v"
                    + " JOIN item i ON i.key = v.key WHERE v.version = ? AND v.split IS NOT NULL")) {
                ps.setLong(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        splits.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return splits;
        });
    }

    // ----- diffs: each kind of change counted, and its first rows in key order

    /** How many items are in {@code in} but not in {@code notIn}. */
    public long countMissing(Transaction tx, long in, long notIn) {
        return count(tx, "SELECT COUNT(*) FROM version_item a WHERE a.version = ? AND NOT EXISTS (SELECT 1 FROM"
                + " version_item b WHERE b.version = ? AND b.key = a.key)", in, notIn);
    }

    /** The first {@code limit} items in {@code in} but not in {@code notIn}, with their label (before) and split (after). */
    public List<Change> missing(Transaction tx, long in, long notIn, int limit) {
        return missingAfter(tx, in, notIn, null, limit);
    }

    /**
     * Keyset page: the first {@code limit} items in {@code in} but not in {@code notIn} whose key
     * sorts after {@code afterKey} (null: from the first), in key order. Each page starts on the
     * key index where the last one ended, so a page deep in a large diff costs what the first does.
     */
    public List<Change> missingAfter(Transaction tx, long in, long notIn, String afterKey, int limit) {
        String sql = "SELECT a.key, a.label, a.split FROM version_item a WHERE a.version = ?"
                + (afterKey == null ? "" : " AND a.key > ?") + " AND NOT EXISTS"
                + " (SELECT 1 FROM version_item b WHERE b.version = ? AND b.key = a.key) ORDER BY a.key LIMIT ?";
        return afterKey == null ? changes(tx, sql, in, notIn, limit) : changes(tx, sql, in, afterKey, notIn, limit);
    }

    /** How many items of both versions have a different {@code column} ({@code label} or {@code split}). */
    public long countChanged(Transaction tx, long older, long newer, String column) {
        return count(tx, "SELECT COUNT(*) FROM version_item a JOIN version_item b ON b.version = ? AND b.key = a.key"
                + " WHERE a.version = ? AND a." + changeColumn(column) + " IS NOT b." + changeColumn(column), newer,
                older);
    }

    /** The first {@code limit} items of both versions whose {@code column} differs: old value, new value. */
    public List<Change> changed(Transaction tx, long older, long newer, String column, int limit) {
        return changedAfter(tx, older, newer, column, null, limit);
    }

    /** Keyset page of {@link #changed}: the first {@code limit} whose key sorts after {@code afterKey} (null: from the first). */
    public List<Change> changedAfter(Transaction tx, long older, long newer, String column, String afterKey,
            int limit) {
        String col = changeColumn(column);
        String sql = "SELECT a.key, a." + col + ", b." + col + " FROM version_item a JOIN version_item b"
                + " ON b.version = ? AND b.key = a.key WHERE a.version = ?" + (afterKey == null ? "" : " AND a.key > ?")
                + " AND a." + col + " IS NOT b." + col + " ORDER BY a.key LIMIT ?";
        return afterKey == null ? changes(tx, sql, newer, older, limit)
                : changes(tx, sql, newer, older, afterKey, limit);
    }

    private static String changeColumn(String column) {
        if (!column.equals("label") && !column.equals("split")) {
            throw new IllegalArgumentException("a diff compares label or split, not " + column);
        }
        return column;
    }

    // ----- helpers

    private static VersionRow header(ResultSet rs) throws SQLException {
        long parent = rs.getLong(4);
        Long parentId = rs.wasNull() ? null : parent;
        return new VersionRow(rs.getLong(1), rs.getString(2), rs.getString(3), parentId, rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11),
                rs.getString(12));
    }

    private static boolean exists(Transaction tx, String sql, String value) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<Count> counts(Transaction tx, String sql, long version) {
        return tx.call(c -> {
            List<Count> counts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return counts;
        });
    }

    private static long count(Transaction tx, String sql, long first, long second) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, first);
                ps.setLong(2, second);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        });
    }

    /** Runs a diff query whose parameters are version ids, keys and the row limit, in order. */
    private static List<Change> changes(Transaction tx, String sql, Object... parameters) {
        return tx.call(c -> {
            List<Change> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return rows;
        });
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    /** A JSON array of strings, written by hand: Jackson's per-call setup is most of a 100k-row insert's Java time. */
    private static String jsonArray(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder(16 * values.size()).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            jsonString(out, values.get(i));
        }
        return out.append(']').toString();
    }

    /** A JSON object of string values, names in the map's order. */
    private static String jsonObject(SortedMap<String, String> values) {
        if (values.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(24 * values.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            jsonString(out, e.getKey());
            out.append(':');
            jsonString(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void jsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        out.append('"');
    }

    // Streamed token by token from one shared factory: databind's readValue per row was about
    // half of reading a 100k-item version back (three JSON columns a row).
    private static List<String> strings(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("a stored JSON array is not one: " + json);
            }
            List<String> values = new java.util.ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                } else if (token != JsonToken.VALUE_NULL) {
                    throw new IllegalStateException("a stored JSON array holds more than strings: " + json);
                }
            }
            return values;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored JSON array is not one: " + json, e);
        }
    }

    private static SortedMap<String, String> attributes(String json) {
        SortedMap<String, String> values = new TreeMap<>();
        if (json == null || json.equals("{}")) {
            return values;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored JSON object is not one: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    throw new IllegalStateException("a stored JSON object holds more than strings: " + json);
                }
                values.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            return values;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored JSON object is not one: " + json, e);
        }
    }
}
