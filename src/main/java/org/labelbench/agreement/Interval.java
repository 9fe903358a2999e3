package org.labelbench.agreement;

/** A confidence interval: {@code low} to {@code high} at {@code level} (0.95), from {@code resamples}. */
public record Interval(double low, double high, double level, int resamples) {
}
