package org.labelbench.agreement;

/**
 * Which contested items to list: unresolved only (no adjudicated label yet; the default) or
 * all of them, and optionally only those where one class is among the labels given.
 */
public record DisagreementFilter(boolean includeResolved, String className) {
    public DisagreementFilter {
        className = className == null || className.isBlank() ? null : className.strip();
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
}
