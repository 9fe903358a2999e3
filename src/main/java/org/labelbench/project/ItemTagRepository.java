package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which items carry which tags (table {@code item_tag}), read in bulk for analysis. */
public final class ItemTagRepository {

    /**
     * Every tag by name, in name order, with the ascending ids of its items (empty for a tag no
     * item carries): one query, 8 bytes per tagged item.
     */
    public Map<String, long[]> itemsByTag(Transaction tx) {
        return tx.call(this::itemsByTag);
    }

    Map<String, long[]> itemsByTag(Connection c) throws SQLException {
        Map<String, long[]> tags = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.name, it.item FROM tag t"
                + " LEFT JOIN item_tag it ON it.tag = t.id ORDER BY t.name, it.item")) {
            String current = null;
            long[] items = new long[0];
            int n = 0;
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.equals(current)) {
                    if (current != null) {
                        tags.put(current, Arrays.copyOf(items, n));
                    }
                    current = name;
                    items = new long[1024];
                    n = 0;
                }
                long item = rs.getLong(2);
                if (!rs.wasNull()) {
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                    }
                    items[n++] = item;
                }
            }
            if (current != null) {
                tags.put(current, Arrays.copyOf(items, n));
            }
        }
        return tags;
    }

    /** The names of the tags each of the given items carries, in name order; untagged items are absent. */
    public Map<Long, List<String>> tagNamesByItem(Transaction tx, List<Long> itemIds) {
        return tx.call(c -> tagNamesByItem(c, itemIds));
    }

    Map<Long, List<String>> tagNamesByItem(Connection c, List<Long> itemIds) throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        if (itemIds.isEmpty()) {
            return tags;
        }
        String marks = String.join(",", Collections.nCopies(itemIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT it.item, t.name FROM item_tag it JOIN tag t"
                + " ON t.id = it.tag WHERE it.item IN (" + marks + ") ORDER BY t.name")) {
            for (int i = 0; i < itemIds.size(); i++) {
                ps.setLong(i + 1, itemIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tags;
    }
}
