package org.labelbench.agreement;

import java.util.Arrays;

/**
 * Reliability data: for each unit (item) and rater (annotator), the category code given, or
 * {@link #MISSING}. Categories are codes 0..categories-1 in schema order (the order ordinal
 * metrics use); {@code values} gives each category's number for the interval metric.
 * Stored as one flat array, unit-major, so a million units by five raters is 20 MB.
 */
public final class Ratings {
    public static final int MISSING = -1;

    private final int units;
    private final int raters;
    private final int[] codes;
    private final double[] values;

    private Ratings(int units, int raters, int[] codes, double[] values) {
        this.units = units;
        this.raters = raters;
        this.codes = codes;
        this.values = values;
    }

    /**
     * {@code codes[unit * raters + rater]}; {@code values[category]} is the category's number
     * (for categories without one, its position: 0, 1, 2...).
     */
    public static Ratings of(int units, int raters, int[] codes, double[] values) {
        if (codes.length != (long) units * raters) {
            throw new IllegalArgumentException(codes.length + " codes for " + units + " units x " + raters + " raters");
        }
        for (int code : codes) {
            if (code != MISSING && (code < 0 || code >= values.length)) {
                throw new IllegalArgumentException("category code " + code + " outside 0.." + (values.length - 1));
            }
        }
        return new Ratings(units, raters, codes, values.clone());
    }

    /** Categories numbered by position (0, 1, 2...). */
    public static Ratings of(int units, int raters, int[] codes, int categories) {
        double[] positions = new double[categories];
        Arrays.setAll(positions, i -> i);
        return of(units, raters, codes, positions);
    }

    /** The given units (repeats allowed), in that order: a bootstrap resample. */
    public Ratings select(int[] unitIndices) {
        int[] picked = new int[unitIndices.length * raters];
        for (int i = 0; i < unitIndices.length; i++) {
            System.arraycopy(codes, unitIndices[i] * raters, picked, i * raters, raters);
        }
        return new Ratings(unitIndices.length, raters, picked, values);
    }

    /** One class against the rest: code 1 where {@code category} was given, 0 for any other class. */
    public Ratings oneVsRest(int category) {
        int[] binary = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            binary[i] = codes[i] == MISSING ? MISSING : codes[i] == category ? 1 : 0;
        }
        return new Ratings(units, raters, binary, new double[] {0, 1});
    }

    public int units() {
        return units;
    }

    public int raters() {
        return raters;
    }

    public int categories() {
        return values.length;
    }

    public int code(int unit, int rater) {
        return codes[unit * raters + rater];
    }

    public double value(int category) {
        return values[category];
    }
}
