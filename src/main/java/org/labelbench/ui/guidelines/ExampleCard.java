package org.labelbench.ui.guidelines;

import org.labelbench.labeling.GuidelineExample;
import org.labelbench.project.Item;

/**
 * An example as the view shows it: the item (null when it could not be read), its class with
 * the class's colour, and the note. {@code pending}: collected for the next version, not yet
 * part of a published one.
 */
public record ExampleCard(GuidelineExample example, Item item, String color, boolean classRetired) {
    /** What the card says for an example without a class. */
    public static final String NO_CLASS = "no class: skip it";

    public long id() {
        return example.id();
    }

    public String key() {
        return example.itemKey();
    }

    public String note() {
        return example.note();
    }

    public boolean pending() {
        return example.version() == null;
    }

    public boolean isAudio() {
        return "audio".equals(example.media());
    }

    public String labelText() {
        if (example.label() == null) {
            return NO_CLASS;
        }
        return classRetired ? example.label() + " (retired)" : example.label();
    }
}
