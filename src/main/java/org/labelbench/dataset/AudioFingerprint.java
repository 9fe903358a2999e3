package org.labelbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.labelbench.media.AudioClips;
import org.labelbench.media.LogMelSpectrogram;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;

/**
 * A 64-bit fingerprint of a clip, the audio twin of {@link DHash}: the clip in mono at 16 kHz,
 * its log-mel spectrogram in 8 mel bands (25 ms windows every 10 ms), averaged over 9 equal
 * stretches of time, and one bit per band and pair of neighbouring stretches (1 when the earlier
 * is louder). A change of gain shifts every log energy alike, and resampling or re-encoding moves
 * them a little, so copies of one recording lie a few bits apart; it does not survive a shift in
 * time of more than a fraction of a stretch (a ninth of the clip), nor cuts.
 */
final class AudioFingerprint {
    static final int RATE = 16_000;
    static final int BANDS = 8;
    static final int STRETCHES = 9;
    private static final LogMelSpectrogram MELS = new LogMelSpectrogram(
            LogMelSpectrogram.Params.defaults(RATE).withMels(BANDS));

    private AudioFingerprint() {
    }

    /** The fingerprint of the WAV file, or empty when it cannot be decoded or is shorter than 9 frames (90 ms). */
    static OptionalLong of(Path file) {
        PcmAudio audio;
        try {
            audio = WavDecoder.decode(file);
        } catch (MediaException | IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        float[] mono = AudioClips.mono(audio, RATE);
        if (MELS.frames(mono.length) < STRETCHES) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(of(MELS.compute(mono)));
    }

    /** From a log-mel spectrogram {@code [bands][frames]}. */
    static long of(float[][] logMel) {
        int frames = logMel[0].length;
        long hash = 0;
        for (int band = 0; band < BANDS; band++) {
            double[] stretch = new double[STRETCHES];
            for (int s = 0; s < STRETCHES; s++) {
                int from = s * frames / STRETCHES;
                int to = Math.max(from + 1, (s + 1) * frames / STRETCHES);
                double sum = 0;
                for (int f = from; f < to; f++) {
                    sum += logMel[band][f];
                }
                stretch[s] = sum / (to - from);
            }
            for (int s = 0; s < STRETCHES - 1; s++) {
                hash <<= 1;
                if (stretch[s] > stretch[s + 1]) {
                    hash |= 1;
                }
            }
        }
        return hash;
    }
}
