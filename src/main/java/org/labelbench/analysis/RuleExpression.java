package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.List;
import org.labelbench.analysis.RuleNode.FieldRef;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemCondition;

/**
 * A rule tag's expression, such as {@code attr.noise == "car" and duration_ms > 2000}: parsed
 * once (syntax and field names), then turned into the store's condition over the item against a
 * project's classes, run and attributes (the store writes its SQL). The language is described in
 * docs/tags.md; errors are one line naming the column and what was expected there.
 */
public final class RuleExpression {
    private final String text;
    private final RuleNode root;

    private RuleExpression(String text, RuleNode root) {
        this.text = text;
        this.root = root;
    }

    public static RuleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("a rule needs an expression, such as: width < 64");
        }
        // Parsed as typed, so the columns in a message count from what the user sees.
        RuleNode root = RuleParser.parse(text);
        return new RuleExpression(text.strip(), root);
    }

    /** The expression as stored and shown: as typed, without blanks at the ends. */
    public String text() {
        return text;
    }

    /** The prediction fields the rule reads (prediction, confidence, p.CLASS, correct), as written; empty if none. */
    public List<String> predictionFields() {
        return fields().stream().filter(ref -> ref.field().readsPredictions()).map(FieldRef::text).distinct().toList();
    }

    /** Whether the rule reads labels, so that new labels can change its items. */
    public boolean readsLabels() {
        return fields().stream().anyMatch(ref -> ref.field().readsLabels());
    }

    /** The condition over the item {@code i}; refuses a literal, class, attribute or probability the context lacks. */
    public ItemCondition toSql(RuleContext context) {
        return RuleTranslator.translate(text, root, context);
    }

    /** The fields the rule reads, in the order written. */
    private List<FieldRef> fields() {
        List<FieldRef> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(RuleNode node, List<FieldRef> found) {
        if (node instanceof RuleNode.Or or) {
            or.operands().forEach(n -> collect(n, found));
        } else if (node instanceof RuleNode.And and) {
            and.operands().forEach(n -> collect(n, found));
        } else if (node instanceof RuleNode.Not not) {
            collect(not.operand(), found);
        } else if (node instanceof RuleNode.Comparison comparison) {
            found.add(comparison.field());
        } else if (node instanceof RuleNode.Flag flag) {
            found.add(flag.field());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
