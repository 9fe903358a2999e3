package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the breakdowns group every item by: the value of one attribute, or carrying one tag. */
public final class SliceRepository {

    /** Item id to its value of attribute {@code name}, for every item that has it. */
    public Map<Long, String> attributeValues(Transaction tx, String name) {
        return tx.call(c -> attributeValues(c, name));
    }

    Map<Long, String> attributeValues(Connection c, String name) throws SQLException {
        Map<Long, String> values = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item, value FROM item_attr WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return values;
    }

    /** The ids of the items carrying tag {@code tag}. */
    public Set<Long> itemsTagged(Transaction tx, long tag) {
        return tx.call(c -> itemsTagged(c, tag));
    }

    Set<Long> itemsTagged(Connection c, long tag) throws SQLException {
        Set<Long> items = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item FROM item_tag WHERE tag = ?")) {
            ps.setLong(1, tag);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getLong(1));
                }
            }
        }
        return items;
    }
}
