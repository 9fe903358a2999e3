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

    void begin(ExportFolder out, ExportPlan summary, String versionName, String created) throws IOException;

    void write(ExportedItem item) throws IOException;

    void finish() throws IOException;

    /** What the dataset card says about this layout: its files and how to read them. */
    String layout();
}
