package org.labelbench.ingest;

import java.nio.file.Path;

/**
 * One import as the user asked for it.
 *
 * @param copy copy media into the project's {@code media/} folder instead of referencing it
 * @param strict any skipped file fails the whole import, which then changes nothing
 * @param labelsFromFolders ImageFolder layout: each file's parent folder name is its label
 * @param keyPrefix prepended to every key, so two folders with the same file names can coexist
 * @param keepDuplicates import files whose content equals an existing item's (skipped by default)
 * @param mediaRoot where a Label Studio export's {@code /data/local-files/} and {@code /data/upload/}
 *                  paths (and its relative paths) are found, or null
 */
public record ImportRequest(ImportSource source, Path path, boolean copy, boolean strict, boolean labelsFromFolders,
        String keyPrefix, boolean keepDuplicates, Path mediaRoot) {

    public ImportRequest {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    public ImportRequest(ImportSource source, Path path, boolean copy, boolean strict, boolean labelsFromFolders,
            String keyPrefix, boolean keepDuplicates) {
        this(source, path, copy, strict, labelsFromFolders, keyPrefix, keepDuplicates, null);
    }

    public static ImportRequest of(ImportSource source, Path path) {
        return new ImportRequest(source, path, false, false, false, "", false, null);
    }

    public ImportRequest withCopy(boolean value) {
        return new ImportRequest(source, path, value, strict, labelsFromFolders, keyPrefix, keepDuplicates, mediaRoot);
    }

    public ImportRequest withStrict(boolean value) {
        return new ImportRequest(source, path, copy, value, labelsFromFolders, keyPrefix, keepDuplicates, mediaRoot);
    }

    public ImportRequest withLabelsFromFolders(boolean value) {
        return new ImportRequest(source, path, copy, strict, value, keyPrefix, keepDuplicates, mediaRoot);
    }

    public ImportRequest withKeyPrefix(String value) {
        return new ImportRequest(source, path, copy, strict, labelsFromFolders, value, keepDuplicates, mediaRoot);
    }

    public ImportRequest withKeepDuplicates(boolean value) {
        return new ImportRequest(source, path, copy, strict, labelsFromFolders, keyPrefix, value, mediaRoot);
    }

    public ImportRequest withMediaRoot(Path value) {
        return new ImportRequest(source, path, copy, strict, labelsFromFolders, keyPrefix, keepDuplicates, value);
    }
}
