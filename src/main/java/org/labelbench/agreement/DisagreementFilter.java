package org.labelbench.agreement;

import org.labelbench.project.Opinions;

/**
 * Which contested items to list: unresolved only (no adjudicated label yet; the default) or
 * all of them, and optionally only those where one class is among the labels given, or two
 * classes both are (a cell of the Agreement view's confusion map). {@code suggestions}: whether
 * current opinions that are accepted model suggestions count towards a contest (by default they
 * do not: the list is of human disagreements, like the agreement figures).
 */
public record DisagreementFilter(boolean includeResolved, String className, String otherClassName,
        Opinions.Suggestions suggestions) {
    public DisagreementFilter {
        className = className == null || className.isBlank() ? null : className.strip();
        otherClassName = otherClassName == null || otherClassName.isBlank() || className == null ? null
                : otherClassName.strip();
        suggestions = suggestions == null ? Opinions.Suggestions.LEFT_OUT : suggestions;
    }

    public DisagreementFilter(boolean includeResolved, String className, String otherClassName) {
        this(includeResolved, className, otherClassName, Opinions.Suggestions.LEFT_OUT);
    }

    public DisagreementFilter(boolean includeResolved, String className) {
        this(includeResolved, className, null);
    }

    /** The same filter, counting accepted suggestions or not. */
    public DisagreementFilter withSuggestions(Opinions.Suggestions counted) {
        return new DisagreementFilter(includeResolved, className, otherClassName, counted);
    }

    /** Contested items nobody has adjudicated yet, every class. */
    public static DisagreementFilter unresolved() {
        return new DisagreementFilter(false, null);
    }

    /** Every contested item, adjudicated or not. */
    public static DisagreementFilter all() {
        return new DisagreementFilter(true, null);
    }

    public DisagreementFilter withClass(String name) {
        return new DisagreementFilter(includeResolved, name, null, suggestions);
    }

    /** Items where one annotator gave {@code first} and another {@code second}. */
    public DisagreementFilter withClasses(String first, String second) {
        return new DisagreementFilter(includeResolved, first, second, suggestions);
    }
}
