package org.labelbench.agreement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;

/**
 * The project's current class labels as reliability data: one unit per labeled item, one rater
 * per annotator, categories in schema order. Opinions only: labels by people and imports count;
 * adjudications (the gold) and model labels do not. Read in one pass ordered by item.
 */
public record LabelMatrix(Ratings ratings, List<String> annotators, List<String> classes, long[] itemIds, int[] gold,
        String[] guidelines) {

    /**
     * The given units only (repeats allowed): a slice, or a bootstrap resample. {@code gold} is
     * each unit's adjudicated class code or {@link Ratings#MISSING}; {@code guidelines} the
     * guideline version its labels were made under ("v2"), "mixed", or "none".
     */
    public LabelMatrix select(int[] units) {
        int[] pickedGold = new int[units.length];
        long[] pickedItems = new long[units.length];
        String[] pickedGuidelines = new String[units.length];
        for (int i = 0; i < units.length; i++) {
            pickedGold[i] = gold[units[i]];
            pickedItems[i] = itemIds[units[i]];
            pickedGuidelines[i] = guidelines[units[i]];
        }
        return new LabelMatrix(ratings.select(units), annotators, classes, pickedItems, pickedGold, pickedGuidelines);
    }


    /** The labels recoded as "{@code classes[category]}" against the rest, for per-class agreement. */
    public LabelMatrix oneVsRest(int category) {
        int[] binaryGold = new int[gold.length];
        for (int i = 0; i < gold.length; i++) {
            binaryGold[i] = gold[i] == Ratings.MISSING ? Ratings.MISSING : gold[i] == category ? 1 : 0;
        }
        return new LabelMatrix(ratings.oneVsRest(category), annotators,
                List.of("not " + classes.get(category), classes.get(category)), itemIds, binaryGold, guidelines);
    }

    /** For the interval metric: the class names as numbers when all of them are ("1".."5"), else their order. */
    static double[] values(List<String> classes) {
        double[] values = new double[classes.size()];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(classes.get(i).strip());
            }
        } catch (NumberFormatException notNumbers) {
            Arrays.setAll(values, i -> i);
        }
        return values;
    }

    public static LabelMatrix read(Connection c) throws SQLException {
        List<LabelClass> schema = new LabelClassRepository().list(c);
        Map<Long, Integer> categoryOf = new HashMap<>();
        List<String> classes = new ArrayList<>();
        for (LabelClass labelClass : schema) {
            categoryOf.put(labelClass.id(), classes.size());
            classes.add(labelClass.name());
        }
        Map<Long, Integer> raterOf = new HashMap<>();
        List<String> annotators = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT n.id, n.name"
                + " FROM annotator n WHERE EXISTS (SELECT 1 FROM annotation a WHERE a.annotator = n.id AND a.kind = 'class'"
                + " AND a.origin IN ('human', 'import', 'accepted-suggestion')) ORDER BY n.name")) {
            while (rs.next()) {
                raterOf.put(rs.getLong(1), annotators.size());
                annotators.add(rs.getString(2));
            }
        }
        int raters = annotators.size();
        String sql = "SELECT a.item, a.annotator, a.label_class, a.guideline_version FROM annotation a JOIN (SELECT MAX(id) AS id"
                + " FROM annotation WHERE origin IN ('human', 'import', 'accepted-suggestion') GROUP BY item, annotator)"
                + " cur ON cur.id = a.id WHERE a.kind = 'class' ORDER BY a.item";
        int[] codes = new int[Math.max(16, raters * 1024)];
        long[] items = new long[1024];
        String[] guidelines = new String[1024];
        int units = 0;
        long currentItem = Long.MIN_VALUE;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long item = rs.getLong(1);
                if (item != currentItem) {
                    if ((long) (units + 1) * raters > codes.length) {
                        int grown = codes.length;
                        codes = Arrays.copyOf(codes, codes.length * 2);
                        Arrays.fill(codes, grown, codes.length, Ratings.MISSING);
                    }
                    if (units == items.length) {
                        items = Arrays.copyOf(items, items.length * 2);
                        guidelines = Arrays.copyOf(guidelines, guidelines.length * 2);
                    }
                    if (units == 0) {
                        Arrays.fill(codes, Ratings.MISSING);
                    }
                    items[units] = item;
                    guidelines[units++] = null;
                    currentItem = item;
                }
                codes[(units - 1) * raters + raterOf.get(rs.getLong(2))] = categoryOf.get(rs.getLong(3));
                String version = rs.getObject(4) == null ? "none" : "v" + rs.getInt(4);
                String seen = guidelines[units - 1];
                guidelines[units - 1] = seen == null || seen.equals(version) ? version : "mixed";
            }
        }
        Map<Long, Integer> adjudicated = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, a.label_class"
                + " FROM annotation a JOIN (SELECT MAX(id) AS id FROM annotation WHERE origin = 'adjudicated'"
                + " GROUP BY item) cur ON cur.id = a.id WHERE a.kind = 'class'")) {
            while (rs.next()) {
                adjudicated.put(rs.getLong(1), categoryOf.get(rs.getLong(2)));
            }
        }
        int[] gold = new int[units];
        for (int unit = 0; unit < units; unit++) {
            gold[unit] = adjudicated.getOrDefault(items[unit], Ratings.MISSING);
        }
        return new LabelMatrix(Ratings.of(units, raters, Arrays.copyOf(codes, units * raters), values(classes)),
                List.copyOf(annotators), List.copyOf(classes), Arrays.copyOf(items, units), gold,
                Arrays.copyOf(guidelines, units));
    }
}
