package org.labelbench.ingest;

import java.time.Instant;

/**
 * A label that comes with a candidate: from a folder name or manifest column (the {@code import}
 * annotator), from a Label Studio annotation (its {@code completed_by}), or from a dataset export.
 *
 * @param annotator the annotator's name, created with {@code role} if the project lacks it
 * @param submitted when it was given, or null for the time of the import
 * @param durationMs how long the annotator took, or null when not known
 */
record CandidateLabel(String annotator, String role, String className, Instant submitted, Long durationMs) {

    /** A label given by the import itself (folder names, manifest columns). */
    static CandidateLabel byImport(String className) {
        return new CandidateLabel(org.labelbench.project.AnnotatorRepository.IMPORT_ANNOTATOR, "import", className,
                null, null);
    }
}
