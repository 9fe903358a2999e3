package org.labelbench.ui.datasets;

import java.util.Locale;

/**
 * One class (or attribute value) of a split report as the view shows it: its share of the whole,
 * and in each split its share and count; {@code deviation} is the largest gap, in share points,
 * between a split's share and the whole's.
 */
public record ShareRow(String value, long total, double whole, double[] shares, long[] counts, double deviation) {

    public ShareRow {
        shares = shares.clone();
        counts = counts.clone();
    }

    /** "13.0 % (312)", or "–" for an empty split. */
    public String cell(int split) {
        return Double.isNaN(shares[split]) ? "–" : percent(shares[split]) + " (" + String.format(Locale.ROOT, "%,d",
                counts[split]) + ")";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Share points: 0.012 is "1.2 points". */
    static String points(double deviation) {
        return String.format(Locale.ROOT, "%.1f points", deviation * 100);
    }

    @Override
    public double[] shares() {
        return shares.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
