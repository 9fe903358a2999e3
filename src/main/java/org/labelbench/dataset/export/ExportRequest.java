package org.labelbench.dataset.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One export as asked for.
 *
 * @param format     the layout
 * @param media      paths only, copies or hard links
 * @param out        the folder the export ends up in
 * @param force      whether an existing non-empty {@code out} is replaced (only once the new export succeeded)
 * @param pseudonyms replaces annotator names, or null to write them as stored
 */
public record ExportRequest(ExportFormat format, MediaMode media, Path out, boolean force, Pseudonyms pseudonyms) {
    public ExportRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(media, "media");
        out = out.toAbsolutePath().normalize();
    }
}
