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
 */
public record ImportRequest(ImportSource source, Path path, boolean copy, boolean strict, boolean labelsFromFolders,
        String keyPrefix, boolean keepDuplicates) {

    public ImportRequest {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    public static ImportRequest of(ImportSource source, Path path) {
        return new ImportRequest(source, path, false, false, false, "", false);
    }

    public ImportRequest withCopy(boolean value) {
        return new ImportRequest(source, path, value, strict, labelsFromFolders, keyPrefix, keepDuplicates);
    }

    public ImportRequest withStrict(boolean value) {
        return new ImportRequest(source, path, copy, value, labelsFromFolders, keyPrefix, keepDuplicates);
    }

    public ImportRequest withLabelsFromFolders(boolean value) {
        return new ImportRequest(source, path, copy, strict, value, keyPrefix, keepDuplicates);
    }

    public ImportRequest withKeyPrefix(String value) {
        return new ImportRequest(source, path, copy, strict, labelsFromFolders, value, keepDuplicates);
    }

    public ImportRequest withKeepDuplicates(boolean value) {
        return new ImportRequest(source, path, copy, strict, labelsFromFolders, keyPrefix, value);
    }
}
