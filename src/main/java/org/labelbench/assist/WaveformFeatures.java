package org.labelbench.assist;

import java.io.IOException;
import java.nio.file.Path;
import org.labelbench.media.AudioClips;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.project.BadInputException;
import java.util.SplittableRandom;

/** The waveform itself (mono, resampled as scipy's resample_poly, cut or padded) as the input, for a loaded audio model that computes its own features: [1, samples]. */
final class WaveformFeatures implements AudioModelInput {
    private final AudioInput input;

    WaveformFeatures(AudioInput input) {
        this.input = input;
    }

    @Override
    public AudioInput input() {
        return input;
    }

    @Override
    public long[] shape() {
        return new long[] {1, input.samples()};
    }

    @Override
    public float[] read(Path file, SplittableRandom random) {
        return AudioClips.waveform(decode(file), input.sampleRate(), input.clipSeconds());
    }

    static PcmAudio decode(Path file) {
        try {
            return WavDecoder.decode(file);
        } catch (MediaException | IOException e) {
            throw new BadInputException(file + ": cannot read the audio (" + e.getMessage() + ")");
        }
    }
}
