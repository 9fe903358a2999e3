package org.labelbench.dataset.export;

import java.nio.file.Path;
import org.labelbench.dataset.VersionEntry;

/**
 * One entry as a format writes it.
 *
 * @param entry  the version's entry, annotators already pseudonymized when asked
 * @param path   the media path the format writes: relative to the export folder when media were
 *               copied or linked, else the project file's absolute path
 * @param source the project's media file
 * @param placed where the media file now lies in the export, or null when none was copied or linked
 */
record ExportedItem(VersionEntry entry, String path, Path source, Path placed) {
}
