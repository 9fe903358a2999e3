package org.labelbench.dataset.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.media.Sha256;

/** Versions made in tests: real media files in a project folder, entries built by hand. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** A version over hand-made entries; its manifest.json is formats.md's three members. */
    static final class ListVersion implements ExportedVersion {
        final List<VersionEntry> entries;
        final Path root;

        ListVersion(Path root, List<VersionEntry> entries) {
            this.root = root;
            this.entries = entries.stream().sorted(Comparator.comparing(VersionEntry::key)).toList();
        }

        @Override
        public String name() {
            return "v1";
        }

        @Override
        public String created() {
            return "2026-12-01T10:00:00Z";
        }

        @Override
        public String manifestSha256() {
            return Sha256.of(String.join("\n", entries.stream().map(VersionEntry::key).toList()));
        }

        @Override
        public long items() {
            return entries.size();
        }

        @Override
        public Path mediaRoot() {
            return root;
        }

        @Override
        public List<String> lineage() {
            return List.of("import batch 1 (images): " + entries.size() + " items");
        }

        @Override
        public void entries(Consumer<VersionEntry> consumer) {
            entries.forEach(consumer);
        }

        @Override
        public void writeManifest(Path file) throws IOException {
            Files.writeString(file, "{\n  \"version\" : \"v1\",\n  \"manifest_sha256\" : \"" + manifestSha256()
                    + "\",\n  \"items\" : " + entries.size() + "\n}\n", StandardCharsets.UTF_8);
        }
    }

    /** Builds entries whose media are real files under the project folder. */
    static final class Entries {
        final Path root;
        final List<VersionEntry> list = new ArrayList<>();

        Entries(Path root) {
            this.root = root;
        }

        Entries image(String key, String path, String label, String split, Map<String, String> attributes,
                List<String> annotators) throws IOException {
            Path file = root.resolve(path).normalize();
            Files.createDirectories(file.getParent());
            Files.write(file, png(key.hashCode()));
            list.add(new VersionEntry(key, path, Sha256.of(file), "image", 4, 3, label, label == null ? null
                    : "majority", split, List.of("t1"), new TreeMap<>(attributes), 1, annotators.stream().sorted().toList(),
                    label == null ? null : 2, null));
            return this;
        }

        Entries entry(VersionEntry entry) {
            list.add(entry);
            return this;
        }

        ListVersion version() {
            return new ListVersion(root, list);
        }
    }

    static SortedMap<String, String> attrs(String... nameValues) {
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }

    /** A 4x3 PNG whose colour depends on {@code seed}. */
    static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, seed & 0xffffff);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /**
     * A {@code width x height} JPEG with an EXIF APP1 segment right after SOI holding IFD0's
     * Orientation tag (little-endian TIFF, one entry), as a camera held on its side writes it.
     */
    static byte[] jpegWithOrientation(int width, int height, int orientation) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] tiff = {'I', 'I', 0x2a, 0, 8, 0, 0, 0, // header: little-endian, IFD0 at 8
            1, 0, // one entry
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, // 0x0112 SHORT x1
            0, 0, 0, 0}; // no next IFD
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
        out.write(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Every file under {@code root} by forward-slash relative path, with its bytes. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
