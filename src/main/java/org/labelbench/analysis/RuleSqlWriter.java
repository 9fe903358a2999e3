package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbench.analysis.RuleNode.Comparison;
import org.labelbench.analysis.RuleNode.FieldRef;
import org.labelbench.analysis.RuleNode.Flag;
import org.labelbench.analysis.RuleNode.Literal;
import org.labelbench.project.ItemCondition;

/**
 * Turns a parsed rule into a parameterised SQL condition over the item {@code i}, checking on the
 * way what the parser cannot: that each field gets a literal of its type and an operator it
 * takes, that classes, attributes and probabilities exist. Every literal is bound as a parameter.
 */
final class RuleSqlWriter {
    private static final Map<String, String> SQL_OPERATORS = Map.of("==", "=", "!=", "<>", "<", "<", "<=", "<=",
            ">", ">", ">=", ">=");

    private final String text;
    private final RuleContext context;
    private final RuleFieldSql fields;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private RuleSqlWriter(String text, RuleContext context) {
        this.text = text;
        this.context = context;
        this.fields = new RuleFieldSql(context);
    }

    static ItemCondition write(String text, RuleNode rule, RuleContext context) {
        RuleSqlWriter writer = new RuleSqlWriter(text, context);
        writer.node(rule);
        return new ItemCondition(writer.sql.toString(), writer.parameters);
    }

    private void node(RuleNode node) {
        if (node instanceof RuleNode.Or or) {
            joined(or.operands(), " OR ");
        } else if (node instanceof RuleNode.And and) {
            joined(and.operands(), " AND ");
        } else if (node instanceof RuleNode.Not not) {
            sql.append("NOT (");
            node(not.operand());
            sql.append(')');
        } else if (node instanceof Comparison comparison) {
            comparison(comparison);
        } else if (node instanceof Flag flag) {
            flag(flag);
        }
    }

    private void joined(List<RuleNode> operands, String operator) {
        sql.append('(');
        for (int k = 0; k < operands.size(); k++) {
            sql.append(k == 0 ? "" : operator);
            node(operands.get(k));
        }
        sql.append(')');
    }

    private void flag(Flag flag) {
        FieldRef ref = flag.field();
        if (ref.field().type() != RuleField.Type.BOOLEAN) {
            throw RuleError.of(text, "expected a comparison after '" + ref.text() + "' at column " + flag.end());
        }
        needsRun(ref);
        sql.append('(');
        append(fields.flag(ref.field()));
        sql.append(')');
    }

    private void comparison(Comparison comparison) {
        FieldRef ref = comparison.field();
        needsRun(ref);
        checkArgument(ref);
        if (!comparison.operator().equals("in")) {
            compare(ref, comparison.operatorToken(), comparison.operator(), comparison.values().get(0));
            return;
        }
        // x in [a, b] is x == a or x == b: each value is checked and bound like a single comparison.
        sql.append('(');
        for (int k = 0; k < comparison.values().size(); k++) {
            sql.append(k == 0 ? "" : " OR ");
            compare(ref, comparison.operatorToken(), "==", comparison.values().get(k));
        }
        sql.append(')');
    }

