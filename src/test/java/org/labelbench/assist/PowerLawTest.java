package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.labelbench.agreement.Estimate;

class PowerLawTest {
    @Test
    void recoversAnExactPowerLawAndInvertsIt() {
        double[] n = {100, 200, 400, 800};
        double[] e = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            e[i] = 2.0 * Math.pow(n[i], -0.5);
        }
        PowerLaw fit = PowerLaw.fit(n, e);
        assertThat(fit.a()).isCloseTo(2.0, within(1e-9));
        assertThat(fit.b()).isCloseTo(0.5, within(1e-9));
        // error 0.02 = 2 n^-0.5  →  n = (2 / 0.02)^2 = 10,000
        assertThat(fit.labelsFor(0.02).getAsDouble()).isCloseTo(10_000, within(1e-6));
    }

    /** A second implementation: numpy's polyfit of ln(error) on ln(n), when python3-numpy is there. */
    @Test
    void agreesWithNumpysLeastSquaresOnNoisyPoints() throws Exception {
        double[] n = {293, 586, 1172, 2343};
        double[] e = {0.303, 0.291, 0.264, 0.218};
        PowerLaw fit = PowerLaw.fit(n, e);
        String script = "import numpy as np\n"
                + "b, a = np.polyfit(np.log([293, 586, 1172, 2343]), np.log([0.303, 0.291, 0.264, 0.218]), 1)\n"
                + "print(np.exp(a), -b)\n";
        Process python;
        try {
            python = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        } catch (IOException e2) {
            org.junit.jupiter.api.Assumptions.abort("no /usr/bin/python3: " + e2.getMessage());
            return;
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(python.waitFor() == 0 && !out.contains("No module"),
                "python3-numpy missing: " + out);
        String[] words = out.split("\\s+");
        assertThat(fit.a()).isCloseTo(Double.parseDouble(words[0]), within(1e-9));
        assertThat(fit.b()).isCloseTo(Double.parseDouble(words[1]), within(1e-9));
    }

    @Test
    void aFlatCurveAFarTargetAndAReachedTargetAreSaidSo() {
        double[] n = {100, 200, 400};
        LearningCurve.Reading flat = LearningCurve.reading(n, new double[] {0.2, 0.2, 0.2}, Estimate.of(0.9), 400);
        assertThat(flat.labelsToHlp()).isEmpty();
        assertThat(flat.verdict()).startsWith("the error does not fall with more labels");
        LearningCurve.Reading far = LearningCurve.reading(n, new double[] {0.30, 0.29, 0.28}, Estimate.of(0.99), 400);
        assertThat(far.labelsToHlp()).isEmpty();
        assertThat(far.verdict()).contains("more than 100 times today's 400 training labels away");
        LearningCurve.Reading reached = LearningCurve.reading(n, new double[] {0.3, 0.2, 0.05}, Estimate.of(0.9), 400);
        assertThat(reached.verdict()).startsWith("already at HLP (0.900) with 400 training labels");
        LearningCurve.Reading fits = LearningCurve.reading(n, new double[] {0.4, 0.2828427, 0.2}, Estimate.of(0.9), 400);
        // 0.4·(n/100)^-0.5: error 0.1 at n = 1,600.
        assertThat(fits.labelsToHlp().getAsDouble()).isCloseTo(1600, within(0.1));
        assertThat(fits.verdict()).contains("reaching HLP 0.900 takes about 1,600 training labels (400 now");
    }
}
