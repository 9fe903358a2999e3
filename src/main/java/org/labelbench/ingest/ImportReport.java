package org.labelbench.ingest;

import java.util.List;

/**
 * What an import did. Nothing in {@code skipped} or {@code duplicates} was added; with
 * {@code --strict} a non-empty {@code skipped} means the import was rolled back.
 */
public record ImportReport(long batchId, String source, long added, long alreadyPresent, List<Duplicate> duplicates,
        List<Skipped> skipped, long copied, long labelsAdded, List<String> classesCreated, long elapsedMillis) {

    public ImportReport {
        duplicates = List.copyOf(duplicates);
        skipped = List.copyOf(skipped);
        classesCreated = List.copyOf(classesCreated);
    }

    /** A file whose content is already in the project under another key. */
    public record Duplicate(String file, String key, String duplicateOf) {
    }

    /** A file that was not imported, and why, in one line. */
    public record Skipped(String file, String reason) {
    }
}
