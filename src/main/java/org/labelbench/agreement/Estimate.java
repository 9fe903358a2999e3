package org.labelbench.agreement;

/**
 * An agreement figure, or the reason there is none ("not enough overlap", "only one category
 * was used"): never NaN.
 */
public record Estimate(Double value, String unavailableReason) {
    public Estimate {
        if ((value == null) == (unavailableReason == null)) {
            throw new IllegalArgumentException("an estimate has a value or a reason, not both or neither");
        }
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }

    public static Estimate of(double value) {
        return new Estimate(value, null);
    }

    public static Estimate unavailable(String reason) {
        return new Estimate(null, reason);
    }

    public boolean isAvailable() {
        return value != null;
    }
}
