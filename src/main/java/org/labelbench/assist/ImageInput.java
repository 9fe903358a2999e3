package org.labelbench.assist;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;

/**
 * What an image model takes: every picture is decoded, converted to {@code channels}, resized to
 * {@code width}×{@code height}, scaled to [0,1] and then normalised per channel by
 * {@code (x − mean) / std}, in NCHW float32.
 */
public record ImageInput(int width, int height, int channels, float[] mean, float[] std) {
    public ImageInput {
        if (width < 1 || height < 1 || width > 4096 || height > 4096) {
            throw new BadInputException("input size " + width + "x" + height + " is out of range (1..4096)");
        }
        if (channels != 1 && channels != 3) {
            throw new BadValueException("channels", String.valueOf(channels), ": expected 1 or 3");
        }
        if (mean.length != channels || std.length != channels) {
            throw new BadValueException("mean and std", "", " need " + channels + " value"
                    + (channels == 1 ? "" : "s") + " each, one per channel");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new BadValueException("std", String.valueOf(s), ": every standard deviation must be positive");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** No normalisation beyond [0,1]. */
    public static ImageInput plain(int width, int height, int channels) {
        float[] zeros = new float[channels];
        float[] ones = new float[channels];
        Arrays.fill(ones, 1f);
        return new ImageInput(width, height, channels, zeros, ones);
    }

    public int values() {
        return width * height * channels;
    }

    /** "28x28" → {width, height}. */
    public static int[] parseSize(String text) {
        String[] parts = text == null ? new String[0] : text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new BadValueException("input size", String.valueOf(text), ": expected WIDTHxHEIGHT, such as 28x28");
    }

    /** "0.485,0.456,0.406" → floats. */
    public static float[] parseFloats(String option, String text) {
        String[] parts = text.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException(option + " " + text + ": '" + parts[i].strip() + "' is not a number");
            }
        }
        return values;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("width", width);
        json.put("height", height);
        json.put("channels", channels);
        json.put("mean", floats(mean));
        json.put("std", floats(std));
        return json;
    }

    static ImageInput fromJson(Map<String, Object> json) {
        return new ImageInput(((Number) json.get("width")).intValue(), ((Number) json.get("height")).intValue(),
                ((Number) json.get("channels")).intValue(), toFloats(json.get("mean")), toFloats(json.get("std")));
    }

    private static List<Double> floats(float[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = (double) values[i];
        }
        return List.of(boxed);
    }

    private static float[] toFloats(Object list) {
        List<?> values = (List<?>) list;
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = ((Number) values.get(i)).floatValue();
        }
        return floats;
    }

    public String describe() {
        return width + "x" + height + "x" + channels;
    }
}
