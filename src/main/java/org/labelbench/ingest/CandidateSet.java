package org.labelbench.ingest;

import java.util.List;

/** What a reader of an export or manifest found: the candidates to import, and the rows it skipped with why. */
record CandidateSet(List<ImportCandidate> candidates, List<ImportReport.Skipped> skipped) {
}
