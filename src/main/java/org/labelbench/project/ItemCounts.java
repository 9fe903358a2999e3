package org.labelbench.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Remembers how many items the last query matched, for as long as nothing was committed since:
 * a page deep in a million rows then costs its page read alone, not another COUNT(*) (which at
 * 1M items is most of it). SQLite's {@code data_version} tells when another connection committed.
 */
public final class ItemCounts {
    private ItemQuery query;
    private long dataVersion = -1;
    private long total;
    private final ItemRepository items = new ItemRepository();

    /** The query's count on {@code c} (the store's read connection, inside one snapshot). */
    public synchronized long count(Connection c, ItemQuery wanted) throws SQLException {
        long version = dataVersion(c);
        if (wanted.equals(query) && version == dataVersion) {
            return total;
        }
        total = items.count(c, wanted);
        query = wanted;
        dataVersion = version;
        return total;
    }

    private static long dataVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
