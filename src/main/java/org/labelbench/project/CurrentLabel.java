package org.labelbench.project;

/** An annotator's current (newest) class label on an item. */
public record CurrentLabel(long item, String annotator, String label, Integer guidelineVersion) {
}
