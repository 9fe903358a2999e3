package org.labelbench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.labelbench.project.BadInputException;

/**
 * Fuzzes the CSV and JSONL manifest reader with what users' spreadsheets and scripts produce:
 * quotes, quoted line breaks, BOMs, bytes that are not UTF-8, NUL characters, paths with "..",
 * absolute paths, repeated keys. Each file is read into candidates and skipped rows whose reasons
 * are one line, with every candidate's file inside the manifest's folder; or refused whole with
 * one line. Never another exception.
 */
class ManifestFuzzTest {
    private static final List<String> CELLS = List.of("a.png", "b.png", "sub/c.png", "../outside.png",
            "/etc/passwd", "sub/../a.png", "missing.png", "", " ", "\"", "\"\"", "a,b", "\"a\nb\"", "\"x\"\"y\"",
            "\u0000", "a\u0000.png", "cat", "dog", "=cmd", "\t", "\r", "\ufeff", "é", "%00", "\\", ".", "..",
            "a.png\n", "k1", "k2", "k1");
    private static final List<String> CSV_HEADERS = List.of("key,path,label", "path,key", "key,path,label,attr",
            "\ufeffkey,path", "key,key,path", "key", "", "key,path,label\r");
    private static Path folder;

    @BeforeContainer
    static void makeFolder() throws IOException {
        folder = Files.createTempDirectory("manifest-fuzz");
        Path inside = Files.createDirectories(folder.resolve("project"));
        Files.write(inside.resolve("a.png"), new byte[] {1});
        Files.write(inside.resolve("b.png"), new byte[] {2});
        Files.createDirectories(inside.resolve("sub"));
        Files.write(inside.resolve("sub/c.png"), new byte[] {3});
        Files.write(folder.resolve("outside.png"), new byte[] {4});
        Files.createSymbolicLink(inside.resolve("link.png"), folder.resolve("outside.png"));
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Property(seed = "20261209")
    void aCsvIsReadOrRefusedInOneLine(@ForAll("csvFiles") byte[] content) throws IOException {
        check("manifest.csv", content);
    }

    @Property(seed = "20261210")
    void aJsonLinesFileIsReadOrRefusedInOneLine(@ForAll("jsonLines") byte[] content) throws IOException {
        check("manifest.jsonl", content);
    }

    private static void check(String name, byte[] content) throws IOException {
        Path manifest = Files.write(folder.resolve("project").resolve(name), content);
        Path root = folder.resolve("project").toRealPath();
        try {
            ManifestReader.Manifest read = new ManifestReader().read(manifest, "");
            for (ImportReport.Skipped skipped : read.skipped()) {
                assertThat(skipped.file() + ": " + skipped.reason()).doesNotContain("\n", "\r", "Exception");
            }
            for (ImportCandidate candidate : read.candidates()) {
                assertThat(candidate.file().toRealPath()).startsWith(root);
            }
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).doesNotContain("\n", "\r", "Exception").contains(name);
        }
    }

    @Provide
    Arbitrary<byte[]> csvFiles() {
        Arbitrary<String> row = Arbitraries.of(CELLS).list().ofMinSize(1).ofMaxSize(5).map(cells -> String.join(",", cells));
        Arbitrary<String> text = Combinators.combine(Arbitraries.of(CSV_HEADERS), row.list().ofMaxSize(8),
                Arbitraries.of("\n", "\r\n")).as((header, rows, end) -> header + end + String.join(end, rows));
        return withBadBytes(text);
    }

    @Provide
    Arbitrary<byte[]> jsonLines() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(CELLS).map(ManifestFuzzTest::jsonString),
                Arbitraries.of("1", "null", "true", "[]", "{}", "[\"a.png\"]", "1e999", "-0"));
        Arbitrary<String> field = Combinators.combine(Arbitraries.of("key", "path", "label", "site", "", "key"), value)
                .as((name, v) -> jsonString(name) + ":" + v);
        Arbitrary<String> line = Arbitraries.oneOf(
                field.list().ofMaxSize(4).map(fields -> "{" + String.join(",", fields) + "}"),
                Arbitraries.of("{", "}", "[", "\"text\"", "", " ", "{\"key\":", "null", "{\"key\":\"k\",\"path\":\"a.png\"}"));
        return withBadBytes(line.list().ofMaxSize(8).map(lines -> String.join("\n", lines)));
    }

    /** The text as UTF-8, sometimes with a byte that is not UTF-8 or a BOM put in. */
    private static Arbitrary<byte[]> withBadBytes(Arbitrary<String> text) {
        return Combinators.combine(text, Arbitraries.of(0, 1, 2, 3)).as((t, kind) -> {
            byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
            return switch (kind) {
                case 1 -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8);
                case 2 -> concat(utf8, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
                case 3 -> "key,path\nk,caf\u00e9.png".getBytes(StandardCharsets.ISO_8859_1);
                default -> utf8;
            };
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String jsonString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
