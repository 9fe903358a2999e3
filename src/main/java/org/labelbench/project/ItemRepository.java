package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for items and their attributes. */
public final class ItemRepository {
    private final StatementCache cache;

    public ItemRepository() {
        this(null);
    }

    /** With a cache, {@link #findById} and {@link #attributes} of one item prepare their SQL once. */
    public ItemRepository(StatementCache cache) {
        this.cache = cache;
    }

    /** The lookups an import makes per file (package-visible for the test of their query plans). */
    static final String SHA256_OF_KEY = "SELECT sha256 FROM item WHERE key = ?";
    static final String KEY_WITH_SHA256 = "SELECT key FROM item WHERE " + HashColumn.itemHashIs("sha256")
            + " ORDER BY id LIMIT 1";

    private static final String COLUMNS = "i.id, i.key, i.media, i.format, i.path, i.sha256, i.bytes, i.width,"
            + " i.height, i.duration_ms, i.sample_rate, i.channels, i.bits_per_sample, i.import_batch";

    /**
     * Prepared statements for a stream of new items (one import), prepared once and reused for
     * every row: the lookups an import makes per file, and the inserts.
     */
    public final class Inserter implements AutoCloseable {
        private static final int ATTRIBUTE_BATCH = 4096;
        private final PreparedStatement item;
        private final PreparedStatement attribute;
        private final PreparedStatement hashOfKey;
        private final PreparedStatement keyOfHash;
        private final PreparedStatement lastId;
        private final Transaction tx;
        private int pendingAttributes;

