package org.labelbench.ui.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.labelbench.project.LabelClass;

/**
 * One class button's state: the class (hotkey, name, colour) and whether it is chosen: the
 * item's current label when the labeler came back to it, or toggled on in a multi-label project.
 */
public final class ClassChoice {
    private final LabelClass labelClass;
    private final BooleanProperty chosen = new SimpleBooleanProperty();
    private final BooleanProperty suggested = new SimpleBooleanProperty();

    ClassChoice(LabelClass labelClass) {
        this.labelClass = labelClass;
    }

    public LabelClass labelClass() {
        return labelClass;
    }

    public String name() {
        return labelClass.name();
    }

    /** The key that picks it ("1", "q"), or empty when it has none. */
    public String hotkey() {
        return labelClass.hotkey() == null ? "" : labelClass.hotkey();
    }

    /** "#4e79a7", or null when the class has no colour. */
    public String color() {
        return labelClass.color();
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    public boolean isChosen() {
        return chosen.get();
    }

    /** True while the model suggests this class for the item on screen (a hint, not a choice). */
    public BooleanProperty suggestedProperty() {
        return suggested;
    }

    public boolean isSuggested() {
        return suggested.get();
    }

    @Override
    public String toString() {
        return hotkey() + " " + name();
    }
}
