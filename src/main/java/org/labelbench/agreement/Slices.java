package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.SliceRepository;
import org.labelbench.project.TagRepository;
import org.labelbench.project.Transaction;

/**
 * Groups the units of a {@link LabelMatrix} for a breakdown ({@code --by}; per class is not a
 * grouping: see {@link HumanLevelPerformance#ofClass} and {@link LabelMatrix#oneVsRest}):
 * <ul>
 * <li>{@code attr:NAME}: by the attribute's value, items without it under "(none)";
 * <li>{@code guideline}: by the guideline version the labels were made under ("v1", "v2",
 * "mixed", "none");
 * <li>{@code tag}: one group per tag (an item with two tags is in both), untagged items under
 * "(untagged)"; {@code tag:NAME}: the items with that tag, and "not NAME".
 * </ul>
 */
public final class Slices {
    static final String NO_VALUE = "(none)";
    static final String UNTAGGED = "(untagged)";
    private static final SliceRepository SLICES = new SliceRepository();

    private Slices() {
    }

    /** Slice name to the units in it, names in order. */
    public static Map<String, int[]> of(Transaction tx, LabelMatrix matrix, String by) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        int units = matrix.itemIds().length;
        if ("guideline".equals(by)) {
            for (int unit = 0; unit < units; unit++) {
                add(groups, matrix.guidelines()[unit], unit);
            }
        } else if (by != null && by.startsWith("attr:") && by.length() > 5) {
            Map<Long, String> values = attributeValues(tx, by.substring(5));
            for (int unit = 0; unit < units; unit++) {
                add(groups, values.getOrDefault(matrix.itemIds()[unit], NO_VALUE), unit);
            }
        } else if ("tag".equals(by)) {
            Map<Long, List<String>> tags = new TagRepository().tagsByItem(tx);
            if (tags.isEmpty()) {
                throw new BadInputException("no item is tagged; tag items with 'tag PROJECT --add TAG --items ...'");
            }
            for (int unit = 0; unit < units; unit++) {
                for (String tag : tags.getOrDefault(matrix.itemIds()[unit], List.of(UNTAGGED))) {
                    add(groups, tag, unit);
                }
            }
        } else if (by != null && by.startsWith("tag:") && by.length() > 4) {
            String tag = by.substring(4);
            long tagId = new TagRepository().idOf(tx, tag)
                    .orElseThrow(() -> new BadInputException("no tag named '" + tag + "'"));
            Set<Long> tagged = SLICES.itemsTagged(tx, tagId);
            for (int unit = 0; unit < units; unit++) {
                add(groups, tagged.contains(matrix.itemIds()[unit]) ? tag : "not " + tag, unit);
            }
        } else {
            throw new BadValueException("slicing", "", " takes attr:NAME, tag, tag:NAME or guideline, not '" + by + "'");
        }
        Map<String, int[]> slices = new LinkedHashMap<>();
        groups.forEach((key, members) -> slices.put(key, members.stream().mapToInt(Integer::intValue).toArray()));
        return slices;
    }

    private static void add(Map<String, List<Integer>> groups, String group, int unit) {
        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(unit);
    }

    /** Item id to its value of attribute {@code name}; refused when no item has the attribute. */
    public static Map<Long, String> attributeValues(Transaction tx, String name) {
        Map<Long, String> values = SLICES.attributeValues(tx, name);
        if (values.isEmpty()) {
            throw new BadInputException("no item has an attribute named '" + name + "'");
        }
        return values;
    }
}
