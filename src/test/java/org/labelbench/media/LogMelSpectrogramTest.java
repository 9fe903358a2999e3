package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The log-mel front end by hand: shapes of padded and cut clips, the floor of silence, where a
 * tone's energy lands, the STFT of a tone worked out on paper. LogMelPeerTest compares it with the
 * numpy peer.
 */
class LogMelSpectrogramTest {
    private static final int RATE = 16000;

    static float[] tone(double hz, double amplitude, int samples, int rate) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    @Test
    void defaultsAreA25msWindowEvery10msIn512PointsWith64Mels() {
        LogMelSpectrogram.Params p = LogMelSpectrogram.Params.defaults(RATE);
        assertThat(p.nFft()).isEqualTo(512);
        assertThat(p.winLength()).isEqualTo(400);
        assertThat(p.hop()).isEqualTo(160);
        assertThat(p.mels()).isEqualTo(64);
        assertThat(p.fmin()).isZero();
        assertThat(p.fmax()).isEqualTo(8000);
        assertThat(p.scale()).isEqualTo(MelFilterbank.Scale.SLANEY);
        assertThat(p.norm()).isEqualTo(MelFilterbank.Norm.SLANEY);
        LogMelSpectrogram.Params cd = LogMelSpectrogram.Params.defaults(44100);
        assertThat(new int[] {cd.nFft(), cd.winLength(), cd.hop()}).containsExactly(2048, 1103, 441);
        assertThat(LogMelSpectrogram.Params.defaults(8000).nFft()).isEqualTo(256); // window of exactly 200 -> 256
    }

