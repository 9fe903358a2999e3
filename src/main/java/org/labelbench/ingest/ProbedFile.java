package org.labelbench.ingest;

import org.labelbench.media.MediaInfo;

/** A candidate after reading: its content hash and what its headers say, or why it was rejected. */
record ProbedFile(ImportCandidate candidate, long bytes, String sha256, MediaInfo info, String problem) {

    static ProbedFile rejected(ImportCandidate candidate, String problem) {
        return new ProbedFile(candidate, 0, null, null, problem);
    }

    boolean isRejected() {
        return problem != null;
    }
}
