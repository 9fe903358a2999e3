package org.labelbench.ui.preview;

/** One line of the preview's facts: a name and its value. */
public record Detail(String name, String value) {
}
