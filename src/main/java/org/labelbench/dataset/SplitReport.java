package org.labelbench.dataset;

import java.util.List;

/**
 * How a split came out: items per split against the ratios, and for the label (and the
 * stratified attribute, when there is one) each value's share of every split against its
 * share of the whole. The largest deviation is the largest of those differences, in share
 * points (0.012 = 1.2 percentage points).
 */
public record SplitReport(List<String> names, double[] ratios, long[] counts, long total, List<Breakdown> breakdowns) {

    /** One attribute's values (or the label's classes) across the splits: {@code counts[value][split]}. */
    public record Breakdown(String by, List<String> values, long[][] counts, long[] totals, long[] splitCounts,
            long total) {

        /** The value's share of the split (NaN for an empty split). */
        public double share(int value, int split) {
            return splitCounts[split] == 0 ? Double.NaN : (double) counts[value][split] / splitCounts[split];
        }

        public double wholeShare(int value) {
            return total == 0 ? 0 : (double) totals[value] / total;
        }

        public double largestDeviation() {
            double largest = 0;
            for (int v = 0; v < values.size(); v++) {
                for (int s = 0; s < splitCounts.length; s++) {
                    if (splitCounts[s] > 0) {
                        largest = Math.max(largest, Math.abs(share(v, s) - wholeShare(v)));
                    }
                }
            }
            return largest;
        }

        /** "coat in dev": where the largest deviation is. */
        public String largestDeviationAt(List<String> splitNames) {
            double largest = -1;
            String where = "";
            for (int v = 0; v < values.size(); v++) {
                for (int s = 0; s < splitCounts.length; s++) {
                    if (splitCounts[s] > 0 && Math.abs(share(v, s) - wholeShare(v)) > largest) {
                        largest = Math.abs(share(v, s) - wholeShare(v));
                        where = values.get(v) + " in " + splitNames.get(s);
                    }
                }
            }
            return where;
        }
    }

    /** The share of the items in each split, against which the ratio is read. */
    public double share(int split) {
        return total == 0 ? 0 : (double) counts[split] / total;
    }

    /** The label's breakdown: the class shares the report asks for. */
    public Breakdown classes() {
        return breakdowns.get(0);
    }

    public double largestDeviation() {
        return classes().largestDeviation();
    }
}
