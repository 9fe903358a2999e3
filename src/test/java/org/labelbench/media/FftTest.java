package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 64, 512, 1024})
    void agreesWithTheDefinitionOnRandomInput(int size) {
        Random random = new Random(size);
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
        }
        double[][] expected = naiveDft(re, im);

        new Fft(size).forward(re, im);

        double scale = 0; // the largest magnitude, so the tolerance is relative to the output
        for (int k = 0; k < size; k++) {
            scale = Math.max(scale, Math.hypot(expected[0][k], expected[1][k]));
        }
        for (int k = 0; k < size; k++) {
            assertThat(Math.abs(re[k] - expected[0][k]) / scale).as("re[%d]", k).isLessThan(1e-6);
            assertThat(Math.abs(im[k] - expected[1][k]) / scale).as("im[%d]", k).isLessThan(1e-6);
        }
    }

    @Test
    void putsAOneKilohertzSineAtSixteenKilohertzInItsBin() {
        int size = 512;
        int rate = 16000;
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size; i++) {
            re[i] = Math.sin(2 * Math.PI * 1000 * i / rate);
        }

        Fft.ofSize(size).forward(re, im);

        int peak = 0;
        for (int k = 1; k <= size / 2; k++) {
            if (Math.hypot(re[k], im[k]) > Math.hypot(re[peak], im[peak])) {
                peak = k;
            }
        }
        assertThat(peak).isEqualTo(1000 * size / rate); // 32: 31.25 Hz a bin
        assertThat(Math.hypot(re[peak], im[peak])).isCloseTo(size / 2.0, offset(1e-6));
    }

    @Test
    void transformsAnImpulseToAFlatSpectrum() {
        double[] re = new double[16];
        double[] im = new double[16];
        re[0] = 1;

        new Fft(16).forward(re, im);

        for (int k = 0; k < 16; k++) {
            assertThat(re[k]).isEqualTo(1.0);
            assertThat(im[k]).isEqualTo(0.0);
        }
    }

    @Test
    void sharesOneTransformPerSize() {
        assertThat(Fft.ofSize(256)).isSameAs(Fft.ofSize(256));
        assertThat(Fft.ofSize(256).size()).isEqualTo(256);
    }

    @Test
    void refusesSizesThatAreNotPowersOfTwoAndArraysOfTheWrongLength() {
        assertThatThrownBy(() -> new Fft(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fft(12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new Fft(8).forward(new double[8], new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** X[k] = sum x[n] e^(-2 pi i k n / N), straight from the definition. */
    private static double[][] naiveDft(double[] re, double[] im) {
        int n = re.length;
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * ((long) k * t % n) / n;
                outRe[k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                outIm[k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
            }
        }
        return new double[][] {outRe, outIm};
    }
}
