package org.labelbench.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file found by a scan or named by a manifest row, not yet read.
 *
 * @param origin how to name it in a report: its path relative to the source, or "manifest row N"
 * @param labels the labels that come with it (folder name, manifest column, annotations), maybe none
 * @param split the split a dataset export put it in, or null
 * @param expectedSha256 the content hash a dataset export recorded, checked on reading, or null
 * @param expectedMedia {@code image} or {@code audio} as a dataset export recorded it, or null
 */
record ImportCandidate(String key, Path file, String origin, Map<String, String> attributes,
        List<CandidateLabel> labels, String split, String expectedSha256, String expectedMedia) {

    ImportCandidate {
        labels = List.copyOf(labels);
    }

    /** A candidate with at most one label, given by the import itself. */
    ImportCandidate(String key, Path file, String origin, Map<String, String> attributes, String label) {
        this(key, file, origin, attributes, label == null ? List.of() : List.of(CandidateLabel.byImport(label)),
                null, null, null);
    }
}
