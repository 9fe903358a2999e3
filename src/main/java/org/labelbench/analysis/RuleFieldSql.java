package org.labelbench.analysis;

import org.labelbench.project.ProbabilitySqlFunction;

/**
 * The SQL that reads each rule field for the item {@code i}: a column, or a correlated subquery
 * that index lookups answer (item_attr by (item, name), annotation by (item, annotator, id),
 * prediction by (run, item)). A field the item does not have reads as NULL, so a comparison on it
 * is neither true nor false and the item is left out, under {@code not} too.
 */
final class RuleFieldSql {
    /** The origins of an annotator's opinion, as agreement counts them (LabelMatrix.OPINIONS). */
    private static final String OPINION_ORIGINS = "('human', 'import', 'accepted-suggestion')";
    /** The item's newest adjudication (annotation alias a). */
    private static final String NEWEST_ADJUDICATION = "a.id = (SELECT MAX(b.id) FROM annotation b"
            + " WHERE b.item = i.id AND b.origin = 'adjudicated')";
    /** The item's class by majority of current class labels, NULL on a tie or without labels (as GroundTruth). */
    private static final String MAJORITY = "(SELECT CASE WHEN SUM(CASE WHEN g.n = g.top THEN 1 ELSE 0 END) = 1"
            + " THEN MAX(CASE WHEN g.n = g.top THEN g.label_class END) END FROM (SELECT a.label_class,"
            + " COUNT(*) AS n, MAX(COUNT(*)) OVER () AS top FROM annotation a WHERE a.kind = 'class' AND "
            + currentOpinion("a") + " GROUP BY a.label_class) g)";

    private final RuleContext context;

    RuleFieldSql(RuleContext context) {
        this.context = context;
    }

    /** Annotation {@code alias} is the current opinion of its annotator on item i: their newest. */
    private static String currentOpinion(String alias) {
        return alias + ".item = i.id AND " + alias + ".id = (SELECT MAX(b.id) FROM annotation b WHERE b.item = i.id"
                + " AND b.annotator = " + alias + ".annotator AND b.origin IN " + OPINION_ORIGINS + ")";
    }

    /** The value of a number or text field; an attribute {@code asNumber} reads only values that are numbers. */
    SqlFragment value(RuleField field, String argument, boolean asNumber) {
        return switch (field) {
            case WIDTH -> new SqlFragment("i.width");
            case HEIGHT -> new SqlFragment("i.height");
            case DURATION_MS -> new SqlFragment("i.duration_ms");
            case SAMPLE_RATE -> new SqlFragment("i.sample_rate");
            case CHANNELS -> new SqlFragment("i.channels");
            case BYTES -> new SqlFragment("i.bytes");
            case MEDIA -> new SqlFragment("i.media");
            case FORMAT -> new SqlFragment("i.format");
            case KEY -> new SqlFragment("i.key");
            // A value like "12 kg" or "n/a" is not a number: GLOB keeps CAST from reading it as 12 or 0.
            case ATTRIBUTE -> asNumber
                    ? new SqlFragment("(SELECT CAST(x.value AS REAL) FROM item_attr x WHERE x.item = i.id AND x.name = ?"
                            + " AND x.value GLOB '*[0-9]*' AND x.value NOT GLOB '*[^0-9.eE+-]*')", argument)
                    : new SqlFragment("(SELECT x.value FROM item_attr x WHERE x.item = i.id AND x.name = ?)", argument);
            case LABELS -> new SqlFragment("(SELECT COUNT(*) FROM annotation a WHERE a.kind IN ('class', 'multi') AND "
                    + currentOpinion("a") + ")");
            case CONFIDENCE -> new SqlFragment("(SELECT p.confidence FROM prediction p WHERE p.run = ? AND p.item = i.id)",
                    run());
            default -> throw new IllegalArgumentException(field + " has no scalar value");
        };
    }

    /** The probability the run gives the class at {@code index} of its probability vector. */
    SqlFragment probability(int index) {
        return new SqlFragment("(SELECT " + ProbabilitySqlFunction.NAME + "(p.probabilities, ?) FROM prediction p"
                + " WHERE p.run = ? AND p.item = i.id)", index, run());
    }

    /**
     * 1 when the class field holds the class, 0 when it holds others only, NULL when it holds none
     * (no label, no adjudication, no prediction): one pass over the item's rows answers both
     * {@code ==} (= 1) and {@code !=} (= 0). The field holds a class when some annotator's current
     * label is it (in a multi-label project: includes it); when the newest adjudication is (includes)
     * it; when the run predicts it.
     */
    SqlFragment classMatch(RuleField field, long classId) {
        String holds = "MAX(CASE WHEN a.kind = 'class' AND a.label_class = ? OR a.kind = 'multi' AND EXISTS (SELECT 1"
                + " FROM annotation_label l WHERE l.annotation = a.id AND l.label_class = ?) THEN 1 ELSE 0 END)";
        return switch (field) {
            case LABEL -> new SqlFragment("(SELECT " + holds + " FROM annotation a WHERE a.kind IN ('class', 'multi')"
                    + " AND " + currentOpinion("a") + ")", classId, classId);
            case ADJUDICATED -> new SqlFragment("(SELECT " + holds + " FROM annotation a WHERE a.kind IN ('class',"
                    + " 'multi') AND " + NEWEST_ADJUDICATION + ")", classId, classId);
            case PREDICTION -> new SqlFragment("(SELECT CASE WHEN p.label_class = ? THEN 1 ELSE 0 END FROM prediction p"
                    + " WHERE p.run = ? AND p.item = i.id)", classId, run());
            default -> throw new IllegalArgumentException(field + " is not a class field");
        };
    }

    /** The condition a true-or-false field stands for. */
    SqlFragment flag(RuleField field) {
        return switch (field) {
            // Current class labels name two classes or more; in a multi-label project, some class is in one
            // annotator's set and not in another's.
            case DISAGREEMENT -> new SqlFragment("((SELECT COUNT(DISTINCT a.label_class) FROM annotation a"
                    + " WHERE a.kind = 'class' AND " + currentOpinion("a") + ") > 1 OR EXISTS (SELECT 1 FROM annotation a"
                    + " JOIN annotation_label l ON l.annotation = a.id WHERE a.kind = 'multi' AND " + currentOpinion("a")
                    + " AND EXISTS (SELECT 1 FROM annotation o WHERE o.kind = 'multi' AND " + currentOpinion("o")
                    + " AND NOT EXISTS (SELECT 1 FROM annotation_label ol WHERE ol.annotation = o.id"
                    + " AND ol.label_class = l.label_class))))");
            // The ground truth as `analyze` decides it by default: adjudicated, else the majority (ties: none).
            // Inside the prediction's subquery, so an item without a prediction costs no truth.
            case CORRECT -> new SqlFragment("(SELECT p.label_class = COALESCE((SELECT a.label_class FROM annotation a"
                    + " WHERE " + NEWEST_ADJUDICATION + " AND a.kind = 'class'), " + MAJORITY + ") FROM prediction p"
                    + " WHERE p.run = ? AND p.item = i.id)", run());
            default -> throw new IllegalArgumentException(field + " is not a true-or-false field");
        };
    }

    private long run() {
        return context.run().id();
    }
}
