package org.labelbench.project;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Remembers how many items the last query matched, for as long as nothing was committed since:
 * a page deep in a million rows then costs its page read alone, not another COUNT(*) (which at
 * 1M items is most of it). The dialect's commit counter tells when another connection committed.
 */
public final class ItemCounts {
    private ItemQuery query;
    private long dataVersion = -1;
    private long total;
    private final ItemRepository items = new ItemRepository();

    /** The query's count on {@code c} (the store's read connection, inside one snapshot). */
    public long count(Transaction tx, ItemQuery wanted) {
        return tx.call(c -> count(c, wanted));
    }

    synchronized long count(Connection c, ItemQuery wanted) throws SQLException {
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
        return SqlDialect.of(c).commitsSeenBy(c);
    }
}
