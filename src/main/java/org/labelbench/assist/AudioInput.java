package org.labelbench.assist;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.labelbench.project.BadValueException;

/**
 * What an audio model takes: a mono float32 waveform in [-1,1] at {@code sampleRate}, padded with
 * silence or cut to {@code clipSeconds}; a model trained here turns it into a log-mel spectrogram
 * itself ({@code melBands} > 0), a loaded TorchScript model takes the waveform as it is (0).
 */
public record AudioInput(int sampleRate, double clipSeconds, int melBands, float mean, float std) {
    /** A waveform input (no mel bands) or log-mel features not yet normalised. */
    public AudioInput(int sampleRate, double clipSeconds, int melBands) {
        this(sampleRate, clipSeconds, melBands, 0f, 1f);
    }

    public AudioInput {
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new BadValueException("sample rate", String.valueOf(sampleRate), ": expected 1000 to 384000 Hz");
        }
        if (!(clipSeconds > 0) || clipSeconds > 600) {
            throw new BadValueException("clip seconds", String.valueOf(clipSeconds), ": expected more than 0 and at most 600");
        }
    }

    public int samples() {
        return (int) Math.round(sampleRate * clipSeconds);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sample_rate", sampleRate);
        json.put("clip_seconds", clipSeconds);
        json.put("mel_bands", melBands);
        json.put("mean", (double) mean);
        json.put("std", (double) std);
        return json;
    }

    static AudioInput fromJson(Map<String, Object> json) {
        return new AudioInput(((Number) json.get("sample_rate")).intValue(),
                ((Number) json.get("clip_seconds")).doubleValue(),
                json.get("mel_bands") instanceof Number n ? n.intValue() : 0,
                json.get("mean") instanceof Number m ? m.floatValue() : 0f,
                json.get("std") instanceof Number d ? d.floatValue() : 1f);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d Hz, %.2f s%s", sampleRate, clipSeconds,
                melBands > 0 ? ", " + melBands + " mel bands" : " waveform");
    }
}
