package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The mel filterbank by hand; LogMelSpectrogramTest checks it against the numpy peer as well. */
class MelFilterbankTest {

    @Test
    void slaneyScaleIsLinearBelowOneKilohertzAndLogarithmicAbove() {
        assertThat(MelFilterbank.hzToMel(0, MelFilterbank.Scale.SLANEY)).isEqualTo(0);
        assertThat(MelFilterbank.hzToMel(500, MelFilterbank.Scale.SLANEY)).isCloseTo(7.5, offset(1e-12));
        assertThat(MelFilterbank.hzToMel(1000, MelFilterbank.Scale.SLANEY)).isCloseTo(15, offset(1e-12));
        // 27 steps of ln(6.4) / 27 from 1 kHz reach 6.4 kHz
        assertThat(MelFilterbank.hzToMel(6400, MelFilterbank.Scale.SLANEY)).isCloseTo(42, offset(1e-12));
        // 2595 log10(2) at 700 Hz on HTK's scale
        assertThat(MelFilterbank.hzToMel(700, MelFilterbank.Scale.HTK)).isCloseTo(781.1728, offset(1e-4));
        for (double hz : new double[] {0, 123.4, 999.9, 1000, 4321, 22050}) {
            for (MelFilterbank.Scale scale : MelFilterbank.Scale.values()) {
                assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(hz, scale), scale))
                        .as("%s Hz on %s", hz, scale).isCloseTo(hz, offset(1e-9));
            }
        }
    }

    /**
     * 3 filters from 0 to 1 kHz, in the linear part of the Slaney scale, so the edges are 0, 250,
     * 500, 750 and 1000 Hz; bins are 125 Hz apart (8 kHz, n_fft 64), so filter m reads 0.5, 1, 0.5
     * at bins 2m + 1, 2m + 2, 2m + 3, times 2 / 500 Hz with Slaney's area normalisation.
     */
    @Test
    void trianglesByHand() {
        MelFilterbank plain = MelFilterbank.of(8000, 64, 3, 0, 1000, MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.NONE);
        MelFilterbank slaney = MelFilterbank.slaney(8000, 64, 3, 0, 1000);

        assertThat(plain.bins()).isEqualTo(33);
        assertThat(plain.edgesHz()).containsExactly(new double[] {0, 250, 500, 750, 1000}, offset(1e-9));
        for (int m = 0; m < 3; m++) {
            double[] expected = new double[33];
            expected[2 * m + 1] = 0.5;
            expected[2 * m + 2] = 1;
            expected[2 * m + 3] = 0.5;
            assertThat(plain.matrix()[m]).as("filter %d", m).containsExactly(expected, offset(1e-12));
            for (int k = 0; k < 33; k++) {
                assertThat(slaney.weight(m, k)).isCloseTo(expected[k] * 2 / 500, offset(1e-12));
            }
            assertThat(plain.centerHz(m)).isCloseTo(250 * (m + 1), offset(1e-9));
        }
    }

    @Test
    void eachFilterPeaksAtTheBinOfItsCentreAndHasUnitAreaWithSlaneyNorm() {
        MelFilterbank bank = MelFilterbank.slaney(16000, 512, 64, 0, 8000);
        double binHz = bank.binHz(1);
        assertThat(binHz).isEqualTo(31.25);
        assertThat(bank.emptyFilters()).isZero();
        double[][] matrix = bank.matrix();
        for (int m = 0; m < 64; m++) {
            int peak = 0;
            double sum = 0;
            int nonzero = 0;
            for (int k = 0; k < bank.bins(); k++) {
                peak = matrix[m][k] > matrix[m][peak] ? k : peak;
                sum += matrix[m][k];
                nonzero += matrix[m][k] > 0 ? 1 : 0;
            }
            assertThat(Math.abs(peak * binHz - bank.centerHz(m))).as("peak of filter %d", m).isLessThan(binHz);
            if (nonzero >= 8) { // a triangle wide against the bins: its Riemann sum is its area, 1
                assertThat(sum * binHz).as("area of filter %d", m).isCloseTo(1.0, offset(0.02));
            }
        }
        // centres rise, the last edge is the Nyquist frequency
        for (int m = 1; m < 64; m++) {
            assertThat(bank.centerHz(m)).isGreaterThan(bank.centerHz(m - 1));
        }
        assertThat(bank.edgesHz()[65]).isCloseTo(8000, offset(1e-9));
    }

    @Test
    void tooManyMelsForTheFftLeaveFiltersEmpty() {
        // 256 Slaney mels below 8 kHz are 11.7 Hz apart in the linear part: triangles 23 Hz wide can miss 31.25 Hz bins
        assertThat(MelFilterbank.slaney(16000, 512, 256, 0, 8000).emptyFilters()).isPositive();
        assertThat(MelFilterbank.slaney(16000, 2048, 128, 0, 8000).emptyFilters()).isZero();
    }

    @Test
    void appliesAsAMatrixProduct() {
        MelFilterbank bank = MelFilterbank.slaney(16000, 512, 40, 50, 7000);
        double[] power = new double[3 + bank.bins()];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < power.length; i++) {
            power[i] = random.nextDouble();
        }
        float[] out = new float[2 * 40];
        bank.apply(power, 3, out, 1, 2);
        double[][] matrix = bank.matrix();
        for (int m = 0; m < 40; m++) {
            double expected = 0;
            for (int k = 0; k < bank.bins(); k++) {
                expected += matrix[m][k] * power[3 + k];
            }
            assertThat(out[1 + 2 * m]).isCloseTo((float) expected, offset(1e-6f));
            assertThat(out[2 * m]).isZero();
        }
    }

    @Test
    void refusesARangeBeyondNyquistAndNonsense() {
        assertThatThrownBy(() -> MelFilterbank.slaney(16000, 512, 64, 0, 8001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8000.0");
        assertThatThrownBy(() -> MelFilterbank.slaney(16000, 512, 64, 500, 500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MelFilterbank.slaney(16000, 512, 0, 0, 8000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MelFilterbank.slaney(16000, 512, 64, Double.NaN, 8000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
