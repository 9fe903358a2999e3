package org.labelbench.dataset.export;

import java.io.IOException;

/**
 * One export layout: where it puts each item's media and what files it writes about them. The
 * exporter calls {@link #mediaFolder} for every entry (first pass), then {@link #begin}, {@link #write}
 * for each entry the format keeps, in key order, and {@link #finish}.
 */
interface FormatWriter {
    /**
     * The folder (relative to the export, forward slashes, each segment made with {@link SafeNames})
     * where this entry's media go when copied or linked; null when the format leaves the entry out.
     */
    String mediaFolder(org.labelbench.dataset.VersionEntry entry);

    /**
     * Whether {@link #begin} needs the whole plan (classes, media kinds) before the first entry; a
     * format that does not is written in one pass over the version when media are not placed.
     */
    default boolean needsPlan() {
        return false;
    }

    /** Whether {@link #begin} needs the version's attribute names (columns). */
    default boolean needsAttributeNames() {
        return false;
    }

    /**
     * Starts the files. {@code attributeNames} is the union over the version (sorted); {@code plan}
     * is complete only if {@link #needsPlan} or media are placed, else it fills as entries are written.
     */
    void begin(ExportFolder out, ExportPlan plan, java.util.SortedSet<String> attributeNames, String versionName,
            String created) throws IOException;

    void write(ExportedItem item) throws IOException;

    /** Ends the files; {@code plan} now counts every entry. */
    void finish(ExportPlan plan) throws IOException;

    /** What the dataset card says about this layout: its files and how to read them. */
    String layout();
}
