package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbench.testing.TestMedia;

/**
 * The corpus of bad input, each through the command line as a user would give it, on a project
 * that already holds items and labels. Each is refused with exit 2 and one error line naming the
 * file and the reason (a --strict import lists every skipped file above it), with no stack trace, and the project is unchanged (the same
 * {@code info --json}, the same {@code labels export}); media a plain import meets are skipped
 * with their reason listed instead. Valid but unusual files (24-bit, float, stereo, 96 kHz WAVs,
 * 16-bit PNGs) are in it too, and import.
 */
class BadInputCorpusTest {
    @TempDir
    static Path dir;
    private static String project;

    /** One bad input: the arguments after the project (built from the corpus), and words its reason must have. */
    record Case(String name, List<String> args, String file, String reason, boolean skippedWithoutStrict) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void aProjectWithItemsAndLabels() throws IOException {
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "p", "--classes", "cat,dog");
        Path good = Files.createDirectories(dir.resolve("good"));
        for (int i = 0; i < 3; i++) {
            TestMedia.png(good.resolve("g" + i + ".png"), 8, 6, i);
        }
        ok("import", project, "--images", good.toString());
        Path labels = Files.writeString(dir.resolve("labels.csv"),
                "item,annotator,label\ng0.png,ana,cat\ng1.png,ana,dog\ng2.png,ben,cat\n");
        ok("labels", "import", project, "--file", labels.toString());
    }

    static Stream<Case> corpus() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path sources = Files.createDirectories(dir.resolve("sources"));
        List<Case> cases = new ArrayList<>();
        for (String format : List.of("png", "jpg", "gif", "bmp")) {
            Path whole = TestMedia.image(sources.resolve("whole." + format), format, 40, 30, 7);
            cases.add(media("truncated " + format, corpus, "cut." + format, half(Files.readAllBytes(whole)),
                    "truncated"));
        }
        cases.add(media("truncated webp", corpus, "cut.webp", java.util.Arrays.copyOf(WEBP, 20), "WebP"));
        cases.add(media("PNG claiming 100000x100000", corpus, "bomb.png", pngClaiming(100_000, 100_000),
                "100000x100000 pixels, over the limit"));
        cases.add(media("JPEG claiming 65535x65535", corpus, "bomb.jpg", jpegClaiming(sources),
                "65535x65535 pixels, over the limit"));
        cases.add(media("zero-byte PNG", corpus, "empty.png", new byte[0], "empty file"));
        cases.add(media("text named .jpg", corpus, "notes.jpg", "hello".getBytes(StandardCharsets.UTF_8),
                "unrecognised content"));
        cases.add(audio("WAV whose data chunk claims more than the file", corpus, "long.wav",
                wavDeclaring(8000, 1, 16, 1_000_000, 400), "WAV"));
        cases.add(audio("zero-byte WAV", corpus, "empty.wav", new byte[0], "empty file"));
        cases.add(audio("WAV of its header only", corpus, "header.wav", java.util.Arrays.copyOf(
                wavDeclaring(8000, 1, 16, 400, 400), 20), "WAV"));

        Path media = Files.createDirectories(dir.resolve("manifest-media"));
        TestMedia.png(media.resolve("m.png"), 8, 6, 40);
        Files.writeString(dir.resolve("outside.png"), "x");
        if (!Files.exists(media.resolve("link.png"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(media.resolve("link.png"), dir.resolve("outside.png"));
        }
        cases.add(manifest("CSV with an unclosed quote", media, "unclosed.csv",
                "key,path\nk1,\"m.png\n".getBytes(StandardCharsets.UTF_8), "a quoted cell is never closed", false));
        cases.add(manifest("CSV not in UTF-8", media, "latin1.csv",
                "key,path\nk1,caf\u00e9.png\n".getBytes(StandardCharsets.ISO_8859_1), "not UTF-8", false));
        cases.add(manifest("JSONL with a broken line", media, "broken.jsonl",
                "{\"key\":\"k1\",\"path\":\"m.png\"}\n{\"key\":\"k2\",\"pa\n".getBytes(StandardCharsets.UTF_8),
                "not valid JSON", true));
        cases.add(manifest("manifest with a ../ path", media, "up.csv",
                "key,path\nk1,m.png\nk2,../outside.png\n".getBytes(StandardCharsets.UTF_8), "escapes", true));
        cases.add(manifest("manifest with an absolute path", media, "absolute.csv",
                ("key,path\nk1,m.png\nk2," + dir.resolve("outside.png") + "\n").getBytes(StandardCharsets.UTF_8),
                "escapes", true));
        cases.add(manifest("manifest with a symbolic link out of its folder", media, "link.csv",
                "key,path\nk1,m.png\nk2,link.png\n".getBytes(StandardCharsets.UTF_8), "escapes", true));
        cases.add(manifest("manifest with a NUL in a path", media, "nul.csv",
                "key,path\nk1,m.png\nk2,a\u0000.png\n".getBytes(StandardCharsets.UTF_8), "not a valid path", true));

        cases.add(labels("labels of an unknown class", "bird.csv", "item,annotator,label\ng0.png,cy,bird\n", "bird"));
        cases.add(labels("labels of an unknown item", "ghost.csv", "item,annotator,label\nghost.png,cy,cat\n",
                "ghost.png"));
        cases.add(labels("labels with a broken quote", "quote.csv", "item,annotator,label\ng0.png,cy,\"cat\n",
                "a quoted cell is never closed"));
        Path corruptModel = Files.write(dir.resolve("corrupt.pt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        Path modelLabels = Files.writeString(dir.resolve("model-labels.txt"), "cat\ndog\n");
        cases.add(new Case("a corrupt model file", List.of("assist", "load", "@", "--torchscript",
                corruptModel.toString(), "--labels", modelLabels.toString(), "--model", "bad", "--input-size", "8x6",
                "--channels", "1"), "corrupt.pt", "not a TorchScript model", false));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedInOneLineNamingTheFileAndChangesNothing(Case bad) throws IOException {
        String before = snapshot();
        CliRunner.Result refused = CliRunner.run(bad.args().stream().map(a -> a.equals("@") ? project : a)
                .toArray(String[]::new));

        assertThat(refused.exitCode()).as(bad.name() + ": " + refused.err()).isEqualTo(2);
        // The refusal is one line; a --strict import lists each skipped file above it, one line each.
        assertThat(refused.err()).as(bad.name()).doesNotContain("Exception", "\tat ");
        List<String> errors = refused.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).as(bad.name() + ": " + refused.err()).hasSize(1);
        assertThat(errors.get(0)).as(bad.name()).contains(bad.file()).contains(bad.reason());
        assertThat(snapshot()).as(bad.name() + " leaves the project as it was").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void withoutStrictTheFileIsSkippedWithItsReasonListed(Case bad) throws IOException {
        if (!bad.skippedWithoutStrict()) {
            return; // refused whole either way: the case above holds it
        }
        Path copy = Files.copy(Path.of(project), dir.resolve("lenient-" + Math.abs(bad.name().hashCode()) + ".lbproj"));
        List<String> args = new ArrayList<>(bad.args());
        args.remove("--strict");
        args.add("--json");
        CliRunner.Result lenient = CliRunner.run(args.stream().map(a -> a.equals("@") ? copy.toString() : a)
                .toArray(String[]::new));

        assertThat(lenient.exitCode()).as(bad.name() + ": " + lenient.err()).isZero();
        assertThat(lenient.out()).as(bad.name()).contains("\"skipped\"").contains(bad.reason());
    }

    @Test
    void unusualButValidFilesImport() throws IOException {
        Path valid = Files.createDirectories(dir.resolve("valid-audio"));
        Files.write(valid.resolve("pcm24.wav"), wavDeclaring(8000, 1, 24, 300, 300));
        Files.write(valid.resolve("stereo.wav"), wavDeclaring(8000, 2, 16, 400, 400));
        Files.write(valid.resolve("hires.wav"), wavDeclaring(96_000, 1, 16, 960, 960));
        Files.write(valid.resolve("float.wav"), wavDeclaring(8000, 1, 32, 400, 400, 3));
        Path copy = Files.copy(Path.of(project), dir.resolve("valid.lbproj"));
        CliRunner.Result imported = CliRunner.run("import", copy.toString(), "--audio", valid.toString(), "--strict",
                "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("\"added\" : 4");

        Path deep = Files.createDirectories(dir.resolve("valid-images"));
        java.awt.image.BufferedImage grey16 = new java.awt.image.BufferedImage(9, 7,
                java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        javax.imageio.ImageIO.write(grey16, "png", deep.resolve("grey16.png").toFile());
        CliRunner.Result images = CliRunner.run("import", copy.toString(), "--images", deep.toString(), "--strict",
                "--json");
        assertThat(images.exitCode()).as(images.err()).isZero();
        assertThat(images.out()).contains("\"added\" : 1");
    }

    private static Case media(String name, Path corpus, String file, byte[] content, String reason) throws IOException {
        Path folder = Files.createDirectories(corpus.resolve("images-" + file.replace('.', '-')));
        TestMedia.png(folder.resolve("fine-" + file.replace('.', '-') + ".png"), 5, 4, file.hashCode());
        Files.write(folder.resolve(file), content);
        return new Case(name, List.of("import", "@", "--images", folder.toString(), "--strict"), file, reason, true);
    }

    private static Case audio(String name, Path corpus, String file, byte[] content, String reason) throws IOException {
        Path folder = Files.createDirectories(corpus.resolve("audio-" + file.replace('.', '-')));
        TestMedia.wav(folder.resolve("fine-" + file.replace('.', '-') + ".wav"), 8000, 0.05, 440);
        Files.write(folder.resolve(file), content);
        return new Case(name, List.of("import", "@", "--audio", folder.toString(), "--strict"), file, reason, true);
    }

    private static Case manifest(String name, Path media, String file, byte[] content, String reason,
            boolean rowSkipped) throws IOException {
        Path manifest = Files.write(media.resolve(file), content);
        return new Case(name, List.of("import", "@", "--manifest", manifest.toString(), "--strict"),
                file, reason, rowSkipped);
    }

    private static Case labels(String name, String file, String text, String reason) throws IOException {
        Path labels = Files.writeString(dir.resolve(file), text);
        return new Case(name, List.of("labels", "import", "@", "--file", labels.toString()), file, reason, false);
    }

    /** What a user can see of the project: its facts and every label. */
    private static String snapshot() throws IOException {
        CliRunner.Result info = CliRunner.run("info", project, "--json");
        Path export = dir.resolve("snapshot.csv");
        Files.deleteIfExists(export);
        CliRunner.Result labels = CliRunner.run("labels", "export", project, "--file", export.toString());
        assertThat(info.exitCode()).isZero();
        assertThat(labels.exitCode()).isZero();
        return info.out() + Files.readString(export);
    }

    private static void ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
    }

    private static byte[] half(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static byte[] pngClaiming(int width, int height) throws IOException {
        byte[] png = Files.readAllBytes(TestMedia.png(dir.resolve("sources/small.png"), 6, 5, 1));
        ByteBuffer.wrap(png).putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        return png;
    }

    private static byte[] jpegClaiming(Path sources) throws IOException {
        byte[] jpeg = Files.readAllBytes(TestMedia.image(sources.resolve("small.jpg"), "jpg", 16, 12, 2));
        int sof = 2;
        while (!((jpeg[sof] & 0xff) == 0xff && (jpeg[sof + 1] & 0xff) == 0xc0)) {
            sof++;
        }
        ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 0xffff).putShort(sof + 7, (short) 0xffff);
        return jpeg;
    }

    private static byte[] wavDeclaring(int rate, int channels, int bits, int declaredDataBytes, int actualDataBytes) {
        return wavDeclaring(rate, channels, bits, declaredDataBytes, actualDataBytes, 1);
    }

    /** A canonical WAV whose data chunk says {@code declared} bytes and holds {@code actual} (silence). */
    private static byte[] wavDeclaring(int rate, int channels, int bits, int declared, int actual, int formatTag) {
        int blockAlign = channels * bits / 8;
        ByteBuffer wav = ByteBuffer.allocate(44 + actual).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + declared)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(declared);
        return wav.array();
    }

    private static final byte[] WEBP = java.util.Base64.getDecoder().decode(
            "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
}
