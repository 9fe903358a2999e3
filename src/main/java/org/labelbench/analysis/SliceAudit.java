package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.Ratings;
import org.labelbench.agreement.Slices;
import org.labelbench.project.ItemRepository;

/**
 * The slice audit: for every value of an attribute, the model's accuracy on the items with it
 * against its accuracy on all the other items, and whether the slice is significantly worse.
 * The test is the one-sided two-proportion z-test with the pooled proportion (statsmodels'
 * {@code proportions_ztest(alternative="smaller")}); the slice is compared with the rest rather
 * than with the overall figure, which contains the slice itself. With many slices some look
 * worse by chance, so the p-values are adjusted by Holm's method across the slices tested, and a
 * slice is flagged when the adjusted p-value is below 0.05. Slices too small for the normal
 * approximation (fewer than 5 errors or 5 correct items expected on either side) are not tested.
 */
public final class SliceAudit {
    public static final double ALPHA = 0.05;

    private SliceAudit() {
    }

    /** One slice; {@code p} and {@code adjustedP} are unavailable when the slice was not tested. */
    public record Slice(String attribute, String value, long items, long correct, Estimate accuracy, long restItems,
            long restCorrect, Estimate restAccuracy, Estimate z, Estimate p, Estimate adjustedP, boolean flagged) {
    }

    /** Every value of each named attribute (all attributes when {@code attributes} is empty), worst first. */
    public static List<Slice> of(Transaction tx, RunEvaluation evaluation, List<String> attributes) {
        List<String> names = attributes.isEmpty() ? new ItemRepository().attributeNames(tx) : attributes;
        List<Slice> untested = new ArrayList<>();
        List<double[]> tests = new ArrayList<>();
        List<Slice> tested = new ArrayList<>();
        long[] items = evaluation.itemIds();
        int[] truth = evaluation.truthCodes();
        int[] predicted = evaluation.predicted();
        long total = 0;
        long totalCorrect = 0;
        for (int i = 0; i < items.length; i++) {
            if (truth[i] != Ratings.MISSING) {
                total++;
                if (truth[i] == predicted[i]) {
                    totalCorrect++;
                }
            }
        }
        for (String name : names) {
            Map<String, long[]> counts = new TreeMap<>();
            Map<Long, String> values = Slices.attributeValues(tx, name);
            for (int i = 0; i < items.length; i++) {
                if (truth[i] == Ratings.MISSING) {
                    continue;
                }
                long[] slice = counts.computeIfAbsent(values.getOrDefault(items[i], "(none)"), v -> new long[2]);
                slice[0]++;
                if (truth[i] == predicted[i]) {
                    slice[1]++;
                }
            }
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                long n = entry.getValue()[0];
                long k = entry.getValue()[1];
                long restN = total - n;
                long restK = totalCorrect - k;
                Estimate accuracy = Estimate.of((double) k / n);
                Estimate restAccuracy = restN == 0 ? Estimate.unavailable("no other items")
                        : Estimate.of((double) restK / restN);
                double pooled = restN == 0 ? 0 : (double) (k + restK) / (n + restN);
                String untestable = untestable(n, restN, pooled);
                if (untestable != null) {
                    Estimate none = Estimate.unavailable(untestable);
                    untested.add(new Slice(name, entry.getKey(), n, k, accuracy, restN, restK, restAccuracy, none,
                            none, none, false));
                } else {
                    double z = twoProportionZ(k, n, restK, restN);
                    tests.add(new double[] {z, NormalDistribution.cdf(z)});
                    tested.add(new Slice(name, entry.getKey(), n, k, accuracy, restN, restK, restAccuracy,
                            Estimate.of(z), Estimate.of(NormalDistribution.cdf(z)), null, false));
                }
            }
        }
        double[] adjusted = holm(tests.stream().mapToDouble(t -> t[1]).toArray());
        List<Slice> slices = new ArrayList<>();
        for (int t = 0; t < tested.size(); t++) {
            Slice s = tested.get(t);
            slices.add(new Slice(s.attribute(), s.value(), s.items(), s.correct(), s.accuracy(), s.restItems(),
                    s.restCorrect(), s.restAccuracy(), s.z(), s.p(), Estimate.of(adjusted[t]), adjusted[t] < ALPHA));
        }
        slices.sort(Comparator.comparing((Slice s) -> s.p().value()));
        untested.sort(Comparator.comparing((Slice s) -> s.accuracy().value()));
        slices.addAll(untested);
        return slices;
    }

    /** z of "the first proportion is smaller than the second", with the pooled proportion's variance. */
    static double twoProportionZ(long k1, long n1, long k2, long n2) {
        double pooled = (double) (k1 + k2) / (n1 + n2);
        return ((double) k1 / n1 - (double) k2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    }

    /** Why the z-test does not apply, or null when it does. */
    private static String untestable(long n, long restN, double pooled) {
        if (restN == 0) {
            return "the slice is all the evaluated data";
        }
        double fewest = Math.min(Math.min(n, restN) * pooled, Math.min(n, restN) * (1 - pooled));
        if (fewest < 5) {
            return "too few items to test: fewer than 5 errors or 5 correct expected in the smaller group";
        }
        return null;
    }

    /** Holm's step-down adjustment of one-sided p-values, in their original order. */
    static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (p.length - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
