package org.labelbench.dataset.export;

import org.labelbench.media.Sha256;

/**
 * Folder and file names made from a version's values (split, class, a media file's name): one
 * path segment each, never empty, {@code .} or {@code ..}, without separators or control
 * characters, so no value can reach outside the export folder.
 */
final class SafeNames {
    private SafeNames() {
    }

    /** {@code value} as one path segment; {@code fallback} where it is null or nothing is left of it. */
    static String segment(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        StringBuilder safe = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            safe.append(c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f ? '_' : c);
        }
        String text = safe.toString().strip();
        if (text.isEmpty() || text.chars().allMatch(c -> c == '.')) {
            return fallback;
        }
        return text;
    }

    /** The last segment of a stored media path (either separator), made safe; the key's hash where none is left. */
    static String fileName(String storedPath, String key) {
        String last = storedPath;
        int cut = Math.max(storedPath.lastIndexOf('/'), storedPath.lastIndexOf('\\'));
        if (cut >= 0) {
            last = storedPath.substring(cut + 1);
        }
        String name = segment(last, null);
        return name != null ? name : "item-" + keyHash(key);
    }

    /** {@code name} with {@code -<8 hex of the key's SHA-256>} before its extension: unique and stable per key. */
    static String withKeySuffix(String name, String key) {
        int dot = name.lastIndexOf('.');
        String suffix = "-" + keyHash(key);
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }

    static String keyHash(String key) {
        return Sha256.of(key).substring(0, 8);
    }
}
