package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbench.project.Annotator;
import org.labelbench.project.BadInputException;
import org.labelbench.project.GoldRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.LabelMatrixRepository;
import org.labelbench.project.Opinions;
import org.labelbench.project.Transaction;

/**
 * The project's current class labels as reliability data: one unit per labeled item, one rater
 * per annotator, categories in schema order. Opinions only: labels by people and imports count;
 * adjudications (the gold) and model labels do not; accepted suggestions only when asked
 * ({@link Opinions.Suggestions}). Read in one pass ordered by item.
 */
public record LabelMatrix(Ratings ratings, List<String> annotators, List<String> classes, long[] itemIds, int[] gold,
        String[] guidelines) {
    private static final LabelMatrixRepository LABEL_MATRICES = new LabelMatrixRepository();
    private static final GoldRepository GOLD = new GoldRepository();

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

    /**
     * The project's current class opinions, with each unit's gold class: human-only, the
     * agreement and HLP default (current opinions that are accepted suggestions are left out,
     * see {@link Opinions}).
     */
    public static LabelMatrix read(Transaction tx) {
        return read(tx, Opinions.Suggestions.LEFT_OUT);
    }

    /**
     * The project's current class opinions, with each unit's gold class; {@code suggestions} says
     * whether current opinions that are accepted suggestions count (ground truth: they do).
     */
    public static LabelMatrix read(Transaction tx, Opinions.Suggestions suggestions) {
        Map<Long, Integer> categoryOf = new HashMap<>();
        List<String> classes = schemaClasses(tx, categoryOf);
        Map<Long, Integer> raterOf = new HashMap<>();
        List<String> annotators = raters(tx, "class", suggestions, raterOf);
        int raters = annotators.size();
        UnitBuilder built = new UnitBuilder(raters);
        LABEL_MATRICES.forEachCurrentClassOpinion(tx, suggestions, (item, annotator, labelClass, version) ->
                built.add(item, raterOf.get(annotator), categoryOf.get(labelClass), version));
        int units = built.units;
        int[] codes = built.codes;
        long[] items = built.items;
        String[] guidelines = built.guidelines;
        Map<Long, Long> adjudicated = GOLD.currentGoldClasses(tx);
        int[] gold = new int[units];
        for (int unit = 0; unit < units; unit++) {
            Long labelClass = adjudicated.get(items[unit]);
            gold[unit] = labelClass == null ? Ratings.MISSING : categoryOf.get(labelClass);
        }
        return new LabelMatrix(Ratings.of(units, raters, Arrays.copyOf(codes, units * raters), values(classes)),
                List.copyOf(annotators), List.copyOf(classes), Arrays.copyOf(items, units), gold,
                Arrays.copyOf(guidelines, units));
    }

    /** The class names in schema order; {@code categoryOf} maps their ids to positions. */
    private static List<String> schemaClasses(Transaction tx, Map<Long, Integer> categoryOf) {
        List<String> classes = new ArrayList<>();
        for (LabelClass labelClass : new LabelClassRepository().list(tx)) {
            categoryOf.put(labelClass.id(), classes.size());
            classes.add(labelClass.name());
        }
        return classes;
    }

    /** The annotators with an opinion of {@code kind}, by name; {@code raterOf} maps their ids to positions. */
    private static List<String> raters(Transaction tx, String kind, Opinions.Suggestions suggestions,
            Map<Long, Integer> raterOf) {
        List<String> annotators = new ArrayList<>();
        for (Annotator annotator : LABEL_MATRICES.annotatorsWithOpinions(tx, kind, suggestions)) {
            raterOf.put(annotator.id(), annotators.size());
            annotators.add(annotator.name());
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
    public static Map<String, LabelMatrix> readPerClass(Transaction tx) {
        return readPerClass(tx, Opinions.Suggestions.LEFT_OUT);
    }

    /** As {@link #readPerClass(Transaction)}, counting accepted suggestions or not. */
    public static Map<String, LabelMatrix> readPerClass(Transaction tx, Opinions.Suggestions suggestions) {
        Map<Long, Integer> categoryOf = new HashMap<>();
        List<String> classes = schemaClasses(tx, categoryOf);
        int k = classes.size();
        if (k == 0) {
            return new LinkedHashMap<>();
        }
        Map<Long, Integer> raterOf = new HashMap<>();
        List<String> annotators = raters(tx, "multi", suggestions, raterOf);
        MultiUnitBuilder built = new MultiUnitBuilder(k, annotators.size());
        LABEL_MATRICES.forEachCurrentMultiAnswer(tx, suggestions, (item, annotator, answer, labelClass, version) -> built.add(item,
                raterOf.get(annotator), answer, labelClass == LabelMatrixRepository.NO_CLASS ? -1
                        : categoryOf.get(labelClass), version));
        Map<Long, Set<Integer>> adjudicated = new HashMap<>();
        GOLD.currentGoldSets(tx).forEach((item, classIds) -> {
            Set<Integer> categories = new HashSet<>();
            classIds.forEach(id -> categories.add(categoryOf.get(id)));
            adjudicated.put(item, categories);
        });
        int units = built.units;
        int raters = annotators.size();
        long[] itemIds = Arrays.copyOf(built.items, units);
        String[] unitGuidelines = Arrays.copyOf(built.guidelines, units);
        Map<String, LabelMatrix> perClass = new LinkedHashMap<>();
        for (int category = 0; category < k; category++) {
            int[] gold = new int[units];
            for (int unit = 0; unit < units; unit++) {
                Set<Integer> set = adjudicated.get(itemIds[unit]);
                gold[unit] = set == null ? Ratings.MISSING : set.contains(category) ? 1 : 0;
            }
            perClass.put(classes.get(category), new LabelMatrix(
                    Ratings.of(units, raters, Arrays.copyOf(built.codes[category], units * raters),
                            new double[] {0, 1}),
                    List.copyOf(annotators), List.of("not " + classes.get(category), classes.get(category)), itemIds,
                    gold, unitGuidelines));
        }
        return perClass;
    }

    /**
     * Grows one binary code array per class as the classes of current multi-label answers arrive
     * in item order: a cell is 0 for every class once its answer is seen, then 1 for each class in it.
     */
    private static final class MultiUnitBuilder {
        private final int raters;
        int[][] codes;
        long[] items = new long[1024];
        String[] guidelines = new String[1024];
        int units;
        private long currentAnswer = Long.MIN_VALUE;

        MultiUnitBuilder(int classes, int raters) {
            this.raters = raters;
            codes = new int[classes][Math.max(16, raters * 1024)];
            for (int[] perClass : codes) {
                Arrays.fill(perClass, Ratings.MISSING);
            }
        }

        /** One class ({@code category} -1: none) of an answer; {@code version} -1 when made under no guideline. */
        void add(long item, int rater, long answer, int category, int version) {
            if (units == 0 || items[units - 1] != item) {
                if ((long) (units + 1) * raters > codes[0].length || units == items.length) {
                    for (int c = 0; c < codes.length; c++) {
                        int grown = codes[c].length;
                        codes[c] = Arrays.copyOf(codes[c], grown * 2);
                        Arrays.fill(codes[c], grown, grown * 2, Ratings.MISSING);
                    }
                    items = Arrays.copyOf(items, items.length * 2);
                    guidelines = Arrays.copyOf(guidelines, guidelines.length * 2);
                }
                items[units] = item;
                guidelines[units++] = null;
            }
            int cell = (units - 1) * raters + rater;
            if (answer != currentAnswer) {
                for (int[] perClass : codes) {
                    perClass[cell] = 0;
                }
                currentAnswer = answer;
                String label = version < 0 ? "none" : "v" + version;
                String seen = guidelines[units - 1];
                guidelines[units - 1] = seen == null || seen.equals(label) ? label : "mixed";
            }
            if (category >= 0) {
                codes[category][cell] = 1;
            }
        }
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
