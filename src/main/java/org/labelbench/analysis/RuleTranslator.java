package org.labelbench.analysis;

import java.util.List;
import java.util.Map;
import org.labelbench.analysis.RuleNode.Comparison;
import org.labelbench.analysis.RuleNode.FieldRef;
import org.labelbench.analysis.RuleNode.Flag;
import org.labelbench.analysis.RuleNode.Literal;
import org.labelbench.project.ItemCondition;
import org.labelbench.project.RuleConditionBuilder;
import org.labelbench.project.RuleConditionBuilder.Operator;

/**
 * Turns a parsed rule into an item condition through the store's {@link RuleConditionBuilder},
 * checking on the way what the parser cannot: that each field gets a literal of its type and an
 * operator it takes, that classes, attributes and probabilities exist. The rule's meaning is
 * decided here; the SQL that reads each field is the store's.
 */
final class RuleTranslator {
    private static final Map<String, Operator> OPERATORS = Map.of("==", Operator.EQUAL, "!=", Operator.NOT_EQUAL,
            "<", Operator.LESS, "<=", Operator.LESS_OR_EQUAL, ">", Operator.GREATER, ">=", Operator.GREATER_OR_EQUAL);

    private final String text;
    private final RuleContext context;
    private final RuleConditionBuilder condition;

    private RuleTranslator(String text, RuleContext context) {
        this.text = text;
        this.context = context;
        this.condition = new RuleConditionBuilder(context.run() == null ? null : context.run().id());
    }

    static ItemCondition translate(String text, RuleNode rule, RuleContext context) {
        RuleTranslator translator = new RuleTranslator(text, context);
        translator.node(rule);
        return translator.condition.build();
    }

    private void node(RuleNode node) {
        if (node instanceof RuleNode.Or or) {
            condition.any(or.operands().size(), k -> node(or.operands().get(k)));
        } else if (node instanceof RuleNode.And and) {
            condition.all(and.operands().size(), k -> node(and.operands().get(k)));
        } else if (node instanceof RuleNode.Not not) {
            condition.not(() -> node(not.operand()));
        } else if (node instanceof Comparison comparison) {
            comparison(comparison);
        } else if (node instanceof Flag flag) {
            flag(flag);
        }
    }

    private void flag(Flag flag) {
        FieldRef ref = flag.field();
        if (ref.field().type() != RuleField.Type.BOOLEAN) {
            throw RuleError.of(text, "expected a comparison after '" + ref.text() + "' at column " + flag.end());
        }
        needsRun(ref);
        condition.flag(flagField(ref.field()), true);
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
        List<Literal> values = comparison.values();
        condition.any(values.size(), k -> compare(ref, comparison.operatorToken(), "==", values.get(k)));
    }

    private void compare(FieldRef ref, RuleToken after, String operator, Literal literal) {
        RuleField field = ref.field();
        switch (field.type()) {
            case NUMBER -> {
                requireNumber(literal, after);
                Number value = (Number) literal.value();
                if (field == RuleField.PROBABILITY) {
                    condition.compareProbability(probabilityIndex(ref), OPERATORS.get(operator), value);
                } else {
                    condition.compare(numberField(field), OPERATORS.get(operator), value);
                }
            }
            case TEXT -> {
                if (!(literal.value() instanceof String string)) {
                    throw expected("a string", after, literal);
                }
                if (field == RuleField.MEDIA && !string.equals("image") && !string.equals("audio")) {
                    throw expected("\"image\" or \"audio\"", after, literal);
                }
                condition.compare(textField(field), OPERATORS.get(operator), string);
            }
            case ATTRIBUTE -> {
                if (literal.value() instanceof Boolean) {
                    throw expected("a string or a number", after, literal);
                }
                condition.compareAttribute(ref.argument(), OPERATORS.get(operator), literal.value());
            }
            case CLASS -> {
                requireEquality(ref, after, operator, "==, != or in");
                if (!(literal.value() instanceof String name)) {
                    throw expected("a class name in quotes", after, literal);
                }
                // Without a value (no label, no prediction) the item is left out, under not too.
                condition.classIs(classField(field), classId(name, literal.column()), operator.equals("=="));
            }
            case BOOLEAN -> {
                requireEquality(ref, after, operator, "== or != (or stands alone)");
                if (!(literal.value() instanceof Boolean wanted)) {
                    throw expected("true or false", after, literal);
                }
                condition.flag(flagField(field), wanted == operator.equals("=="));
            }
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
    }

    private static RuleConditionBuilder.NumberField numberField(RuleField field) {
        return switch (field) {
            case WIDTH -> RuleConditionBuilder.NumberField.WIDTH;
            case HEIGHT -> RuleConditionBuilder.NumberField.HEIGHT;
            case DURATION_MS -> RuleConditionBuilder.NumberField.DURATION_MS;
            case SAMPLE_RATE -> RuleConditionBuilder.NumberField.SAMPLE_RATE;
            case CHANNELS -> RuleConditionBuilder.NumberField.CHANNELS;
            case BYTES -> RuleConditionBuilder.NumberField.BYTES;
            case LABELS -> RuleConditionBuilder.NumberField.LABELS;
            case CONFIDENCE -> RuleConditionBuilder.NumberField.CONFIDENCE;
            default -> throw new IllegalArgumentException(field + " is not a number field");
        };
    }

    private static RuleConditionBuilder.TextField textField(RuleField field) {
        return switch (field) {
            case MEDIA -> RuleConditionBuilder.TextField.MEDIA;
            case FORMAT -> RuleConditionBuilder.TextField.FORMAT;
            case KEY -> RuleConditionBuilder.TextField.KEY;
            default -> throw new IllegalArgumentException(field + " is not a text field");
        };
    }

    private static RuleConditionBuilder.ClassField classField(RuleField field) {
        return switch (field) {
            case LABEL -> RuleConditionBuilder.ClassField.LABEL;
            case ADJUDICATED -> RuleConditionBuilder.ClassField.ADJUDICATED;
            case PREDICTION -> RuleConditionBuilder.ClassField.PREDICTION;
            default -> throw new IllegalArgumentException(field + " is not a class field");
        };
    }

    private static RuleConditionBuilder.FlagField flagField(RuleField field) {
        return switch (field) {
            case DISAGREEMENT -> RuleConditionBuilder.FlagField.DISAGREEMENT;
            case CORRECT -> RuleConditionBuilder.FlagField.CORRECT;
            default -> throw new IllegalArgumentException(field + " is not a true-or-false field");
        };
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
