package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudioAugmentationTest {
    private static final int RATE = 16000;

    private static float[] tone() {
        return LogMelSpectrogramTest.tone(440, 0.5, RATE, RATE);
    }

    @Test
    void shiftsCircularlyEitherWayAndLeavesTheInputAlone() {
        float[] clip = {1, 2, 3, 4, 5};
        assertThat(AudioAugmentation.shift(clip, 2)).containsExactly(4, 5, 1, 2, 3);
        assertThat(AudioAugmentation.shift(clip, -1)).containsExactly(2, 3, 4, 5, 1);
        assertThat(AudioAugmentation.shift(clip, 5)).containsExactly(1, 2, 3, 4, 5);
        assertThat(AudioAugmentation.shift(clip, 12)).containsExactly(4, 5, 1, 2, 3);
        assertThat(AudioAugmentation.shift(new float[0], 3)).isEmpty();
        assertThat(clip).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aRandomShiftStaysWithinItsRangeAndReachesBothEnds() {
        float[] clip = new float[50];
        clip[20] = 1;
        Random random = new Random(42);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            float[] shifted = AudioAugmentation.randomShift(clip, 3, random);
            int at = 0;
            while (shifted[at] != 1) {
                at++;
            }
            seen.add(at - 20);
        }
        assertThat(seen).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3);
    }

    @Test
    void whiteNoiseComesInAtTheAskedSnr() {
        float[] clean = tone();
        for (double snr : new double[] {-5, 0, 10, 20, 40}) {
            float[] noisy = AudioAugmentation.addWhiteNoise(clean, snr, new Random(7));
            assertThat(noisy).hasSameSizeAs(clean);
            assertThat(AudioAugmentation.snrDb(clean, noisy)).as("%s dB", snr).isCloseTo(snr, offset(1e-3));
        }
        assertThat(AudioAugmentation.addWhiteNoise(clean, 10, new Random(7)))
                .containsExactly(AudioAugmentation.addWhiteNoise(clean, 10, new Random(7)));
        assertThat(AudioAugmentation.addWhiteNoise(clean, 10, new Random(8)))
                .isNotEqualTo(AudioAugmentation.addWhiteNoise(clean, 10, new Random(7)));
    }

    /** [1, -1, 1, -1] has power 1, the noise [3] looped has power 9: at 0 dB it is scaled by 1/3. */
    @Test
    void anotherClipIsScaledToTheSnrAndLoopedFromItsOffset() {
        float[] clean = {1, -1, 1, -1};
        float[] mixed = AudioAugmentation.mixNoise(clean, new float[] {3}, 0, 0);
        assertThat(mixed).containsExactly(new float[] {2, 0, 2, 0}, offset(1e-6f));
        // noise [0, 2, 0, -2, 0, 2] from offset 3 reads -2, 0, 2, 0 (power 2); at 20 dB: scale sqrt(1 / (2 * 100))
        float[] looped = AudioAugmentation.mixNoise(clean, new float[] {0, 2, 0, -2, 0, 2}, 20, 3);
        double s = Math.sqrt(1 / 200.0);
        assertThat(looped).containsExactly(new float[] {(float) (1 - 2 * s), -1, (float) (1 + 2 * s), -1}, offset(1e-6f));
        float[] shortNoise = {0.3f, -0.1f, 0.7f};
        float[] longer = tone();
        assertThat(AudioAugmentation.snrDb(longer, AudioAugmentation.mixNoise(longer, shortNoise, 6, 2)))
                .isCloseTo(6, offset(1e-3));
        assertThat(clean).containsExactly(1, -1, 1, -1);
    }

    @Test
    void silenceStaysSilentAndSilentNoiseChangesNothing() {
        float[] silence = new float[100];
        assertThat(AudioAugmentation.addWhiteNoise(silence, 10, new Random(1))).containsOnly(0f);
        float[] clip = tone();
        assertThat(AudioAugmentation.mixNoise(clip, new float[10], 10, 0)).containsExactly(clip);
        assertThat(AudioAugmentation.mixNoise(new float[0], new float[0], 10, 0)).isEmpty();
        assertThatThrownBy(() -> AudioAugmentation.mixNoise(clip, new float[0], 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty noise");
        assertThatThrownBy(() -> AudioAugmentation.addWhiteNoise(clip, Double.NaN, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gainIsInDecibelsOfAmplitude() {
        float[] clip = {0.25f, -0.5f};
        assertThat(AudioAugmentation.gain(clip, 20 * Math.log10(2))).containsExactly(new float[] {0.5f, -1f}, offset(1e-6f));
        assertThat(AudioAugmentation.gain(clip, -20)).containsExactly(new float[] {0.025f, -0.05f}, offset(1e-7f));
        assertThat(AudioAugmentation.gain(clip, 0)).containsExactly(clip);
        for (int i = 0; i < 50; i++) {
            float[] louder = AudioAugmentation.randomGain(clip, -6, 6, new Random(i));
            double db = 20 * Math.log10(louder[0] / 0.25);
            assertThat(db).isBetween(-6.0, 6.0);
            assertThat(louder[1] / louder[0]).isCloseTo(-2f, offset(1e-5f));
        }
    }

    @Test
    void randomNoiseDrawsItsSnrFromTheRange() {
        float[] clean = tone();
        Random random = new Random(5);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int i = 0; i < 40; i++) {
            double snr = AudioAugmentation.snrDb(clean, AudioAugmentation.randomWhiteNoise(clean, 5, 15, random));
            assertThat(snr).isBetween(5 - 1e-3, 15 + 1e-3);
            low = Math.min(low, snr);
            high = Math.max(high, snr);
        }
        assertThat(high - low).as("the SNRs spread over the range").isGreaterThan(6);
        float[] noise = LogMelSpectrogramTest.tone(3000, 0.1, 777, RATE);
        double snr = AudioAugmentation.snrDb(clean, AudioAugmentation.randomNoise(clean, noise, 0, 3, random));
        assertThat(snr).isBetween(-1e-3, 3 + 1e-3);
    }

    @Test
    void theRecipeRepeatsWithTheSeedAndKeepsTheLength() {
        AudioAugmentation recipe = AudioAugmentation.defaults(RATE);
        assertThat(recipe.maxShiftSeconds()).isEqualTo(0.1);
        assertThat(recipe.noiseProbability()).isEqualTo(0.5);
        float[] clean = tone();
        float[] a = recipe.apply(clean, new Random(99));
        float[] b = recipe.apply(clean, new Random(99));
        assertThat(a).hasSameSizeAs(clean).containsExactly(b);
        Set<String> different = new HashSet<>();
        int noisy = 0;
        Random random = new Random(3);
        float[] halfSilent = java.util.Arrays.copyOf(clean, 2 * clean.length); // shift and gain keep its zeros
        for (int i = 0; i < 40; i++) {
            float[] out = recipe.apply(halfSilent, random);
            different.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(out, 8000, 8008)));
            int zeros = 0;
            for (float v : out) {
                zeros += v == 0 ? 1 : 0;
            }
            assertThat(zeros).isLessThanOrEqualTo(clean.length + 1);
            noisy += zeros < clean.length / 2 ? 1 : 0;
        }
        assertThat(different).hasSize(40);
        assertThat(noisy).as("noise on about half").isBetween(10, 30);

        assertThat(AudioAugmentation.none(RATE).apply(clean, new Random(1))).containsExactly(clean);
        float[] noise = LogMelSpectrogramTest.tone(3000, 0.1, 5000, RATE);
        AudioAugmentation alwaysNoise = new AudioAugmentation(RATE, 0, 1, 10, 10, 0, 0);
        assertThat(AudioAugmentation.snrDb(clean, alwaysNoise.apply(clean, noise, new Random(2)))).isCloseTo(10, offset(1e-3));
        assertThat(clean).containsExactly(tone());
    }

    @Test
    void refusesRangesTheWrongWayRound() {
        assertThatThrownBy(() -> new AudioAugmentation(RATE, 0.1, 0.5, 30, 10, 0, 0)).hasMessageContaining("SNR range");
        assertThatThrownBy(() -> new AudioAugmentation(RATE, -1, 0.5, 10, 30, 0, 0)).hasMessageContaining("shift");
        assertThatThrownBy(() -> new AudioAugmentation(RATE, 0.1, 1.5, 10, 30, 0, 0)).hasMessageContaining("probability");
        assertThatThrownBy(() -> AudioAugmentation.randomShift(new float[3], -1, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
