package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and unsupported image files: each is refused with a one-line reason, before any decoding. */
class CorruptMediaTest {
    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path dir;

    @Test
    void truncatedPng() throws Exception {
        assertRefused("cut.png", firstHalf(TestImages.encode("png", 60, 40)), "truncated PNG: no IEND chunk");
    }

    @Test
    void pngCutInsideItsHeader() throws Exception {
        assertRefused("cut.png", Arrays.copyOf(TestImages.encode("png", 60, 40), 20), "truncated PNG: no IHDR chunk");
    }

    @Test
    void pngOfZeroWidth() throws Exception {
        byte[] png = TestImages.encode("png", 6, 5);
        ByteBuffer.wrap(png).putInt(16, 0);

        assertRefused("zero.png", png, "not a valid PNG: size 0x5");
    }

    @Test
    void aPngClaiming100000By100000PixelsIsRefusedFromItsHeader() throws Exception {
        byte[] png = TestImages.encode("png", 6, 5);
        ByteBuffer.wrap(png).putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // IHDR's type and data: a bomb with a valid header, not a corrupt one
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());

        assertRefused("bomb.png", png, "its header says 100000x100000 pixels, over the limit of 100 megapixels"
                + " (decoded it would take 40.0 GB); nothing decoded");
    }

    @Test
    void aJpegClaiming65535By65535PixelsIsRefusedFromItsHeader() throws Exception {
        byte[] jpeg = TestImages.encode("jpg", 16, 12);
        int sof = 2;
        while (!((jpeg[sof] & 0xff) == 0xff && (jpeg[sof + 1] & 0xff) == 0xc0)) {
            sof++;
        }
        ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 0xffff).putShort(sof + 7, (short) 0xffff);

        assertRefused("bomb.jpg", jpeg, "its header says 65535x65535 pixels, over the limit of 100 megapixels"
                + " (decoded it would take 17.2 GB); nothing decoded");
    }

    @Test
    void anImageAtTheLimitIsAccepted() throws Exception {
        byte[] png = TestImages.encode("png", 6, 5);
        ByteBuffer.wrap(png).putInt(16, 10_000).putInt(20, 10_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());

        assertThat(probe.probe("big.png", ByteSource.of(png)).width()).isEqualTo(10_000);
    }

    @Test
    void truncatedJpeg() throws Exception {
        assertRefused("cut.jpg", firstHalf(TestImages.encode("jpg", 120, 80)),
                "truncated JPEG: no EOI marker at the end");
    }

    @Test
    void jpegCutBeforeItsFrameHeader() throws Exception {
        assertRefused("cut.jpg", Arrays.copyOf(TestImages.encode("jpg", 120, 80), 30),
                "truncated JPEG: ends before the SOF marker");
    }

    @Test
    void jpegWithoutAFrameHeader() throws Exception {
        byte[] noFrame = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xfe, 0, 4, 'h', 'i', // SOI, COM
            (byte) 0xff, (byte) 0xda, 0, 2, 1, 2, 3, (byte) 0xff, (byte) 0xd9}; // SOS, data, EOI

        assertRefused("nosof.jpg", noFrame, "not a valid JPEG: missing SOF marker");
    }

    @Test
    void truncatedGif() throws Exception {
        assertRefused("cut.gif", firstHalf(TestImages.encode("gif", 64, 64)),
                "truncated GIF: no trailer (0x3B) at the end");
    }

    @Test
    void truncatedBmp() throws Exception {
        byte[] bmp = TestImages.encode("bmp", 31, 17); // rows of 31 * 3 = 93 bytes, padded to 96
        byte[] cut = firstHalf(bmp);

        assertThat(bmp).hasSize(54 + 96 * 17);
        assertRefused("cut.bmp", cut, "truncated BMP: pixel rows need 1686 bytes, file has " + cut.length);
    }

    @Test
    void truncatedWebP() throws Exception {
        assertRefused("cut.webp", Arrays.copyOf(TestImages.WEBP_LOSSY, 30),
                "truncated WebP: RIFF declares 42 bytes, file has 30");
    }

    @Test
    void emptyFile() throws Exception {
        assertRefused("empty.png", new byte[0], "empty file");
    }

    @Test
    void randomBytesNamedLikeAnImage() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x13; // no magic can start with it

        assertRefused("noise.png", noise, "unrecognised content: not a PNG, JPEG, GIF, BMP, WebP or WAV file");
    }

    @Test
    void textFileNamedLikeAnImage() throws Exception {
        assertRefused("notes.png", "not a picture\n".getBytes(StandardCharsets.UTF_8),
                "unrecognised content: not a PNG, JPEG, GIF, BMP, WebP or WAV file");
    }

    @Test
    void textFileWithItsOwnExtension() throws Exception {
        assertRefused("notes.TXT", "hello\n".getBytes(StandardCharsets.UTF_8), "unsupported format: .txt");
        assertRefused("README", "hello\n".getBytes(StandardCharsets.UTF_8), "unsupported format: no extension");
    }

    @Test
    void flac() throws Exception {
        byte[] flac = MediaProbeImageTest.concat(WavBuilder.ascii("fLaC"), new byte[38]);

        assertRefused("song.flac", flac, "FLAC is not supported yet; convert to WAV");
        assertRefused("song-renamed.wav", flac, "FLAC is not supported yet; convert to WAV");
    }

    @Test
    void otherRiffContent() throws Exception {
        byte[] avi = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).put(WavBuilder.ascii("RIFF")).putInt(16)
                .put(WavBuilder.ascii("AVI LIST")).array();

        assertRefused("clip.wav", avi, "unrecognised content: not a PNG, JPEG, GIF, BMP, WebP or WAV file");
    }

    /** The reason from the file on disk and from the same bytes in memory: the same single line. */
    private void assertRefused(String name, byte[] content, String reason) throws IOException {
        Path file = Files.write(dir.resolve(name), content);

        assertThatThrownBy(() -> probe.probe(file)).isInstanceOf(MediaException.class).hasMessage(reason);
        assertThatThrownBy(() -> probe.probe(name, ByteSource.of(content))).hasMessage(reason);
        assertThat(reason).doesNotContain("\n", "Exception", "\tat ");
    }

    private static byte[] firstHalf(byte[] content) {
        return Arrays.copyOf(content, content.length / 2);
    }
}
