package org.labelbench.agreement;

/**
 * Which contested items to list: unresolved only (no adjudicated label yet; the default) or
 * all of them, and optionally only those where one class is among the labels given, or two
 * classes both are (a cell of the Agreement view's confusion map).
 */
public record DisagreementFilter(boolean includeResolved, String className, String otherClassName) {
    public DisagreementFilter {
        className = className == null || className.isBlank() ? null : className.strip();
        otherClassName = otherClassName == null || otherClassName.isBlank() || className == null ? null
                : otherClassName.strip();
    }

    public DisagreementFilter(boolean includeResolved, String className) {
        this(includeResolved, className, null);
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
        return new DisagreementFilter(includeResolved, name);
    }

    /** Items where one annotator gave {@code first} and another {@code second}. */
    public DisagreementFilter withClasses(String first, String second) {
        return new DisagreementFilter(includeResolved, first, second);
    }
}
