package org.labelbench.ui.items;

import org.labelbench.project.ItemQuery;

/**
 * One entry of a filter's drop-down: what it says, and the value it puts in the {@link ItemQuery}
 * (null: no constraint). {@link #toString()} is the label, so combo boxes need no converter.
 */
public record FilterChoice(String label, String value) {
    public static final FilterChoice ALL_MEDIA = new FilterChoice("All media", null);
    public static final FilterChoice IMAGES = new FilterChoice("Images", "image");
    public static final FilterChoice AUDIO = new FilterChoice("Audio", "audio");
    public static final FilterChoice ANY_LABEL = new FilterChoice("Any label", null);
    public static final FilterChoice UNLABELED = new FilterChoice("Unlabeled", ItemQuery.UNLABELED);
    public static final FilterChoice NO_ATTRIBUTE = new FilterChoice("Any attributes", null);
    public static final FilterChoice ANY_VALUE = new FilterChoice("Any value", null);
    public static final FilterChoice ANY_SPLIT = new FilterChoice("Any split", null);
    public static final FilterChoice NO_SPLIT = new FilterChoice("No split", ItemQuery.UNSPLIT);

    /** "split = dev": a split's entry of the split filter. */
    public static FilterChoice split(String name) {
        return new FilterChoice("split = " + name, name);
    }

    /** A choice whose label is its value: a class name, an attribute name or value. */
    public static FilterChoice of(String value) {
        return new FilterChoice(value, value);
    }

    @Override
    public String toString() {
        return label;
    }
}
