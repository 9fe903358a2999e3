package org.labelbench.dataset.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JPEG's EXIF Orientation tag (0x0112 in IFD0 of the APP1 "Exif" segment): 1 when absent, not a
 * JPEG, or unreadable. Orientations 5 to 8 turn the picture a quarter, so a viewer shows it with
 * width and height swapped; COCO's sizes are the shown ones.
 */
final class ExifOrientation {
    private static final int SCAN = 128 * 1024;
    private static final int ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    static int of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SCAN);
        }
        return of(head);
    }

    static int of(byte[] b) {
        if (b.length < 4 || u8(b, 0) != 0xff || u8(b, 1) != 0xd8) {
            return 1;
        }
        int p = 2;
        while (p + 4 <= b.length && u8(b, p) == 0xff) {
            int marker = u8(b, p + 1);
            if (marker == 0xda || marker == 0xd9) {
                return 1; // image data begins: no EXIF before it
            }
            int length = (u8(b, p + 2) << 8) | u8(b, p + 3);
            int body = p + 4;
            if (marker == 0xe1 && body + 6 <= b.length && b[body] == 'E' && b[body + 1] == 'x' && b[body + 2] == 'i'
                    && b[body + 3] == 'f' && b[body + 4] == 0 && b[body + 5] == 0) {
                return fromTiff(b, body + 6, Math.min(b.length, p + 2 + length));
            }
            p += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == ORIENTATION) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** Whether the orientation turns the picture a quarter (5-8), so shown width is stored height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? u8(b, i) | (u8(b, i + 1) << 8) : (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static long u32(byte[] b, int i, boolean little) {
        long value = little ? u16(b, i, true) | ((long) u16(b, i + 2, true) << 16)
                : ((long) u16(b, i, false) << 16) | u16(b, i + 2, false);
        return value & 0xffffffffL;
    }
}
