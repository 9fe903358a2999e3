package org.labelbench.assist;

import java.util.OptionalDouble;

/**
 * The learning curve's fit: dev error ≈ a · n^(−b) for n training labels, by least squares on
 * (ln n, ln error), as in Hestness et al. (2017) and the course's "how much data" estimate.
 */
public record PowerLaw(double a, double b, int points) {

    /** The fit, or null when fewer than two points have a nonzero error at distinct sizes. */
    static PowerLaw fit(double[] labels, double[] errors) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 0 && errors[i] > 0) {
                double x = Math.log(labels[i]);
                double y = Math.log(errors[i]);
                n++;
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
        }
        double denominator = n * sxx - sx * sx;
        if (n < 2 || Math.abs(denominator) < 1e-12) {
            return null;
        }
        double slope = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        return new PowerLaw(Math.exp(intercept), -slope, n);
    }

    public double error(double labels) {
        return a * Math.pow(labels, -b);
    }

    /** Training labels at which the fitted error falls to {@code error}; empty when the curve does not fall. */
    public OptionalDouble labelsFor(double error) {
        if (!(b > 0) || !(error > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.pow(a / error, 1 / b));
    }
}
