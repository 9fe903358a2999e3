package org.labelbench.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.labelbench.project.BadInputException;

/**
 * How unsure a model is of one item, from its class probabilities: the three measures of
 * uncertainty sampling (Settles, "Active Learning Literature Survey", 2009, §3.1). Each is higher
 * for a more uncertain item and lies in [0, 1]: least confidence 1 − p₁; margin 1 − (p₁ − p₂),
 * with p₁ ≥ p₂ the two largest; entropy −Σ p log p divided by log k, its largest value.
 */
public enum Uncertainty {
    LEAST_CONFIDENCE("least-confidence"),
    MARGIN("margin"),
    ENTROPY("entropy");

    private final String id;

    Uncertainty(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Uncertainty parse(String text) {
        for (Uncertainty measure : values()) {
            if (measure.id.equals(text)) {
                return measure;
            }
        }
        throw new BadInputException("unknown uncertainty '" + text + "' (one of: "
                + Arrays.stream(values()).map(Uncertainty::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The uncertainty of {@code probabilities}; NaN (a class without a probability) counts as 0. */
    public double of(float[] probabilities) {
        int k = probabilities.length;
        double first = 0;
        double second = 0;
        double entropy = 0;
        for (float value : probabilities) {
            double p = Float.isNaN(value) ? 0 : value;
            if (p > first) {
                second = first;
                first = p;
            } else if (p > second) {
                second = p;
            }
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return switch (this) {
            case LEAST_CONFIDENCE -> 1 - first;
            case MARGIN -> 1 - (first - second);
            case ENTROPY -> k < 2 ? 0 : entropy / Math.log(k);
        };
    }
}
