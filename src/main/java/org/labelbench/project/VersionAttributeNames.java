package org.labelbench.project;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The attribute names of a dataset version's items (the union, sorted), read inside SQLite from
 * the items' JSON attribute objects: an export's CSV header without a pass over every entry.
 */
public final class VersionAttributeNames {
    public SortedSet<String> of(Transaction tx, String version) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.key FROM version_item i,"
                    + " json_each(i.attributes) a WHERE i.version = (SELECT id FROM dataset_version WHERE name = ?)")) {
                ps.setString(1, version);
                SortedSet<String> names = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            }
        });
    }
}
