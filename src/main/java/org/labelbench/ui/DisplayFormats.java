package org.labelbench.ui;

import java.util.Locale;
import org.labelbench.project.Item;

/**
 * How numbers, sizes and durations read in the workbench. One fixed (English) style, so what a
 * screenshot, a test and the CLI's output say agree whatever the machine's locale.
 */
public final class DisplayFormats {
    private static final String[] BYTE_UNITS = {"KB", "MB", "GB", "TB"};

    private DisplayFormats() {
    }

    /** 3000 → "3,000". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "1 item", "3,000 items". */
    public static String count(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }

    /** 812 → "812 B", 2355 → "2.3 KB" (binary units, as file managers on most desktops show them). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, BYTE_UNITS[unit]);
    }

    /** 980 → "0.98 s", 61500 → "1:01.5". Empty for items without a duration. */
    public static String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        long minutes = millis / 60_000;
        return String.format(Locale.ROOT, "%d:%04.1f", minutes, (millis % 60_000) / 1000.0);
    }

    /** "28×28" for images; "16 kHz · mono" for audio; empty when the header did not say. */
    public static String dimensions(Item item) {
        if (item.isAudio()) {
            return audioShape(item.sampleRate(), item.channels());
        }
        if (item.width() == null || item.height() == null) {
            return "";
        }
        return item.width() + "×" + item.height();
    }

    public static String audioShape(Integer sampleRate, Integer channels) {
        if (sampleRate == null) {
            return "";
        }
        String rate = sampleRate % 1000 == 0 ? sampleRate / 1000 + " kHz"
                : String.format(Locale.ROOT, "%.1f kHz", sampleRate / 1000.0);
        if (channels == null) {
            return rate;
        }
        String layout = switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " ch";
        };
        return rate + " · " + layout;
    }

    /** The first 12 hex digits: enough to tell files apart at a glance. */
    public static String shortHash(String sha256) {
        if (sha256 == null) {
            return "";
        }
        return sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "…";
    }
}
