package org.labelbench.project;

/** The provenance of one import: its source, when it ran, what came of it, and which app ran it. */
public record ImportBatch(long id, String source, String kind, String started, String finished, long added,
        long alreadyPresent, long duplicates, long skipped, long copied, String options, String appVersion) {
}
