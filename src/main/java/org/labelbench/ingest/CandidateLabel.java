package org.labelbench.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A label that comes with a candidate: from a folder name or manifest column (the {@code import}
 * annotator), from a Label Studio annotation (its {@code completed_by}), or from a dataset export.
 *
 * @param annotator the annotator's name, created with {@code role} if the project lacks it
 * @param classNames the classes given: one, or several for a multi-label answer
 * @param submitted when it was given, or null for the time of the import
 * @param durationMs how long the annotator took, or null when not known
 * @param source how a report names it ("annotation 403"), or null when it is the candidate's only label
 */
record CandidateLabel(String annotator, String role, List<String> classNames, Instant submitted, Long durationMs,
        String source) {

    CandidateLabel {
        classNames = List.copyOf(classNames);
    }

    /** A label given by the import itself (folder names, manifest columns). */
    static CandidateLabel byImport(String className) {
        return new CandidateLabel(org.labelbench.project.AnnotatorRepository.IMPORT_ANNOTATOR, "import",
                List.of(className), null, null, null);
    }
}
