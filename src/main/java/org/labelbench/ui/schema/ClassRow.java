package org.labelbench.ui.schema;

import org.labelbench.project.LabelClass;
import org.labelbench.ui.DisplayFormats;

/**
 * One row of the Schema table: a class and how it is used. {@code labels} and {@code used} are
 * null until the background count has answered.
 */
public record ClassRow(LabelClass labelClass, Long labels, Boolean used) {
    public static final String NO_HOTKEY = "—";

    public String name() {
        return labelClass.name();
    }

    public boolean retired() {
        return labelClass.retired();
    }

    public String hotkeyText() {
        return labelClass.hotkey() == null ? NO_HOTKEY : labelClass.hotkey();
    }

    public String stateText() {
        return labelClass.retired() ? "Retired" : "Offered";
    }

    public String labelsText() {
        return labels == null ? "…" : DisplayFormats.count(labels);
    }

    /** Only a class that nothing refers to may be removed; a used one is retired instead. */
    public boolean removable() {
        return Boolean.FALSE.equals(used);
    }

    /** Why Remove is not offered, in a line; empty when it is. */
    public String removeBlockedReason() {
        if (used == null) {
            return "Counting its labels…";
        }
        if (!used) {
            return "";
        }
        if (labels != null && labels > 0) {
            return "has labels; retire it instead";
        }
        return "has earlier labels or guideline examples; retire it instead";
    }
}
