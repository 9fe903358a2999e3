package org.labelbench.dataset;

import java.util.List;
import java.util.SortedMap;

/**
 * One item as a dataset version froze it: what the exporters write and what {@code version diff}
 * compares. A version's entries never change once written.
 *
 * @param key              the item's key
 * @param path             the media path as the project stores it: relative to the project's folder
 *                         (forward slashes), or absolute where no relative path reaches
 * @param sha256           the media content's SHA-256, lower-case hex
 * @param media            {@code image} or {@code audio}
 * @param width            pixels as stored at import (before EXIF orientation), null for audio
 * @param height           pixels as stored at import (before EXIF orientation), null for audio
 * @param label            the class the version gives the item, null when it has none (unlabeled, a tie)
 * @param labelRule        how that label was decided: {@code adjudicated}, {@code majority},
 *                         {@code tie-break}, {@code single}, {@code auto}, or null when unlabeled
 * @param split            the item's split when the version was made, null when it had none
 * @param tags             the item's tags, sorted
 * @param attributes       every attribute of the item, by name
 * @param importBatch      the import batch the item came from
 * @param annotators       who gave the deciding labels (names as stored; exporters may pseudonymize), sorted
 * @param guidelineVersion the newest guideline version among the deciding labels, null when none was recorded
 * @param modelRun         the prediction run an auto label came from, null for human labels
 */
public record VersionEntry(String key, String path, String sha256, String media, Integer width, Integer height,
        String label, String labelRule, String split, List<String> tags, SortedMap<String, String> attributes,
        long importBatch, List<String> annotators, Integer guidelineVersion, String modelRun) {

    public VersionEntry {
        tags = List.copyOf(tags);
        attributes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(attributes));
        annotators = List.copyOf(annotators);
    }
}
