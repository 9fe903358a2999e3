package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.labelbench.analysis.RuleNode.FieldRef;
import org.labelbench.analysis.RuleNode.Literal;
import org.labelbench.analysis.RuleToken.Kind;

/**
 * Parses a rule expression into a {@link RuleNode} tree, by recursive descent:
 * <pre>
 * rule       := or END
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | '(' or ')' | condition
 * condition  := field (OPERATOR literal | 'in' '[' literal (',' literal)* ']')?
 * field      := WORD | ('attr' | 'p') '.' (WORD | STRING)
 * literal    := STRING | NUMBER | 'true' | 'false'
 * </pre>
 * Keywords are case-insensitive; field names are not. Whether a field takes the operator and
 * literal it is given is for {@link RuleSqlWriter}, which knows the project's classes and runs.
 */
final class RuleParser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false");

    /** Deeper nesting of 'not' and parentheses is refused: no one writes it, and recursion must end. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private final List<RuleToken> tokens;
    private int index;
    private int depth;

    private RuleParser(String text) {
        this.text = text;
        this.tokens = RuleTokenizer.tokens(text);
    }

    static RuleNode parse(String text) {
        RuleParser parser = new RuleParser(text);
        RuleNode rule = parser.or();
        if (!parser.peek().is(Kind.END)) {
            throw parser.expected("'and', 'or' or the end");
        }
        return rule;
    }

    private RuleNode or() {
        List<RuleNode> operands = new ArrayList<>(List.of(and()));
        while (peek().isWord("or")) {
            index++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new RuleNode.Or(operands);
    }

    private RuleNode and() {
        List<RuleNode> operands = new ArrayList<>(List.of(unary()));
        while (peek().isWord("and")) {
            index++;
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new RuleNode.And(operands);
    }

    private RuleNode unary() {
        boolean not = peek().isWord("not");
        if (!not && !peek().is(Kind.OPEN_PAREN)) {
            return condition();
        }
        if (++depth > MAX_DEPTH) {
            throw RuleError.of(text, "'not' and '(' nested deeper than " + MAX_DEPTH + " at column "
                    + peek().column());
        }
        index++;
        RuleNode inner;
        if (not) {
            inner = new RuleNode.Not(unary());
        } else {
            inner = or();
            expect(Kind.CLOSE_PAREN, "')'");
        }
        depth--;
        return inner;
    }

    private RuleNode condition() {
        FieldRef field = field();
        RuleToken next = peek();
        if (next.is(Kind.OPERATOR)) {
            index++;
            return new RuleNode.Comparison(field, next, List.of(literal()));
        }
        if (next.isWord("in")) {
            index++;
            expect(Kind.OPEN_BRACKET, "'['");
            List<Literal> values = new ArrayList<>(List.of(literal()));
            while (peek().is(Kind.COMMA)) {
                index++;
                values.add(literal());
            }
            expect(Kind.CLOSE_BRACKET, "',' or ']'");
            return new RuleNode.Comparison(field, next, values);
        }
        return new RuleNode.Flag(field, next.column());
    }

    private FieldRef field() {
        RuleToken name = peek();
        if (!name.is(Kind.WORD) || KEYWORDS.contains(name.text().toLowerCase(java.util.Locale.ROOT))) {
            throw expected("a field");
        }
        RuleField field = RuleField.named(name.text()).orElseThrow(() -> RuleError.of(text, "unknown field '"
                + name.text() + "' at column " + name.column() + "; fields: " + RuleField.known()));
        index++;
        if (!field.takesArgument()) {
            return new FieldRef(field, null, name.text(), name.column());
        }
        String what = field == RuleField.ATTRIBUTE ? "an attribute name" : "a class name";
        expect(Kind.DOT, "'.' and " + what);
        RuleToken argument = peek();
        if (argument.is(Kind.WORD)) {
            index++;
            return new FieldRef(field, argument.text(), name.text() + "." + argument.text(), name.column());
        }
        if (argument.is(Kind.STRING)) {
            index++;
            return new FieldRef(field, (String) argument.value(), name.text() + "." + argument.text(), name.column());
        }
        throw expected(what);
    }

    private Literal literal() {
        RuleToken token = peek();
        if (token.is(Kind.STRING) || token.is(Kind.NUMBER)) {
            index++;
            return new Literal(token.value(), token);
        }
        if (token.isWord("true") || token.isWord("false")) {
            index++;
            return new Literal(token.isWord("true"), token);
        }
        throw expected("a value");
    }

    private void expect(Kind kind, String what) {
        if (!peek().is(kind)) {
            throw expected(what);
        }
        index++;
    }

    private RuleToken peek() {
        return tokens.get(index);
    }

    /** "expected WHAT after 'PREVIOUS' at column N[, found 'X']": where the parse stopped and why. */
    private RuntimeException expected(String what) {
        RuleToken found = peek();
        String after = index > 0 ? " after " + tokens.get(index - 1).quoted() : "";
        return RuleError.of(text, "expected " + what + after + " at column " + found.column()
                + (found.is(Kind.END) ? "" : ", found " + found.quoted()));
    }
}
