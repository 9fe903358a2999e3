package org.labelbench.labeling;

/**
 * An item shown with a guideline: its class and why ("a scratch, not a dent"). {@code version}
 * is null while the example waits for the next guideline version; {@code label} may be null
 * for an example of what to skip.
 */
public record GuidelineExample(long id, Integer version, long itemId, String itemKey, String media, String path,
        String label, String note) {
}
