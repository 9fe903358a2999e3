package org.labelbench.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Identifies a media file by its magic bytes and reads its facts from headers alone: no pixel
 * or sample is decoded, so probing costs microseconds. Corrupt and truncated files are caught by
 * cheap structural checks (see each format's header class).
 */
public final class MediaProbe {

    /** The kind a file name's extension suggests; files with other extensions are not media. */
    public static Optional<MediaKind> kindForFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "png", "jpg", "jpeg", "gif", "bmp", "webp" -> Optional.of(MediaKind.IMAGE);
            case "wav", "wave" -> Optional.of(MediaKind.AUDIO);
            default -> Optional.empty();
        };
    }

    public MediaInfo probe(String fileName, ByteSource content) throws MediaException, IOException {
        if (content.size() == 0) {
            throw new MediaException("empty file");
        }
        byte[] magic = content.bytes(0, 16);
        if (magic.length >= 8 && java.util.Arrays.equals(java.util.Arrays.copyOf(magic, 8), PngHeader.SIGNATURE)) {
            return PngHeader.read(content);
        }
        if (magic.length >= 3 && Bytes.u8(magic, 0) == 0xff && Bytes.u8(magic, 1) == 0xd8
                && Bytes.u8(magic, 2) == 0xff) {
            return JpegHeader.read(content);
        }
        if (Bytes.startsWith(magic, 0, "GIF87a") || Bytes.startsWith(magic, 0, "GIF89a")) {
            return GifHeader.read(content);
        }
        if (Bytes.startsWith(magic, 0, "BM")) {
            return BmpHeader.read(content);
        }
        if (Bytes.startsWith(magic, 0, "RIFF") && Bytes.startsWith(magic, 8, "WEBP")) {
            return WebpHeader.read(content);
        }
        if (Bytes.startsWith(magic, 0, "RIFF") && Bytes.startsWith(magic, 8, "WAVE")) {
            WavHeader wav = WavHeader.read(content);
            return MediaInfo.audio("wav", wav.durationMs(), wav.sampleRate(), wav.channels(), wav.bitsPerSample());
        }
        if (Bytes.startsWith(magic, 0, "fLaC")) {
            throw new MediaException("FLAC is not supported yet; convert to WAV");
        }
        if (Bytes.startsWith(magic, 0, "RF64")) {
            throw new MediaException("RF64 (WAV over 4 GB) is not supported");
        }
        throw new MediaException("not a PNG, JPEG, GIF, BMP, WebP or WAV file (unrecognised content)");
    }

    public MediaInfo probe(Path file) throws MediaException, IOException {
        try (ByteSource source = ByteSource.open(file)) {
            return probe(file.getFileName().toString(), source);
        }
    }
}
