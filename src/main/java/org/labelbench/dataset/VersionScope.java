package org.labelbench.dataset;

import org.labelbench.project.BadValueException;

/** Which items a version holds: {@code all}, those of one split ({@code split:S}) or of one tag ({@code tag:T}). */
public record VersionScope(String split, String tag) {
    public static final VersionScope ALL = new VersionScope(null, null);

    /** {@code all} (or null), {@code split:S} or {@code tag:T}. */
    public static VersionScope parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("all")) {
            return ALL;
        }
        String rule = text.strip();
        if (rule.startsWith("split:") && rule.length() > "split:".length()) {
            return new VersionScope(rule.substring("split:".length()), null);
        }
        if (rule.startsWith("tag:") && rule.length() > "tag:".length()) {
            return new VersionScope(null, rule.substring("tag:".length()));
        }
        throw new BadValueException("items", "", " takes all, split:S or tag:T, not '" + text + "'");
    }

    /** As it is stored and shown: {@code all}, {@code split:S}, {@code tag:T}. */
    public String describe() {
        return split != null ? "split:" + split : tag != null ? "tag:" + tag : "all";
    }
}