        private Inserter(Transaction tx) throws SQLException {
            this.tx = tx;
            Connection c = tx.connection();
            hashOfKey = c.prepareStatement(SHA256_OF_KEY);
            keyOfHash = c.prepareStatement(KEY_WITH_SHA256);
            item = c.prepareStatement("INSERT INTO item (key, media, format, path, sha256, bytes, width, height,"
                    + " duration_ms, sample_rate, channels, bits_per_sample, import_batch)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
            lastId = c.prepareStatement("SELECT last_insert_rowid()");
            attribute = c.prepareStatement("INSERT INTO item_attr (item, name, value) VALUES (?,?,?)");
        }

        public long insert(NewItem n) {
            return tx.call(c -> insertRow(n));
        }

        private long insertRow(NewItem n) throws SQLException {
            item.setString(1, n.key());
            item.setString(2, n.media());
            item.setString(3, n.format());
            item.setString(4, n.path());
            HashColumn.bind(item, 5, n.sha256());
            item.setLong(6, n.bytes());
            setInt(item, 7, n.width());
            setInt(item, 8, n.height());
            if (n.durationMs() == null) {
                item.setNull(9, Types.INTEGER);
            } else {
                item.setLong(9, n.durationMs());
            }
            setInt(item, 10, n.sampleRate());
            setInt(item, 11, n.channels());
            setInt(item, 12, n.bitsPerSample());
            item.setLong(13, n.importBatch());
            item.executeUpdate();
            long id;
            // One statement prepared once: the driver's generated keys prepare a query per row, and
            // RETURNING makes SQLite open a scratch table per row (a third of the import's time).
            try (ResultSet keys = lastId.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
            // Attributes go in batches (sent by close at the latest): nothing reads them before the import ends.
            for (Map.Entry<String, String> attr : n.attributes().entrySet()) {
                attribute.setLong(1, id);
                attribute.setString(2, attr.getKey());
                attribute.setString(3, attr.getValue());
                attribute.addBatch();
                if (++pendingAttributes == ATTRIBUTE_BATCH) {
                    attribute.executeBatch();
                    pendingAttributes = 0;
                }
            }
            return id;
        }

        /** The content hash of the item with this key, if there is one. */
        public Optional<String> sha256OfKey(String key) {
            return tx.call(c -> {
                hashOfKey.setString(1, key);
                try (ResultSet rs = hashOfKey.executeQuery()) {
                    return rs.next() ? Optional.of(HashColumn.read(rs, 1)) : Optional.empty();
                }
            });
        }

        /** The key of some item with this content, if any (duplicates are found by hash). */
        public Optional<String> keyWithSha256(String sha256) {
            return tx.call(c -> {
                HashColumn.bindTwice(keyOfHash, 1, sha256);
                try (ResultSet rs = keyOfHash.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            });
        }

        /** Sends the pending attributes and closes the statements: the items are all in the project then. */
        @Override
        public void close() {
            tx.run(c -> {
                try (item; attribute; hashOfKey; keyOfHash; lastId) {
                    if (pendingAttributes > 0) {
                        attribute.executeBatch();
                    }
                    // closes all five, in reverse order
                }
            });
        }
    }

    public Inserter inserter(Transaction tx) {
        return tx.call(c -> new Inserter(tx));
    }

    public Optional<Item> findByKey(Transaction tx, String key) {
        return tx.call(c -> findByKey(c, key));
    }

    Optional<Item> findByKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item i WHERE i.key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Item> findById(Transaction tx, long id) {
        return tx.call(c -> findById(c, id));
    }

    Optional<Item> findById(Connection c, long id) throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c,
                "SELECT " + COLUMNS + " FROM item i WHERE i.id = ?")) {
            PreparedStatement ps = prepared.statement();
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The items with the given ids, by id (ids that are not items are absent): one query per 500
     * ids, under SQLite's limit on bound parameters whatever the list's length.
     */
    public Map<Long, Item> findByIds(Transaction tx, List<Long> ids) {
        return tx.call(c -> findByIds(c, ids));
    }

    Map<Long, Item> findByIds(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Item> items = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item i WHERE i.id IN ("
                    + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Item item = read(rs);
                        items.put(item.id(), item);
                    }
                }
            }
        }
        return items;
    }

    /** The keys of the given items, in their order (ids that are not items are left out). */
    public List<String> keysOf(Transaction tx, long[] ids) {
        return tx.call(c -> keysOf(c, ids));
    }

    List<String> keysOf(Connection c, long[] ids) throws SQLException {
        // Only the key, through one statement of 500 marks reused (the last chunk padded with an id no
        // item has): label-errors names 65k items on a 1M project, and 131 freshly prepared full-row
        // reads were most of its time in SQLite.
        int chunk = 500;
        Map<Long, String> found = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(chunk, "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, key FROM item WHERE id IN (" + marks + ")")) {
            for (int from = 0; from < ids.length; from += chunk) {
                for (int i = 0; i < chunk; i++) {
                    ps.setLong(i + 1, from + i < ids.length ? ids[from + i] : -1L);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        List<String> keys = new ArrayList<>(ids.length);
        for (long id : ids) {
            String key = found.get(id);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Ids of the given keys; keys that are not items are absent from the map. */
    public Map<String, Long> idsByKey(Transaction tx, List<String> keys) {
        return tx.call(c -> idsByKey(c, keys));
    }

    Map<String, Long> idsByKey(Connection c, List<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM item WHERE key = ?")) {
            for (String key : keys) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ids.put(key, rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** Item counts by media kind ("image", "audio"). */
    public Map<String, Long> countByMedia(Transaction tx) {
        return tx.call(c -> countByMedia(c));
    }

    Map<String, Long> countByMedia(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT media, COUNT(*) FROM item GROUP BY media")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    public long count(Transaction tx, ItemQuery query) {
        return tx.call(c -> count(c, query));
    }

    long count(Connection c, ItemQuery query) throws SQLException {
        return count(c, SqlFilter.of(query));
    }

    /** One page of items in the query's order, with their attributes; labels are read separately. */
    public List<Item> page(Transaction tx, ItemQuery query, long offset, int limit) {
        return tx.call(c -> page(c, query, offset, limit));
    }

    List<Item> page(Connection c, ItemQuery query, long offset, int limit) throws SQLException {
        SqlFilter filter = SqlFilter.of(query);
        String direction = query.ascending() ? " ASC" : " DESC";
        if (query.sort() == ItemQuery.SortColumn.DURATION) {
            return pageByDuration(c, filter, direction, query.ascending(), offset, limit);
        }
        String order = switch (query.sort()) {
            case KEY -> "i.key" + direction;
            case MEDIA -> "i.media" + direction + ", i.key" + direction;
            case BYTES -> "i.bytes" + direction + ", i.key" + direction;
            case DURATION -> throw new IllegalStateException("read by pageByDuration");
            case ATTRIBUTE -> "sa.value" + direction + ", i.key" + direction;
        };
        String sortAttribute = query.sort() == ItemQuery.SortColumn.ATTRIBUTE ? query.sortAttribute() : null;
        return pageRows(c, filter, sortAttribute, order, offset, limit);
    }

    /**
     * The page in (duration, key) order as SQL sorts it (items without a duration first when
     * ascending, last when descending), read as two runs: those without a duration by the key's
     * index, those with one by the duration index, which is partial (schema 10) and so cannot
     * order the items it leaves out. Two counts place the page across the runs.
     */
    private List<Item> pageByDuration(Connection c, SqlFilter filter, String direction, boolean ascending,
            long offset, int limit) throws SQLException {
        SqlFilter without = filter.and("i.duration_ms IS NULL");
        SqlFilter with = filter.and("i.duration_ms IS NOT NULL");
        long withCount = count(c, with);
        long withoutCount = count(c, filter) - withCount;
        SqlFilter first = ascending ? without : with;
        SqlFilter second = ascending ? with : without;
        String firstOrder = ascending ? "i.key" + direction : "i.duration_ms" + direction + ", i.key" + direction;
        String secondOrder = ascending ? "i.duration_ms" + direction + ", i.key" + direction : "i.key" + direction;
        long firstCount = ascending ? withoutCount : withCount;
        long secondCount = ascending ? withCount : withoutCount;
        List<Item> items = new ArrayList<>(limit);
        if (offset < firstCount) {
            items.addAll(pageRows(c, first, null, firstOrder, offset, limit));
        }
        int left = limit - items.size();
        long secondOffset = Math.max(0, offset - firstCount);
        if (left > 0 && secondOffset < secondCount) {
            items.addAll(pageRows(c, second, null, secondOrder, secondOffset, left));
        }
        return items;
    }

    private static long count(Connection c, SqlFilter filter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item i" + filter.where())) {
            filter.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Rows {@code offset..offset+limit} of the filter's items in {@code order}; sorted by an attribute if one is named. */
    private static List<Item> pageRows(Connection c, SqlFilter filter, String sortAttribute, String order, long offset,
            int limit) throws SQLException {
        String join = sortAttribute == null ? "" : " LEFT JOIN item_attr sa ON sa.item = i.id AND sa.name = ?";
        String sql = "SELECT " + COLUMNS + " FROM item i" + join + filter.where() + " ORDER BY " + order
                + " LIMIT ? OFFSET ?";
        List<Item> items = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            if (sortAttribute != null) {
                ps.setString(index++, sortAttribute);
            }
            index = filter.bind(ps, index);
            ps.setInt(index++, limit);
            ps.setLong(index, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs));
                }
            }
        }
        return items;
    }

    /** Ids of every item the query matches, in key order (the filter of {@link #page}, without paging). */
    public List<Long> ids(Transaction tx, ItemQuery query) {
        return tx.call(c -> ids(c, query));
    }

    List<Long> ids(Connection c, ItemQuery query) throws SQLException {
        SqlFilter filter = SqlFilter.of(query);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id FROM item i" + filter.where() + " ORDER BY i.key")) {
            filter.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Attributes of the given items, by item id, names in alphabetical order. */
    public Map<Long, Map<String, String>> attributes(Transaction tx, List<Long> itemIds) {
        return tx.call(c -> attributes(c, itemIds));
    }

    Map<Long, Map<String, String>> attributes(Connection c, List<Long> itemIds) throws SQLException {
        Map<Long, Map<String, String>> byItem = new LinkedHashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        String placeholders = String.join(",", Collections.nCopies(itemIds.size(), "?"));
        try (StatementCache.Prepared prepared = StatementCache.prepare(itemIds.size() == 1 ? cache : null, c,
                "SELECT item, name, value FROM item_attr WHERE item IN (" + placeholders + ") ORDER BY item, name")) {
            PreparedStatement ps = prepared.statement();
            for (int i = 0; i < itemIds.size(); i++) {
                ps.setLong(i + 1, itemIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byItem.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return byItem;
    }

    /**
     * Distinct attribute names. A recursive skip-scan over the (name, value, item) index, so it
     * costs one index seek per name instead of a scan of every attribute row.
     */
    public List<String> attributeNames(Transaction tx) {
        return tx.call(c -> attributeNames(c));
    }

    List<String> attributeNames(Connection c) throws SQLException {
        String sql = "WITH RECURSIVE names(name) AS (SELECT MIN(name) FROM item_attr"
                + " UNION ALL SELECT (SELECT MIN(name) FROM item_attr WHERE name > names.name) FROM names"
                + " WHERE names.name IS NOT NULL) SELECT name FROM names WHERE name IS NOT NULL";
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Distinct values of one attribute, at most {@code limit}, by the same skip-scan. */
    public List<String> attributeValues(Transaction tx, String name, int limit) {
        return tx.call(c -> attributeValues(c, name, limit));
    }

    List<String> attributeValues(Connection c, String name, int limit) throws SQLException {
        String sql = "WITH RECURSIVE vals(value) AS (SELECT MIN(value) FROM item_attr WHERE name = ?"
                + " UNION ALL SELECT (SELECT MIN(value) FROM item_attr WHERE name = ? AND value > vals.value)"
                + " FROM vals WHERE vals.value IS NOT NULL) SELECT value FROM vals WHERE value IS NOT NULL LIMIT ?";
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static Item read(ResultSet rs) throws SQLException {
        return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                HashColumn.read(rs, 6), rs.getLong(7), nullableInt(rs, 8), nullableInt(rs, 9), nullableLong(rs, 10),
                nullableInt(rs, 11), nullableInt(rs, 12), nullableInt(rs, 13), rs.getLong(14));
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** The WHERE clause of an {@link ItemQuery} and its parameters, in order. */
    private record SqlFilter(String where, List<Object> parameters) {
        static SqlFilter of(ItemQuery q) {
            List<String> clauses = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            if (q.keyContains() != null) {
                clauses.add("i.key LIKE ? ESCAPE '\\'");
                parameters.add("%" + q.keyContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
            }
            if (q.media() != null) {
                clauses.add("i.media = ?");
                parameters.add(q.media());
            }
            if (ItemQuery.UNLABELED.equals(q.label())) {
                clauses.add("NOT " + Opinions.isLabeled("i.id"));
            } else if (q.label() != null) {
                clauses.add("EXISTS (SELECT 1 FROM annotation a" + AnnotationRepository.CLASS_OF_ANNOTATION
                        + " WHERE a.item = i.id AND lc.name = ? AND " + Opinions.isCurrent("a") + ")");
                parameters.add(q.label());
            }
            if (q.attributeName() != null) {
                if (q.attributeValue() == null || q.attributeValue().isEmpty()) {
                    clauses.add("EXISTS (SELECT 1 FROM item_attr fa WHERE fa.item = i.id AND fa.name = ?)");
                    parameters.add(q.attributeName());
                } else {
                    clauses.add("EXISTS (SELECT 1 FROM item_attr fa WHERE fa.item = i.id AND fa.name = ?"
                            + " AND fa.value = ?)");
                    parameters.add(q.attributeName());
                    parameters.add(q.attributeValue());
                }
            }
            if (ItemQuery.UNSPLIT.equals(q.split())) {
                clauses.add("NOT EXISTS (SELECT 1 FROM item_split sp WHERE sp.item = i.id)");
            } else if (q.split() != null) {
                clauses.add("EXISTS (SELECT 1 FROM item_split sp WHERE sp.item = i.id AND sp.split = ?)");
                parameters.add(q.split());
            }
            String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
            return new SqlFilter(where, parameters);
        }

        /** This filter and one more condition (without parameters). */
        SqlFilter and(String clause) {
            return new SqlFilter(where.isEmpty() ? " WHERE " + clause : where + " AND " + clause, parameters);
        }

        int bind(PreparedStatement ps, int start) throws SQLException {
            int index = start;
            for (Object parameter : parameters) {
                ps.setObject(index++, parameter);
            }
            return index;
        }
    }

    /**
     * The newest item's id (0 when there is none): items are only ever added, so it moves with
     * every import and a view can tell from it alone whether new items came.
     */
    public long newestId(Transaction tx) {
        return tx.call(c -> newestId(c));
    }

    long newestId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM item")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