    @Test
    void givesOneFrameEveryHopFromTheFirstSampleToTheLast() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        float[][] oneSecond = logMel.compute(new float[RATE]);
        assertThat(oneSecond).hasNumberOfRows(64);
        assertThat(oneSecond[0]).hasSize(101);
        assertThat(logMel.compute(new float[159])[0]).hasSize(1);
        assertThat(logMel.compute(new float[160])[0]).hasSize(2);
        assertThat(logMel.frames(12345)).isEqualTo(1 + 12345 / 160);
        assertThat(logMel.framesFor(1.0)).isEqualTo(101);
        assertThat(logMel.framesFor(2.5)).isEqualTo(251);
    }

    @Test
    void silenceGivesTheFloorEverywhere() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        assertThat(LogMelSpectrogram.FLOOR).isCloseTo(-13.815511f, offset(1e-6f));
        for (float[] row : logMel.compute(new float[RATE])) {
            for (float v : row) {
                assertThat(v).isEqualTo(LogMelSpectrogram.FLOOR);
            }
        }
        float[][] empty = logMel.compute(new float[0]);
        assertThat(empty).hasNumberOfRows(64);
        assertThat(empty[5]).containsExactly(LogMelSpectrogram.FLOOR);
        float[] broken = new float[800];
        broken[100] = Float.NaN;
        broken[200] = Float.POSITIVE_INFINITY;
        for (float[] row : logMel.compute(broken)) {
            for (float v : row) {
                assertThat(v).isEqualTo(LogMelSpectrogram.FLOOR);
            }
        }
    }

    @Test
    void aToneLandsInTheMelBandAroundItsFrequency() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        MelFilterbank bank = logMel.filterbank();
        for (double hz : new double[] {440, 1000, 3000, 6500}) {
            float[][] spec = logMel.compute(tone(hz, 0.5, RATE, RATE));
            int loudest = 0;
            for (int m = 0; m < 64; m++) {
                loudest = spec[m][50] > spec[loudest][50] ? m : loudest;
            }
            double[] edges = bank.edgesHz();
            assertThat(hz).as("%s Hz falls in the loudest band %d", hz, loudest)
                    .isBetween(edges[loudest], edges[loudest + 2]);
            int nearest = 0;
            for (int m = 0; m < 64; m++) {
                nearest = Math.abs(bank.centerHz(m) - hz) < Math.abs(bank.centerHz(nearest) - hz) ? m : nearest;
            }
            assertThat(Math.abs(loudest - nearest)).as("%s Hz: band %d, nearest centre %d", hz, loudest, nearest)
                    .isLessThanOrEqualTo(1);
            // bands 6 or more away hear little: at least 10 lower in ln units (43 dB)
            for (int m = 0; m < 64; m++) {
                if (Math.abs(m - loudest) >= 6) {
                    assertThat(spec[m][50]).as("band %d for %s Hz", m, hz).isLessThan(spec[loudest][50] - 10);
                }
            }
        }
    }

    /**
     * With the window as long as the frame (n_fft = win = 512), a tone of amplitude A exactly on
     * bin 32 (1 kHz at 16 kHz) has, in a frame inside the clip, the periodic Hann's three lines:
     * |X_32| = A N / 4 and |X_31| = |X_33| = A N / 8, every other bin 0. With A = 0.5: powers 4096
     * and 1024, so band m reads ln(1024 w[m][31] + 4096 w[m][32] + 1024 w[m][33] + 1e-6).
     */
    @Test
    void theStftOfAToneOnABinWorkedOutByHand() {
        LogMelSpectrogram logMel = new LogMelSpectrogram(
                LogMelSpectrogram.Params.defaults(RATE).withFrames(512, 512, 256).withMels(40));
        float[][] spec = logMel.compute(tone(1000, 0.5, RATE, RATE));
        MelFilterbank bank = logMel.filterbank();
        for (int m = 0; m < 40; m++) {
            double energy = 1024 * bank.weight(m, 31) + 4096 * bank.weight(m, 32) + 1024 * bank.weight(m, 33);
            assertThat(spec[m][10]).as("band %d", m).isCloseTo((float) Math.log(energy + 1e-6), offset(2e-4f));
        }
    }

    @Test
    void aFixedLengthPadsShortClipsWithSilenceAndCutsLongOnes() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        float[] half = tone(1000, 0.5, RATE / 2, RATE);
        float[][] padded = logMel.computeFixed(half, 1.0);
        assertThat(padded[0]).hasSize(101);
        float[][] asIs = logMel.compute(half);
        assertThat(asIs[0]).hasSize(51);
        // the frames whose window lies in the tone are the same either way; those past it are silence
        for (int m = 0; m < 64; m++) {
            for (int t = 2; t < 48; t++) {
                assertThat(padded[m][t]).isEqualTo(asIs[m][t]);
            }
            for (int t = 53; t < 101; t++) {
                assertThat(padded[m][t]).isEqualTo(LogMelSpectrogram.FLOOR);
            }
        }
        float[] twoSeconds = tone(1000, 0.5, 2 * RATE, RATE);
        float[][] cut = logMel.computeFixed(twoSeconds, 1.0);
        float[][] first = logMel.compute(java.util.Arrays.copyOf(twoSeconds, RATE));
        assertThat(cut).isDeepEqualTo(first);
        assertThat(logMel.computeFixed(new float[0], 0.5)[63]).hasSize(51).containsOnly(LogMelSpectrogram.FLOOR);
    }

    @Test
    void fillsAFlatMelMajorBatchInPlace() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        float[] clip = tone(700, 0.3, 4000, RATE);
        int frames = logMel.frames(4000);
        float[] batch = new float[3 + 2 * 64 * frames];
        logMel.computeInto(clip, 4000, batch, 3 + 64 * frames);
        float[][] rows = logMel.compute(clip);
        for (int m = 0; m < 64; m++) {
            for (int t = 0; t < frames; t++) {
                assertThat(batch[3 + 64 * frames + m * frames + t]).isEqualTo(rows[m][t]);
                assertThat(batch[3 + m * frames + t]).isZero();
            }
        }
        assertThatThrownBy(() -> logMel.computeInto(clip, 4000, batch, 4 + 64 * frames))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
    }

    @Test
    void reflectsAtTheEdgesAsNumpyPads() {
        // np.pad([1, 2, 3], 5, 'reflect') = [2 1 2 3 2 1 2 3 2 1 2 3 2]
        int[] expected = {1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(LogMelSpectrogram.reflect(i - 5, 3)).as("position %d", i - 5).isEqualTo(expected[i]);
        }
        assertThat(LogMelSpectrogram.reflect(-3, 1)).isZero();
        assertThat(LogMelSpectrogram.reflect(7, 2)).isEqualTo(1);
    }

    @Test
    void takesPcmAudioAtAnyRateResampledToItsOwn() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        float[] stereo = new float[2 * 1600];
        float[] left = tone(1000, 0.5, 1600, RATE);
        for (int i = 0; i < 1600; i++) {
            stereo[2 * i] = left[i];
            stereo[2 * i + 1] = left[i];
        }
        assertThat(logMel.compute(new PcmAudio(RATE, 2, stereo))).isDeepEqualTo(logMel.compute(left));
        assertThat(logMel.computeFixed(new PcmAudio(RATE, 2, stereo), 1.0)[0]).hasSize(101);
        float[] cd = tone(1000, 0.5, 44100, 44100);
        float[][] fromCd = logMel.compute(new PcmAudio(44100, 1, cd));
        assertThat(fromCd[0]).hasSize(101);
        assertThat(fromCd).isDeepEqualTo(logMel.compute(Resampler.resample(cd, 44100, RATE)));
        float[][] native16k = logMel.compute(tone(1000, 0.5, RATE, RATE));
        for (int m = 0; m < 64; m++) { // the same tone recorded at 16 kHz, inside the clip
            for (int t = 5; t < 95; t++) {
                if (native16k[m][t] > -5) {
                    assertThat(fromCd[m][t]).as("band %d, frame %d", m, t).isCloseTo(native16k[m][t], offset(0.01f));
                }
            }
        }
    }

    @Test
    void refusesParametersTheFftCannotTake() {
        LogMelSpectrogram.Params p = LogMelSpectrogram.Params.defaults(RATE);
        assertThatThrownBy(() -> p.withFrames(400, 400, 160)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> p.withFrames(512, 600, 160)).hasMessageContaining("window length");
        assertThatThrownBy(() -> p.withFrames(512, 400, 0)).hasMessageContaining("hop");
        assertThatThrownBy(() -> LogMelSpectrogram.defaults(RATE).samplesFor(0)).hasMessageContaining("positive");
    }

    /**
     * A 1 s clip at 16 kHz with the defaults (101 frames of 512 points, 64 mels) takes about 0.4-0.7 ms
     * here once warm (best of ten rounds); the bound is loose for a busy shared machine.
     */
    @Test
    void aSecondOfAudioTakesWellUnderAMillisecondOrSo() {
        LogMelSpectrogram logMel = LogMelSpectrogram.defaults(RATE);
        float[] clip = new float[RATE];
        Random random = new Random(1);
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) (random.nextGaussian() * 0.1);
        }
        float[] out = new float[64 * 101];
        double ms = Double.MAX_VALUE; // the best of rounds, as other work shares the machine
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                logMel.computeInto(clip, RATE, out, 0);
            }
            ms = Math.min(ms, (System.nanoTime() - start) / 1e6 / 200);
        }
        System.out.printf("log-mel of 1 s at 16 kHz: %.3f ms%n", ms);
        assertThat(ms).isLessThan(3.0);
    }
}
