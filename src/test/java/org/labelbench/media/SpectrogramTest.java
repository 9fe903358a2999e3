package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class SpectrogramTest {
    private static final int RATE = 16000;

    @Test
    void followsTheToneFromOneHalfToTheOther() {
        float[] samples = new float[RATE]; // 1 s: 1 kHz, then 3 kHz
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * (i < RATE / 2 ? 1000 : 3000) * i / RATE));
        }

        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 1, samples), 512, 256, 1000);

        assertThat(spectrogram.columns()).isEqualTo(1 + (RATE - 512 + 255) / 256);
        assertThat(spectrogram.bins()).isEqualTo(257);
        assertThat(spectrogram.hzPerBin()).isEqualTo(31.25);
        assertThat(spectrogram.secondsPerColumn()).isEqualTo(256.0 / RATE);
        assertThat(spectrogram.sampleRate()).isEqualTo(RATE);
        assertThat(peakBin(spectrogram, 0)).isEqualTo(32); // 1000 / 31.25
        assertThat(peakBin(spectrogram, spectrogram.columns() - 1)).isEqualTo(96); // 3000 / 31.25
        assertThat(spectrogram.db(0, 32)).isCloseTo(0f, offset(0.1f));
    }

    @Test
    void followsASweepUpwards() {
        float[] samples = new float[2 * RATE]; // 2 s from 200 Hz to 6 kHz
        double phase = 0;
        for (int i = 0; i < samples.length; i++) {
            double hz = 200 + (6000 - 200) * i / (double) samples.length;
            phase += 2 * Math.PI * hz / RATE;
            samples[i] = (float) Math.sin(phase);
        }

        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 1, samples), 512, 128, 2000);

        int previous = 0;
        for (int column = 0; column < spectrogram.columns(); column++) {
            int peak = peakBin(spectrogram, column);
            assertThat(peak).as("peak of column %d", column).isGreaterThanOrEqualTo(previous);
            previous = peak;
        }
        assertThat(peakBin(spectrogram, 0) * spectrogram.hzPerBin()).isCloseTo(250, offset(100.0));
        assertThat(previous * spectrogram.hzPerBin()).isCloseTo(5950, offset(100.0));
    }

    @Test
    void measuresLevelsInDecibelsBelowTheLoudestBin() {
        float[] samples = new float[4096];
        for (int i = 0; i < samples.length; i++) { // 1 kHz and a tenth as loud 3 kHz, both on bins
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / RATE)
                    + 0.05 * Math.sin(2 * Math.PI * 3000 * i / RATE));
        }

        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 1, samples), 512, 512, 100);

        assertThat(spectrogram.db(3, 32)).isCloseTo(0f, offset(0.01f));
        assertThat(spectrogram.db(3, 96)).isCloseTo(-20f, offset(0.01f));
        assertThat(spectrogram.normalized(3, 32)).isCloseTo(1.0, offset(1e-3));
        assertThat(spectrogram.normalized(3, 96)).isCloseTo(70 / 90.0, offset(1e-3));
        for (int column = 0; column < spectrogram.columns(); column++) {
            for (int bin = 0; bin < spectrogram.bins(); bin++) {
                assertThat(spectrogram.db(column, bin)).isBetween(Spectrogram.FLOOR_DB, 0f);
                assertThat(spectrogram.normalized(column, bin)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void agreesWithOneTransformOfEachWindowedFrame() {
        float[] samples = noise(5000);
        for (int i = 0; i < 1536; i++) { // a loud tone over quiet noise, then the noise alone
            samples[i] = samples[i] * 0.001f + (float) Math.sin(2 * Math.PI * 1234.5 * i / RATE);
        }
        samples[4000] = Float.NaN;
        int frameSize = 256;
        int hop = 200;

        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 1, samples), frameSize, hop, 100);

        assertThat(spectrogram.columns()).isEqualTo(1 + (5000 - frameSize + hop - 1) / hop).isOdd();
        double[][] power = new double[spectrogram.columns()][];
        double loudest = 0;
        for (int column = 0; column < power.length; column++) {
            double[] re = new double[frameSize];
            double[] im = new double[frameSize];
            for (int i = 0; i < frameSize && column * hop + i < samples.length; i++) {
                float sample = samples[column * hop + i];
                re[i] = Float.isNaN(sample) ? 0 : sample * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / frameSize));
            }
            new Fft(frameSize).forward(re, im);
            power[column] = new double[spectrogram.bins()];
            for (int bin = 0; bin < spectrogram.bins(); bin++) {
                power[column][bin] = re[bin] * re[bin] + im[bin] * im[bin];
                loudest = Math.max(loudest, power[column][bin]);
            }
        }
        for (int column = 0; column < power.length; column++) {
            for (int bin = 0; bin < spectrogram.bins(); bin++) {
                double expected = Math.max(Spectrogram.FLOOR_DB, 10 * Math.log10(power[column][bin] / loudest));
                assertThat((double) spectrogram.db(column, bin)).as("column %d, bin %d", column, bin)
                        .isCloseTo(expected, offset(expected > -80 ? 1e-3 : 0.5));
            }
        }
    }

    @Test
    void drawsSilenceAtTheFloorWithoutNaN() {
        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 2, new float[2 * RATE]), 256, 128, 500);

        assertThat(spectrogram.columns()).isGreaterThan(1);
        for (int column = 0; column < spectrogram.columns(); column++) {
            for (int bin = 0; bin < spectrogram.bins(); bin++) {
                assertThat(spectrogram.db(column, bin)).isEqualTo(Spectrogram.FLOOR_DB);
                assertThat(spectrogram.normalized(column, bin)).isZero();
            }
        }
    }

    @Test
    void drawsTheMonoMixSoOppositeChannelsCancel() {
        float[] samples = new float[2 * 2048];
        for (int frame = 0; frame < 2048; frame++) {
            float value = (float) Math.sin(2 * Math.PI * 1000 * frame / RATE);
            samples[2 * frame] = value;
            samples[2 * frame + 1] = -value;
        }

        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 2, samples), 512, 256, 100);

        assertThat(spectrogram.db(2, 32)).isEqualTo(Spectrogram.FLOOR_DB);
    }

    @Test
    void padsAClipShorterThanOneFrame() {
        float[] samples = new float[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(2 * Math.PI * 2000 * i / RATE);
        }

        Spectrogram spectrogram = Spectrogram.of(new PcmAudio(RATE, 1, samples), 512, 128, 100);
        Spectrogram empty = Spectrogram.of(new PcmAudio(RATE, 1, new float[0]), 512, 128, 100);

        assertThat(spectrogram.columns()).isEqualTo(1);
        assertThat(spectrogram.bins()).isEqualTo(257);
        assertThat(peakBin(spectrogram, 0)).isBetween(62, 66); // 2 kHz is bin 64, smeared by the short frame
        assertThat(empty.columns()).isEqualTo(1);
        assertThat(empty.db(0, 0)).isEqualTo(Spectrogram.FLOOR_DB);
    }

    @Test
    void widensTheHopToKeepWithinTheColumnCap() {
        int rate = 48000;
        PcmAudio minute = new PcmAudio(rate, 1, noise(60 * rate));

        Spectrogram capped = Spectrogram.of(minute, 512, 128, 1200);
        Spectrogram one = Spectrogram.of(minute, 512, 128, 1);
        Spectrogram roomy = Spectrogram.of(new PcmAudio(RATE, 1, noise(RATE)), 512, 256, 1200);

        assertThat(capped.columns()).isBetween(1190, 1200);
        assertThat(capped.hop()).isGreaterThan(128);
        assertThat((long) (capped.columns() - 1) * capped.hop() + 512).as("columns cover the clip")
                .isGreaterThanOrEqualTo(60L * rate);
        assertThat(capped.secondsPerColumn() * capped.columns()).isCloseTo(60.0, offset(0.1));
        assertThat(one.columns()).isEqualTo(1);
        assertThat(roomy.hop()).as("no cap needed").isEqualTo(256);
    }

    @Test
    void refusesBadArgumentsAndBadIndices() {
        PcmAudio audio = new PcmAudio(RATE, 1, new float[1000]);

        assertThatThrownBy(() -> Spectrogram.of(audio, 500, 128, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> Spectrogram.of(audio, 1, 128, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spectrogram.of(audio, 512, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spectrogram.of(audio, 512, 128, 0)).isInstanceOf(IllegalArgumentException.class);
        Spectrogram spectrogram = Spectrogram.of(audio, 512, 128, 10);
        assertThatThrownBy(() -> spectrogram.db(spectrogram.columns(), 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> spectrogram.db(0, 257)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static int peakBin(Spectrogram spectrogram, int column) {
        int peak = 0;
        for (int bin = 1; bin < spectrogram.bins(); bin++) {
            if (spectrogram.db(column, bin) > spectrogram.db(column, peak)) {
                peak = bin;
            }
        }
        return peak;
    }

    private static float[] noise(int frames) {
        java.util.Random random = new java.util.Random(frames);
        float[] samples = new float[frames];
        for (int i = 0; i < frames; i++) {
            samples[i] = random.nextFloat() * 2 - 1;
        }
        return samples;
    }
}
