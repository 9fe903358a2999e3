package org.labelbench.dataset.export;

import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param out           the export folder
 * @param items         entries of the version
 * @param written       entries the format kept
 * @param leftOut       entries the format leaves out (imagefolder's unlabeled, COCO's audio)
 * @param mediaFiles    media files copied or linked into the export
 * @param linkFallbacks files copied because the file system refused a hard link
 * @param replaced      whether an earlier export in {@code out} was replaced (--force)
 */
public record ExportResult(Path out, long items, long written, long leftOut, long mediaFiles, long linkFallbacks,
        boolean replaced) {
}
