package org.labelbench.labeling;

/**
 * One annotator's work in a queue. Labels per hour count time on items (from showing an item
 * to its label), so breaks do not lower it; null until there is a timed label.
 */
public record AnnotatorProgress(String annotator, long done, long skipped, Double labelsPerHour,
        Double medianSecondsPerItem) {
}
