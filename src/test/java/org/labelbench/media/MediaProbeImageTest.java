package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes of well-formed images, read from headers only. */
class MediaProbeImageTest {
    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"png, png, 37, 23", "jpg, jpeg, 123, 45", "gif, gif, 50, 20", "bmp, bmp, 31, 17",
            "bmp, bmp, 32, 1"})
    void readsTheSizeOfImagesWrittenByImageIo(String extension, String format, int width, int height)
            throws Exception {
        Path file = write("image." + extension, TestImages.encode(extension, width, height));

        MediaInfo info = probe.probe(file);

        assertThat(info).isEqualTo(MediaInfo.image(format, width, height));
        assertThat(info.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(info.durationMs()).isNull();
    }

    @Test
    void probesContentInMemoryAsItProbesTheFile() throws Exception {
        byte[] png = TestImages.encode("png", 64, 48);

        assertThat(probe.probe("a.png", ByteSource.of(png))).isEqualTo(probe.probe(write("a.png", png)));
    }

    @Test
    void findsTheJpegFrameHeaderAfterLargeMetadataSegments() throws Exception {
        byte[] jpeg = TestImages.encode("jpg", 200, 100);
        byte[] app1 = new byte[2 + 2 + 60_000]; // an EXIF-sized APP1 segment, then a COM segment
        app1[0] = (byte) 0xff;
        app1[1] = (byte) 0xe1;
        app1[2] = (byte) (60_002 >> 8);
        app1[3] = (byte) 60_002;
        byte[] comment = {(byte) 0xff, (byte) 0xff, (byte) 0xfe, 0, 5, 'h', 'i', '!'}; // with a fill byte
        byte[] withMetadata = concat(Arrays.copyOf(jpeg, 2), app1, comment, Arrays.copyOfRange(jpeg, 2, jpeg.length));

        assertThat(probe.probe(write("exif.jpg", withMetadata))).isEqualTo(MediaInfo.image("jpeg", 200, 100));
    }

    @Test
    void readsProgressiveJpegFrames() throws Exception {
        byte[] jpeg = TestImages.encode("jpg", 80, 60);
        int sof0 = indexOf(jpeg, (byte) 0xff, (byte) 0xc0);
        jpeg[sof0 + 1] = (byte) 0xc2; // SOF2: same frame header layout, progressive coding

        assertThat(probe.probe("p.jpg", ByteSource.of(jpeg))).isEqualTo(MediaInfo.image("jpeg", 80, 60));
    }

    @Test
    void acceptsPaddingAfterTheJpegEndMarker() throws Exception {
        byte[] jpeg = TestImages.encode("jpg", 10, 10);
        byte[] padded = Arrays.copyOf(jpeg, jpeg.length + 300); // zeros after EOI

        assertThat(probe.probe("padded.jpg", ByteSource.of(padded))).isEqualTo(MediaInfo.image("jpeg", 10, 10));
    }

    @Test
    void reportsTopDownBitmapsWithTheirPositiveHeight() throws Exception {
        byte[] bmp = TestImages.encode("bmp", 9, 7);
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -7);

        assertThat(probe.probe(write("top-down.bmp", bmp))).isEqualTo(MediaInfo.image("bmp", 9, 7));
    }

    @Test
    void readsOs2BitmapsWithTheTwelveByteCoreHeader() throws Exception {
        int width = 3;
        int height = 2;
        int stride = 12; // 3 pixels * 3 bytes, padded to 4
        ByteBuffer bmp = ByteBuffer.allocate(14 + 12 + stride * height).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(bmp.capacity()).putInt(0).putInt(26);
        bmp.putInt(12).putShort((short) width).putShort((short) height).putShort((short) 1).putShort((short) 24);

        assertThat(probe.probe(write("core.bmp", bmp.array()))).isEqualTo(MediaInfo.image("bmp", 3, 2));
    }

    @Test
    void readsTheThreeKindsOfWebP() throws Exception {
        MediaInfo onePixel = MediaInfo.image("webp", 1, 1);

        assertThat(probe.probe(write("lossless.webp", TestImages.WEBP_LOSSLESS))).isEqualTo(onePixel);
        assertThat(probe.probe(write("lossy.webp", TestImages.WEBP_LOSSY))).isEqualTo(onePixel);
        assertThat(probe.probe(write("alpha.webp", TestImages.WEBP_EXTENDED))).isEqualTo(onePixel);
    }

    @Test
    void unpacksWebPSizesFromTheirBitFields() throws Exception {
        byte[] lossless = TestImages.WEBP_LOSSLESS.clone();
        int packed = (300 - 1) | (200 - 1) << 14; // 14 bits each, after the 0x2F signature
        ByteBuffer.wrap(lossless).order(ByteOrder.LITTLE_ENDIAN).putInt(21, packed);
        byte[] lossy = TestImages.WEBP_LOSSY.clone();
        ByteBuffer.wrap(lossy).order(ByteOrder.LITTLE_ENDIAN).putShort(26, (short) (16383 | 1 << 14))
                .putShort(28, (short) (6000 | 2 << 14)); // the top two bits of each are a scaling hint, not size
        byte[] extended = TestImages.WEBP_EXTENDED.clone();
        writeU24(extended, 24, 16_000 - 1);
        writeU24(extended, 27, 6_000 - 1); // under the 100-megapixel limit

        assertThat(probe.probe("a.webp", ByteSource.of(lossless))).isEqualTo(MediaInfo.image("webp", 300, 200));
        assertThat(probe.probe("b.webp", ByteSource.of(lossy))).isEqualTo(MediaInfo.image("webp", 16383, 6000));
        assertThat(probe.probe("c.webp", ByteSource.of(extended)))
                .isEqualTo(MediaInfo.image("webp", 16_000, 6_000));
    }

    @Test
    void trustsTheContentOverTheExtension() throws Exception {
        byte[] png = TestImages.encode("png", 5, 4);

        assertThat(probe.probe("really-a-png.jpg", ByteSource.of(png))).isEqualTo(MediaInfo.image("png", 5, 4));
        assertThat(probe.probe("really-a-png.wav", ByteSource.of(png)).kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(probe.probe("no-extension", ByteSource.of(png)).format()).isEqualTo("png");
    }

    @Test
    void readsOnlyTheHeadersOfALargeFile() throws Exception {
        byte[] bmp = TestImages.encode("bmp", 1000, 1000); // 3 MB of pixel rows
        CountingByteSource counting = new CountingByteSource(ByteSource.of(bmp));

        assertThat(probe.probe("big.bmp", counting)).isEqualTo(MediaInfo.image("bmp", 1000, 1000));
        assertThat(counting.bytesRead()).isLessThan(100);
    }

    @ParameterizedTest
    @CsvSource({"photo.PNG, IMAGE", "a.jpg, IMAGE", "a.JPEG, IMAGE", "a.gif, IMAGE", "a.bmp, IMAGE",
            "a.webp, IMAGE", "clip.wav, AUDIO", "clip.WAVE, AUDIO"})
    void choosesTheKindByExtension(String name, MediaKind kind) {
        assertThat(MediaProbe.kindForFileName(name)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource({"notes.txt", "song.flac", "song.mp3", "README", "archive.png.zip", "trailing-dot."})
    void hasNoKindForOtherNames(String name) {
        assertThat(MediaProbe.kindForFileName(name)).isEmpty();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void writeU24(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >> 8);
        b[at + 2] = (byte) (value >> 16);
    }

    static int indexOf(byte[] haystack, byte first, byte second) {
        for (int i = 0; i + 1 < haystack.length; i++) {
            if (haystack[i] == first && haystack[i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
