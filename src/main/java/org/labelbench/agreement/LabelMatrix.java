package org.labelbench.agreement;

import org.labelbench.project.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;

/**
 * The project's current class labels as reliability data: one unit per labeled item, one rater
 * per annotator, categories in schema order. Opinions only: labels by people and imports count;
 * adjudications (the gold) and model labels do not. Read in one pass ordered by item.
 */
public record LabelMatrix(Ratings ratings, List<String> annotators, List<String> classes, long[] itemIds, int[] gold,
        String[] guidelines) {
    /** The origins of an opinion: a person's label or an imported one; not the gold, not a model's guess. */
    static final String OPINIONS = "('human', 'import', 'accepted-suggestion')";

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

    /**
     * The matrix with {@code annotator}'s labels as the reference instead of the adjudicated ones
     * ({@code hlp --gold annotator:NAME}): their labels become the gold and they are no longer a
     * rater, so the others are measured against them.
     */
    public LabelMatrix withGoldFrom(String annotator) {
        int reference = annotators.indexOf(annotator);
        if (reference < 0) {
            throw new BadInputException("no annotator '" + annotator + "' has labeled; annotators: "
                    + String.join(", ", annotators));
        }
        int raters = ratings.raters();
        int units = ratings.units();
        int[] codes = new int[units * (raters - 1)];
        int[] referenceGold = new int[units];
        for (int unit = 0; unit < units; unit++) {
            int next = unit * (raters - 1);
            for (int rater = 0; rater < raters; rater++) {
                if (rater == reference) {
                    referenceGold[unit] = ratings.code(unit, rater);
                } else {
                    codes[next++] = ratings.code(unit, rater);
                }
            }
        }
        double[] categoryValues = new double[ratings.categories()];
        Arrays.setAll(categoryValues, ratings::value);
        List<String> others = new ArrayList<>(annotators);
        others.remove(reference);
        return new LabelMatrix(Ratings.of(units, raters - 1, codes, categoryValues), List.copyOf(others), classes,
                itemIds, referenceGold, guidelines);
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

    public static LabelMatrix read(Transaction tx) throws SQLException {
        Connection c = tx.connection();
        Map<Long, Integer> categoryOf = new HashMap<>();
        List<String> classes = schemaClasses(tx, categoryOf);
        Map<Long, Integer> raterOf = new HashMap<>();
        List<String> annotators = raters(tx, "class", raterOf);
        int raters = annotators.size();
        // Every opinion in (item, annotator, id) order, the index's order: the last row of each
        // (item, annotator) is the current one. Cheaper than grouping by MAX(id) and joining back,
        // which makes SQLite materialise the groups and sort them again.
        String sql = "SELECT item, annotator, kind, label_class, guideline_version FROM annotation"
                + " WHERE origin IN " + OPINIONS + " ORDER BY item, annotator, id";
        UnitBuilder built = new UnitBuilder(raters);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long pendingItem = Long.MIN_VALUE;
            long pendingAnnotator = Long.MIN_VALUE;
            boolean pendingIsClass = false;
            long pendingClass = 0;
            int pendingVersion = -1;
            while (rs.next()) {
                long item = rs.getLong(1);
                long annotator = rs.getLong(2);
                if ((item != pendingItem || annotator != pendingAnnotator) && pendingIsClass) {
                    built.add(pendingItem, raterOf.get(pendingAnnotator), categoryOf.get(pendingClass), pendingVersion);
                }
                pendingItem = item;
                pendingAnnotator = annotator;
                pendingIsClass = "class".equals(rs.getString(3));
                pendingClass = rs.getLong(4);
                pendingVersion = rs.getInt(5);
                if (rs.wasNull()) {
                    pendingVersion = -1;
                }
            }
            if (pendingIsClass) {
                built.add(pendingItem, raterOf.get(pendingAnnotator), categoryOf.get(pendingClass), pendingVersion);
            }
        }
        int units = built.units;
        int[] codes = built.codes;
        long[] items = built.items;
        String[] guidelines = built.guidelines;
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

    /** The class names in schema order; {@code categoryOf} maps their ids to positions. */
    private static List<String> schemaClasses(Transaction tx, Map<Long, Integer> categoryOf) throws SQLException {
        List<String> classes = new ArrayList<>();
        for (LabelClass labelClass : new LabelClassRepository().list(tx)) {
            categoryOf.put(labelClass.id(), classes.size());
            classes.add(labelClass.name());
        }
        return classes;
    }

    /** The annotators with a current opinion of {@code kind}, by name; {@code raterOf} maps their ids to positions. */
    private static List<String> raters(Transaction tx, String kind, Map<Long, Integer> raterOf) throws SQLException {
        Connection c = tx.connection();
        List<String> annotators = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT n.id, n.name FROM annotator n WHERE EXISTS"
                + " (SELECT 1 FROM annotation a WHERE a.annotator = n.id AND a.kind = ? AND a.origin IN " + OPINIONS
                + ") ORDER BY n.name")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    raterOf.put(rs.getLong(1), annotators.size());
                    annotators.add(rs.getString(2));
                }
            }
        }
        return annotators;
    }

    /**
     * A multi-label project as one binary matrix per class, in schema order: for each item and
     * annotator, 1 when their current answer includes the class, 0 when it does not (an empty
     * answer is "none of them"). The gold is the newest adjudicated answer, read the same way.
     * Memory is classes x items x annotators codes: a 100k-item, 5-annotator, 20-class project
     * takes 40 MB.
     */
    public static Map<String, LabelMatrix> readPerClass(Transaction tx) throws SQLException {
        Connection c = tx.connection();
        Map<Long, Integer> categoryOf = new HashMap<>();
        List<String> classes = schemaClasses(tx, categoryOf);
        int k = classes.size();
        if (k == 0) {
            return new java.util.LinkedHashMap<>();
        }
        Map<Long, Integer> raterOf = new HashMap<>();
        List<String> annotators = raters(tx, "multi", raterOf);
        int raters = annotators.size();
        int[][] codes = new int[k][Math.max(16, raters * 1024)];
        for (int[] perClass : codes) {
            Arrays.fill(perClass, Ratings.MISSING);
        }
        long[] items = new long[1024];
        String[] guidelines = new String[1024];
        int units = 0;
        long currentItem = Long.MIN_VALUE;
        long currentAnswer = Long.MIN_VALUE;
        String sql = "SELECT a.item, a.annotator, al.label_class, a.guideline_version, a.id FROM annotation a JOIN"
                + " (SELECT MAX(id) AS id FROM annotation WHERE origin IN " + OPINIONS + " GROUP BY item, annotator) cur"
                + " ON cur.id = a.id LEFT JOIN annotation_label al ON al.annotation = a.id WHERE a.kind = 'multi'"
                + " ORDER BY a.item, a.id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long item = rs.getLong(1);
                if (item != currentItem) {
                    if ((long) (units + 1) * raters > codes[0].length || units == items.length) {
                        for (int category = 0; category < k; category++) {
                            int grown = codes[category].length;
                            codes[category] = Arrays.copyOf(codes[category], grown * 2);
                            Arrays.fill(codes[category], grown, grown * 2, Ratings.MISSING);
                        }
                        items = Arrays.copyOf(items, items.length * 2);
                        guidelines = Arrays.copyOf(guidelines, guidelines.length * 2);
                    }
                    items[units] = item;
                    guidelines[units++] = null;
                    currentItem = item;
                }
                int cell = (units - 1) * raters + raterOf.get(rs.getLong(2));
                long answer = rs.getLong(5);
                if (answer != currentAnswer) {
                    for (int category = 0; category < k; category++) {
                        codes[category][cell] = 0;
                    }
                    currentAnswer = answer;
                    String version = rs.getObject(4) == null ? "none" : "v" + rs.getInt(4);
                    String seen = guidelines[units - 1];
                    guidelines[units - 1] = seen == null || seen.equals(version) ? version : "mixed";
                }
                long labelClass = rs.getLong(3);
                if (!rs.wasNull()) {
                    codes[categoryOf.get(labelClass)][cell] = 1;
                }
            }
        }
        Map<Long, java.util.Set<Integer>> adjudicated = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.item, al.label_class"
                + " FROM annotation a JOIN (SELECT MAX(id) AS id FROM annotation WHERE origin = 'adjudicated'"
                + " GROUP BY item) cur ON cur.id = a.id LEFT JOIN annotation_label al ON al.annotation = a.id"
                + " WHERE a.kind = 'multi'")) {
            while (rs.next()) {
                java.util.Set<Integer> gold = adjudicated.computeIfAbsent(rs.getLong(1), i -> new java.util.HashSet<>());
                long labelClass = rs.getLong(2);
                if (!rs.wasNull()) {
                    gold.add(categoryOf.get(labelClass));
                }
            }
        }
        long[] itemIds = Arrays.copyOf(items, units);
        String[] unitGuidelines = Arrays.copyOf(guidelines, units);
        Map<String, LabelMatrix> perClass = new java.util.LinkedHashMap<>();
        for (int category = 0; category < k; category++) {
            int[] gold = new int[units];
            for (int unit = 0; unit < units; unit++) {
                java.util.Set<Integer> set = adjudicated.get(itemIds[unit]);
                gold[unit] = set == null ? Ratings.MISSING : set.contains(category) ? 1 : 0;
            }
            perClass.put(classes.get(category), new LabelMatrix(
                    Ratings.of(units, raters, Arrays.copyOf(codes[category], units * raters), new double[] {0, 1}),
                    List.copyOf(annotators), List.of("not " + classes.get(category), classes.get(category)), itemIds,
                    gold, unitGuidelines));
        }
        return perClass;
    }

    /** Grows the unit arrays as current opinions arrive in item order. */
    private static final class UnitBuilder {
        private final int raters;
        int[] codes;
        long[] items = new long[1024];
        String[] guidelines = new String[1024];
        int units;

        UnitBuilder(int raters) {
            this.raters = raters;
            codes = new int[Math.max(16, raters * 1024)];
            Arrays.fill(codes, Ratings.MISSING);
        }

        /** One current class opinion; {@code version} -1 when labeled under no guideline. */
        void add(long item, int rater, int category, int version) {
            if (units == 0 || items[units - 1] != item) {
                if ((long) (units + 1) * raters > codes.length) {
                    int grown = codes.length;
                    codes = Arrays.copyOf(codes, codes.length * 2);
                    Arrays.fill(codes, grown, codes.length, Ratings.MISSING);
                }
                if (units == items.length) {
                    items = Arrays.copyOf(items, items.length * 2);
                    guidelines = Arrays.copyOf(guidelines, guidelines.length * 2);
                }
                items[units] = item;
                guidelines[units++] = null;
            }
            codes[(units - 1) * raters + rater] = category;
            String label = version < 0 ? "none" : VERSION_NAMES.computeIfAbsent(version, v -> "v" + v);
            String seen = guidelines[units - 1];
            guidelines[units - 1] = seen == null || seen.equals(label) ? label : "mixed";
        }

        private static final Map<Integer, String> VERSION_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    }
}
