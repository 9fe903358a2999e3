package org.labelbench.dataset;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.labelbench.media.Sha256;

/**
 * A version's manifest: the canonical text of its entries and that text's SHA-256, the hash that
 * names a version's data wherever it goes (a re-import of an export into a new project computes
 * the same one); and the {@code manifest.json} every export writes.
 *
 * <p>The canonical text is one line per entry, in {@link #KEY_ORDER}, each a JSON object ending in
 * {@code \n} with exactly these members in this order: {@code key, sha256, media, label, split,
 * attributes} ({@code label} and {@code split} JSON null when absent; {@code attributes} an object,
 * names in {@link #KEY_ORDER}, values strings). No spaces; strings escape {@code "} and {@code \}
 * with a backslash, {@code \n \r \t} as such, other characters below U+0020 as {@code \}{@code u00xx}
 * (lower-case hex), and nothing else. The hash is the lower-case hex SHA-256 of the text's UTF-8
 * bytes. Paths, tags, annotators, import batches and rules are left out on purpose: they are where
 * an item lives and who worked on it, not what the data is.
 */
public final class VersionManifest {
    /**
     * The order of keys (and attribute names): by Unicode code point, which is the byte order of
     * UTF-8 and so SQLite's order too ({@code String.compareTo} differs above U+FFFF).
     */
    public static final Comparator<String> KEY_ORDER = VersionManifest::compareCodePoints;

    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private VersionManifest() {
    }

    /** The manifest hash of entries given in {@link #KEY_ORDER} (refused if they are not, or a key repeats). */
    public static String sha256(Stream<VersionEntry> sortedEntries) {
        Hasher hasher = new Hasher();
        Iterator<VersionEntry> entries = sortedEntries.iterator();
        while (entries.hasNext()) {
            hasher.add(entries.next());
        }
        return hasher.sha256();
    }

    /** The canonical line of one entry, with its {@code \n}. */
    public static String line(VersionEntry entry) {
        StringBuilder line = new StringBuilder(160);
        line.append("{\"key\":");
        string(line, entry.key());
        line.append(",\"sha256\":");
        string(line, entry.sha256());
        line.append(",\"media\":");
        string(line, entry.media());
        line.append(",\"label\":");
        string(line, entry.label());
        line.append(",\"split\":");
        string(line, entry.split());
        line.append(",\"attributes\":{");
        List<String> names = new ArrayList<>(entry.attributes().keySet());
        names.sort(KEY_ORDER);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            string(line, names.get(i));
            line.append(':');
            string(line, entry.attributes().get(names.get(i)));
        }
        return line.append("}}\n").toString();
    }

    /** Hashes entries one at a time, as a version is read or written (never all of them held). */
    public static final class Hasher {
        private final MessageDigest digest = Sha256.digest();
        private String lastKey;
        private long count;

        public void add(VersionEntry entry) {
            if (lastKey != null && KEY_ORDER.compare(lastKey, entry.key()) >= 0) {
                throw new IllegalArgumentException("entries must come in key order without repeats: '"
                        + entry.key() + "' after '" + lastKey + "'");
            }
            lastKey = entry.key();
            count++;
            digest.update(line(entry).getBytes(StandardCharsets.UTF_8));
        }

        public long count() {
            return count;
        }

        /** The hash of the entries added so far (call once). */
        public String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /**
     * Writes {@code manifest.json} into {@code folder}: version, manifest_sha256, items, parent,
     * created, created_by, note, items_rule, truth_rule, labels_fingerprint, unlabeled, classes
     * (items per label) and splits (items, and items per label). Two-space indent, {@code \n}
     * line ends, members always in this order: the same version writes the same bytes.
     */
    public static Path writeJson(Path folder, VersionSummary summary) throws IOException {
        Path file = folder.resolve("manifest.json");
        Files.writeString(file, json(summary) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The text {@link #writeJson} writes, without its final line end. */
    public static String json(VersionSummary summary) throws IOException {
        DatasetVersion v = summary.version();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", v.name());
        json.put("manifest_sha256", v.manifestSha256());
        json.put("items", v.items());
        json.put("parent", v.parent());
        json.put("created", v.created());
        json.put("created_by", v.createdBy());
        json.put("note", v.note());
        json.put("items_rule", v.itemsRule());
        json.put("truth_rule", v.truthRule());
        json.put("labels_fingerprint", v.labelsFingerprint());
        json.put("unlabeled", summary.unlabeled());
        json.put("classes", summary.classCounts());
        Map<String, Object> splits = new LinkedHashMap<>();
        Map<String, Map<String, Long>> bySplit = summary.classCountsBySplit();
        summary.splitCounts().forEach((split, items) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("items", items);
            one.put("classes", bySplit.get(split));
            splits.put(split, one);
        });
        json.put("splits", splits);
        return JSON.writeValueAsString(json);
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
