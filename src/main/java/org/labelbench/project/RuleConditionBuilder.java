package org.labelbench.project;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Builds the {@link ItemCondition} of a rule tag from what the rule says about an item (its media
 * facts, attributes, labels, gold and one run's predictions), so that the rule language and its
 * checks live in {@code analysis} and only this package writes the SQL. Each field reads as a
 * column of the item {@code i} or a correlated subquery that index lookups answer (item_attr by
 * (item, name), annotation by (item, annotator, id), prediction by (run, item)). A field the item
 * does not have reads as NULL, so a comparison on it is neither true nor false and the item is
 * left out, under {@link #not} too. Every value is bound as a parameter, never spliced.
 *
 * <p>The conditions are written for {@link SqlDialect#SQLITE}: they are built before they meet a
 * connection (a rule is checked when it is typed), and SQLite is the dialect of every project file.
 */
public final class RuleConditionBuilder {
    /** A number of the item. */
    public enum NumberField {
        WIDTH("i.width"), HEIGHT("i.height"), DURATION_MS("i.duration_ms"), SAMPLE_RATE("i.sample_rate"),
        CHANNELS("i.channels"), BYTES("i.bytes"),
        /** How many annotators' current opinions are a class or a multi-label set. */
        LABELS(null),
        /** The run's confidence in its prediction. */
        CONFIDENCE(null);

        private final String column;

        NumberField(String column) {
            this.column = column;
        }
    }

    /** A text of the item. */
    public enum TextField {
        MEDIA("i.media"), FORMAT("i.format"), KEY("i.key");

        private final String column;

        TextField(String column) {
            this.column = column;
        }
    }

    /** Where an item's class comes from: annotators' current opinions, its current gold, or the run. */
    public enum ClassField {
        LABEL, ADJUDICATED, PREDICTION
    }

    /** A true-or-false fact of the item. */
    public enum FlagField {
        /** Current class labels name two classes or more; multi-label: a class is in one set and not another. */
        DISAGREEMENT,
        /** The run's prediction is the ground truth as {@code analyze} decides it by default. */
        CORRECT
    }

    /** A comparison operator. */
    public enum Operator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    /** The item's newest adjudication is annotation {@code a}. */
    private static final String CURRENT_GOLD = Opinions.isCurrentGold("a", "i.id");
    /** The item's class by majority of current class labels, NULL on a tie or without labels (as GroundTruth). */
    private static final String MAJORITY = "(SELECT CASE WHEN SUM(CASE WHEN g.n = g.top THEN 1 ELSE 0 END) = 1"
            + " THEN MAX(CASE WHEN g.n = g.top THEN g.label_class END) END FROM (SELECT a.label_class,"
            + " COUNT(*) AS n, MAX(COUNT(*)) OVER () AS top FROM annotation a WHERE a.kind = 'class' AND "
            + currentOpinion("a") + " GROUP BY a.label_class) g)";
    /** 1 when annotation {@code a} is (a multi-label set including) the class bound twice, else 0. */
    private static final String HOLDS = "MAX(CASE WHEN a.kind = 'class' AND a.label_class = ? OR a.kind = 'multi'"
            + " AND EXISTS (SELECT 1 FROM annotation_label l WHERE l.annotation = a.id AND l.label_class = ?)"
            + " THEN 1 ELSE 0 END)";

    private final Long run;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** {@code run} is the prediction run the prediction fields read, or null when the rule reads none. */
    public RuleConditionBuilder(Long run) {
        this.run = run;
    }

    /** The condition built so far. */
    public ItemCondition build() {
        return new ItemCondition(sql.toString(), parameters);
    }

    /** All of {@code count} operands, each written by {@code operand} given its index. */
    public void all(int count, IntConsumer operand) {
        joined(count, operand, " AND ");
    }

    /** Any of {@code count} operands, each written by {@code operand} given its index. */
    public void any(int count, IntConsumer operand) {
        joined(count, operand, " OR ");
    }

    /** The negation of what {@code operand} writes. */
    public void not(Runnable operand) {
        sql.append("NOT (");
        operand.run();
        sql.append(')');
    }

    public void compare(NumberField field, Operator operator, Number value) {
        String read = switch (field) {
            case LABELS -> "(SELECT COUNT(*) FROM annotation a WHERE a.kind IN ('class', 'multi') AND "
                    + currentOpinion("a") + ")";
            case CONFIDENCE -> {
                parameters.add(run());
                yield "(SELECT p.confidence FROM prediction p WHERE p.run = ? AND p.item = i.id)";
            }
            default -> field.column;
        };
        scalar(read, operator, value);
    }

    public void compare(TextField field, Operator operator, String value) {
        scalar(field.column, operator, value);
    }

    /**
     * Attribute {@code name} against {@code value}: compared with a number, only values that are
     * numbers count ("12 kg" or "n/a" are neither 12 nor 0); otherwise as text.
     */
    public void compareAttribute(String name, Operator operator, Object value) {
        parameters.add(name);
        String read = value instanceof Number
                ? "(SELECT CAST(x.value AS REAL) FROM item_attr x WHERE x.item = i.id AND x.name = ? AND "
                        + SqlDialect.SQLITE.isNumericText("x.value") + ")"
                : "(SELECT x.value FROM item_attr x WHERE x.item = i.id AND x.name = ?)";
        scalar(read, operator, value);
    }

    /** The probability the run gives the class at {@code index} of its probability vector. */
    public void compareProbability(int index, Operator operator, Number value) {
        parameters.add(index);
        parameters.add(run());
        scalar("(SELECT " + SqlDialect.SQLITE.probabilityAt("p.probabilities", "?") + " FROM prediction p"
                + " WHERE p.run = ? AND p.item = i.id)", operator, value);
    }

    /**
     * The class field holds ({@code holds}) or does not hold the class: a field that holds no
     * class at all (no label, no gold, no prediction) is neither, and the item is left out. The
     * field holds a class when some annotator's current label is it (in a multi-label project:
     * includes it); when the current gold is (includes) it; when the run predicts it. One pass
     * over the item's rows answers both.
     */
    public void classIs(ClassField field, long classId, boolean holds) {
        switch (field) {
            case LABEL -> sql.append("(SELECT ").append(HOLDS).append(" FROM annotation a WHERE a.kind IN ('class',"
                    + " 'multi') AND ").append(currentOpinion("a")).append(')');
            case ADJUDICATED -> sql.append("(SELECT ").append(HOLDS).append(" FROM annotation a WHERE a.kind IN"
                    + " ('class', 'multi') AND ").append(CURRENT_GOLD).append(')');
            case PREDICTION -> sql.append("(SELECT CASE WHEN p.label_class = ? THEN 1 ELSE 0 END FROM prediction p"
                    + " WHERE p.run = ? AND p.item = i.id)");
        }
        parameters.add(classId);
        parameters.add(field == ClassField.PREDICTION ? run() : classId);
        sql.append(holds ? " = 1" : " = 0");
    }

    /** The flag is true ({@code positive}) or, with {@code positive} false, not true. */
    public void flag(FlagField field, boolean positive) {
        sql.append(positive ? "(" : "NOT (");
        switch (field) {
            case DISAGREEMENT -> sql.append("((SELECT COUNT(DISTINCT a.label_class) FROM annotation a"
                    + " WHERE a.kind = 'class' AND ").append(currentOpinion("a")).append(") > 1 OR EXISTS (SELECT 1"
                    + " FROM annotation a JOIN annotation_label l ON l.annotation = a.id WHERE a.kind = 'multi' AND ")
                    .append(currentOpinion("a")).append(" AND EXISTS (SELECT 1 FROM annotation other WHERE"
                    + " other.kind = 'multi' AND ").append(currentOpinion("other")).append(" AND NOT EXISTS"
                    + " (SELECT 1 FROM annotation_label ol WHERE ol.annotation = other.id"
                    + " AND ol.label_class = l.label_class))))");
            // Inside the prediction's subquery, so an item without a prediction costs no truth.
            case CORRECT -> {
                sql.append("(SELECT p.label_class = COALESCE((SELECT a.label_class FROM annotation a WHERE ")
                        .append(CURRENT_GOLD).append(" AND a.kind = 'class'), ").append(MAJORITY)
                        .append(") FROM prediction p WHERE p.run = ? AND p.item = i.id)");
                parameters.add(run());
            }
        }
        sql.append(')');
    }

    private void joined(int count, IntConsumer operand, String junction) {
        sql.append('(');
        for (int k = 0; k < count; k++) {
            sql.append(k == 0 ? "" : junction);
            operand.accept(k);
        }
        sql.append(')');
    }

    private void scalar(String read, Operator operator, Object value) {
        sql.append(read).append(' ').append(operator.sql).append(" ?");
        parameters.add(value);
    }

    /** Annotation {@code alias} is on item i and is the current opinion of its annotator there. */
    private static String currentOpinion(String alias) {
        return alias + ".item = i.id AND " + Opinions.isCurrent(alias);
    }

    private long run() {
        if (run == null) {
            throw new IllegalStateException("a prediction field needs a run; the rule was not checked for one");
        }
        return run;
    }
}
