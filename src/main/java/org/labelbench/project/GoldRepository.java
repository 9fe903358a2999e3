package org.labelbench.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Reads the items' current gold ({@link Opinions#currentGoldIds}): what a reviewer or lead adjudicated. */
public final class GoldRepository {

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
                + " JOIN (" + Opinions.currentGoldIds() + ") cur ON cur.id = a.id"
                + " JOIN label_class lc ON lc.id = a.label_class WHERE a.kind = 'class'")) {
            while (rs.next()) {
                gold.put(rs.getLong(1), rs.getString(2));
            }
        }
        return gold;
    }
}
