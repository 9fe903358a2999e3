package org.labelbench.assist;

import java.io.IOException;
import java.nio.file.Path;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.project.BadInputException;

/**
 * A WAV item as an audio model's waveform: mono (channels averaged), resampled to the model's
 * rate by linear interpolation when the file's differs, then padded with silence or cut to the
 * clip length, starting at the clip's beginning.
 */
final class ClipSamples {
    private ClipSamples() {
    }

    static float[] read(Path file, AudioInput input) {
        PcmAudio audio;
        try {
            audio = WavDecoder.decode(file);
        } catch (MediaException | IOException e) {
            throw new BadInputException(file + ": cannot read the audio (" + e.getMessage() + ")");
        }
        float[] mono = audio.mono();
        if (audio.sampleRate() != input.sampleRate()) {
            mono = resample(mono, audio.sampleRate(), input.sampleRate());
        }
        float[] clip = new float[input.samples()];
        System.arraycopy(mono, 0, clip, 0, Math.min(mono.length, clip.length));
        return clip;
    }

    static float[] resample(float[] samples, int from, int to) {
        int length = (int) ((long) samples.length * to / from);
        float[] out = new float[length];
        double step = (double) from / to;
        for (int i = 0; i < length; i++) {
            double at = i * step;
            int left = (int) at;
            int right = Math.min(samples.length - 1, left + 1);
            double fraction = at - left;
            out[i] = (float) (samples[left] * (1 - fraction) + samples[right] * fraction);
        }
        return out;
    }
}
