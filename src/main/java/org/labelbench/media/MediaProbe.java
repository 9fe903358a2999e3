package org.labelbench.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Identifies a media file by its magic bytes (not its extension) and reads its facts from the
 * headers alone: no pixel or sample is decoded, so a probe costs a few small reads. Corrupt and
 * truncated files are caught by cheap structural checks; each format's header class says which.
 */
public final class MediaProbe {
    private static final int MAGIC = 16;
    /**
     * The most pixels an image may have: 100 megapixels, 400 MB as the ARGB the workbench decodes
     * to. Pillow warns at 89.5 and refuses at 179 megapixels for the same reason.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    /** The kind a file name's extension suggests (case-insensitive); other names are not media. */
    public static Optional<MediaKind> kindForFileName(String name) {
        return switch (extension(name)) {
            case "png", "jpg", "jpeg", "gif", "bmp", "webp" -> Optional.of(MediaKind.IMAGE);
            case "wav", "wave" -> Optional.of(MediaKind.AUDIO);
            default -> Optional.empty();
        };
    }

    /**
     * The format and size, or audio parameters, of {@code content}. {@code fileName} only words the
     * reason when the content is no known format.
     *
     * @throws MediaException with a one-line reason (without the file name) when the content is
     *     empty, truncated, corrupt or of a format we do not support
     * @throws IOException when the content cannot be read
     */
    public MediaInfo probe(String fileName, ByteSource content) throws MediaException, IOException {
        return refuseTooLarge(identify(fileName, content));
    }

    /**
     * Refuses, from its header, an image no one can label: a 100000x100000 "PNG" of a few bytes (a
     * decompression bomb) would otherwise be imported and then take the workbench down at decode.
     */
    private static MediaInfo refuseTooLarge(MediaInfo info) throws MediaException {
        if (info.kind() == MediaKind.IMAGE && (long) info.width() * info.height() > MAX_PIXELS) {
            throw new MediaException(String.format(Locale.ROOT, "its header says %dx%d pixels, over the limit of"
                    + " %d megapixels (decoded it would take %.1f GB); nothing decoded", info.width(), info.height(),
                    MAX_PIXELS / 1_000_000, (long) info.width() * info.height() * 4 / 1e9));
        }
        return info;
    }

    private MediaInfo identify(String fileName, ByteSource content) throws MediaException, IOException {
        if (content.size() == 0) {
            throw new MediaException("empty file");
        }
        byte[] magic = content.bytes(0, MAGIC);
        if (PngHeader.matches(magic)) {
            return PngHeader.read(content);
        }
        if (JpegHeader.matches(magic)) {
            return JpegHeader.read(content);
        }
        if (GifHeader.matches(magic)) {
            return GifHeader.read(content);
        }
        if (BmpHeader.matches(magic)) {
            return BmpHeader.read(content);
        }
        if (WebpHeader.matches(magic)) {
            return WebpHeader.read(content);
        }
        if (WavHeader.matches(magic)) {
            WavHeader wav = WavHeader.read(content);
            WavFormat format = wav.format();
            return MediaInfo.audio("wav", wav.durationMs(), format.sampleRate(), format.channels(),
                    format.bitsPerSample());
        }
        throw new MediaException(unsupported(fileName, magic));
    }

    /** {@link #probe(String, ByteSource)} on a file, reading only its headers. */
    public MediaInfo probe(Path file) throws MediaException, IOException {
        try (ByteSource source = ByteSource.open(file)) {
            Path name = file.getFileName();
            return probe(name == null ? "" : name.toString(), source);
        }
    }

    /** Why content of no supported format is refused: formats users often try get their own advice. */
    private static String unsupported(String fileName, byte[] magic) {
        if (Bytes.startsWith(magic, 0, "fLaC")) {
            return "FLAC is not supported yet; convert to WAV";
        }
        if (Bytes.startsWith(magic, 0, "OggS")) {
            return "Ogg audio is not supported; convert to WAV";
        }
        if (Bytes.startsWith(magic, 0, "ID3")) {
            return "MP3 is not supported; convert to WAV";
        }
        if (kindForFileName(fileName).isEmpty()) {
            return unsupportedExtension(fileName);
        }
        return "unrecognised content: not a PNG, JPEG, GIF, BMP, WebP or WAV file";
    }

    /**
     * The reason a file whose extension is not a media one is refused; importers that skip such
     * files before reading them give the same words.
     */
    public static String unsupportedExtension(String fileName) {
        String extension = extension(fileName);
        return "unsupported format: " + (extension.isEmpty() ? "no extension" : "." + extension);
    }

    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
