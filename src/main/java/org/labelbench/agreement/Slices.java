package org.labelbench.agreement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbench.project.BadInputException;

/**
 * Groups the units of a {@link LabelMatrix} for a breakdown ({@code --by}): by an attribute's
 * value ({@code attr:NAME}, items without it under "(none)") or by the guideline version the
 * labels were made under ({@code guideline}: "v1", "v2", "mixed", "none").
 */
public final class Slices {
    private Slices() {
    }

    /** Slice name to the units in it, names in order. */
    public static Map<String, int[]> of(Connection c, LabelMatrix matrix, String by) throws SQLException {
        Map<String, List<Integer>> groups = new TreeMap<>();
        if ("guideline".equals(by)) {
            for (int unit = 0; unit < matrix.itemIds().length; unit++) {
                groups.computeIfAbsent(matrix.guidelines()[unit], k -> new ArrayList<>()).add(unit);
            }
        } else if (by != null && by.startsWith("attr:") && by.length() > 5) {
            String name = by.substring(5);
            Map<Long, String> values = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item, value FROM item_attr WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            if (values.isEmpty()) {
                throw new BadInputException("no item has an attribute named '" + name + "'");
            }
            for (int unit = 0; unit < matrix.itemIds().length; unit++) {
                groups.computeIfAbsent(values.getOrDefault(matrix.itemIds()[unit], "(none)"), k -> new ArrayList<>())
                        .add(unit);
            }
        } else {
            throw new BadInputException("--by takes attr:NAME or guideline, not '" + by + "'");
        }
        Map<String, int[]> slices = new java.util.LinkedHashMap<>();
        groups.forEach((key, units) -> slices.put(key, units.stream().mapToInt(Integer::intValue).toArray()));
        return slices;
    }
}
