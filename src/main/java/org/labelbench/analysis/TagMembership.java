package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which items carry each tag, as ascending item ids per tag name (tags by name), read in one
 * query: 8 bytes per tagged item, so 50 tags over a million items cost about 10 MB.
 */
public record TagMembership(Map<String, long[]> tags) {

    public static TagMembership read(Transaction tx) throws SQLException {
        Connection c = tx.connection();
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
        return new TagMembership(tags);
    }
}