    private void compare(FieldRef ref, RuleToken after, String operator, Literal literal) {
        RuleField field = ref.field();
        switch (field.type()) {
            case NUMBER -> {
                requireNumber(literal, after);
                SqlFragment value = field == RuleField.PROBABILITY ? fields.probability(probabilityIndex(ref))
                        : fields.value(field, ref.argument(), true);
                scalar(value, operator, literal.value());
            }
            case TEXT -> {
                if (!(literal.value() instanceof String string)) {
                    throw expected("a string", after, literal);
                }
                if (field == RuleField.MEDIA && !string.equals("image") && !string.equals("audio")) {
                    throw expected("\"image\" or \"audio\"", after, literal);
                }
                scalar(fields.value(field, null, false), operator, string);
            }
            case ATTRIBUTE -> {
                if (literal.value() instanceof Boolean) {
                    throw expected("a string or a number", after, literal);
                }
                boolean asNumber = literal.value() instanceof Number;
                scalar(fields.value(field, ref.argument(), asNumber), operator, literal.value());
            }
            case CLASS -> {
                requireEquality(ref, after, operator, "==, != or in");
                if (!(literal.value() instanceof String name)) {
                    throw expected("a class name in quotes", after, literal);
                }
                // Without a value (no label, no prediction) the match is NULL: the item is left out, under not too.
                append(fields.classMatch(field, classId(name, literal.column())));
                sql.append(operator.equals("==") ? " = 1" : " = 0");
            }
            case BOOLEAN -> {
                requireEquality(ref, after, operator, "== or != (or stands alone)");
                if (!(literal.value() instanceof Boolean wanted)) {
                    throw expected("true or false", after, literal);
                }
                boolean positive = wanted == operator.equals("==");
                sql.append(positive ? "(" : "NOT (");
                append(fields.flag(field));
                sql.append(')');
            }
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
    }

    private void scalar(SqlFragment value, String operator, Object literal) {
        append(value);
        sql.append(' ').append(SQL_OPERATORS.get(operator)).append(" ?");
        parameters.add(literal);
    }

    private void append(SqlFragment fragment) {
        sql.append(fragment.sql());
        parameters.addAll(fragment.parameters());
    }

    private void requireNumber(Literal literal, RuleToken after) {
        if (!(literal.value() instanceof Number)) {
            throw expected("a number", after, literal);
        }
    }

    private void requireEquality(FieldRef ref, RuleToken operator, String operatorName, String takes) {
        if (!operatorName.equals("==") && !operatorName.equals("!=")) {
            throw RuleError.of(text, ref.text() + " takes " + takes + ", not '" + operator.text() + "' at column "
                    + operator.column());
        }
    }

    private void needsRun(FieldRef ref) {
        if (ref.field().readsPredictions() && context.run() == null) {
            throw RuleError.of(text, ref.text() + " at column " + ref.column()
                    + " reads predictions, and the project has no prediction run");
        }
    }

    /** attr.NAME must name an attribute, p.CLASS a class the run has a probability for. */
    private void checkArgument(FieldRef ref) {
        if (ref.field() == RuleField.ATTRIBUTE && context.attributes() != null
                && !context.attributes().contains(ref.argument())) {
            throw RuleError.of(text, "no attribute '" + ref.argument() + "' at column " + ref.column() + "; "
                    + (context.attributes().isEmpty() ? "the project has no attributes"
                            : "attributes: " + String.join(", ", context.attributes().stream().sorted().toList())));
        }
    }

    private int probabilityIndex(FieldRef ref) {
        classId(ref.argument(), ref.column());
        RuleContext.Run run = context.run();
        int index = run.probabilityClasses().indexOf(ref.argument());
        if (run.probabilityClasses().isEmpty()) {
            throw RuleError.of(text, ref.text() + " at column " + ref.column() + ": run '" + run.name()
                    + "' has no probabilities");
        }
        if (index < 0) {
            throw RuleError.of(text, ref.text() + " at column " + ref.column() + ": run '" + run.name()
                    + "' has no probability of '" + ref.argument() + "'; it has: "
                    + String.join(", ", run.probabilityClasses()));
        }
        return index;
    }

    private long classId(String name, int column) {
        Long id = context.classIds().get(name);
        if (id == null) {
            throw RuleError.of(text, "no class '" + name + "' at column " + column + "; classes: "
                    + String.join(", ", context.classIds().keySet()));
        }
        return id;
    }

    private RuntimeException expected(String what, RuleToken after, Literal found) {
        return RuleError.of(text, "expected " + what + " after " + after.quoted() + " at column " + found.column()
                + ", found " + found.token().quoted());
    }
}
