package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The headline agreement figures of a set of labels, with bootstrap intervals for alpha and the
 * mean kappa. {@code units}: items with labels from two or more annotators (the only ones that
 * count). The weighted mean kappas (linear, quadratic) are for ordered classes (ratings 1-5).
 * {@code coincidences} says which classes people confuse: how often one annotator's
 * class c met another's class k on the same item (Krippendorff's coincidence matrix).
 */
public record AgreementReport(long units, List<String> annotators, Estimate percentAgreement, Estimate meanCohenKappa,
        Optional<Interval> meanCohenKappaInterval, List<PairKappa> cohenPairs, FleissKappa.Result fleiss,
        Estimate alphaNominal, Optional<Interval> alphaNominalInterval, Estimate alphaOrdinal,
        Optional<Interval> alphaOrdinalInterval, Estimate alphaInterval, Optional<Interval> alphaIntervalInterval,
        List<String> classes, CoincidenceMatrix coincidences, Estimate meanLinearKappa, Estimate meanQuadraticKappa) {

    /** Cohen's kappa of two annotators over the items both labeled. */
    public record PairKappa(String first, String second, long sharedItems, Estimate kappa) {
    }

    /** The figures, with {@code resamples} bootstrap resamples (0: no intervals) drawn from {@code seed}. */
    public static AgreementReport of(LabelMatrix matrix, int resamples, long seed) {
        Ratings ratings = matrix.ratings();
        CoincidenceMatrix coincidences = CoincidenceMatrix.of(ratings);
        List<PairKappa> pairs = pairs(ratings, matrix.annotators());
        // One pass per resample, on every core, for all four intervals (the same draws and values as
        // resampling each figure on its own).
        AgreementBootstrap.Intervals intervals = AgreementBootstrap.of(ratings, resamples, seed);
        return new AgreementReport(coincidences.pairableUnits(), matrix.annotators(), PercentAgreement.of(ratings),
                mean(pairs), intervals.meanCohenKappa(), pairs, FleissKappa.of(ratings),
                KrippendorffAlpha.of(ratings, coincidences, Metric.NOMINAL), intervals.alphaNominal(),
                KrippendorffAlpha.of(ratings, coincidences, Metric.ORDINAL), intervals.alphaOrdinal(),
                KrippendorffAlpha.of(ratings, coincidences, Metric.INTERVAL), intervals.alphaInterval(),
                matrix.classes(), coincidences,
                mean(pairs(ratings, matrix.annotators(), CohenKappa.Weights.LINEAR)),
                mean(pairs(ratings, matrix.annotators(), CohenKappa.Weights.QUADRATIC)));
    }

    /** Cohen's kappa of every pair of annotators that share an item. */
    static List<PairKappa> pairs(Ratings ratings, List<String> names) {
        return pairs(ratings, names, CohenKappa.Weights.NONE);
    }

    /**
     * Cohen's kappa, weighted by the distance between classes in schema order (linear or
     * quadratic, as scikit-learn's {@code weights=}), of every pair of annotators that share an item.
     */
    static List<PairKappa> pairs(Ratings ratings, List<String> names, CohenKappa.Weights weights) {
        List<PairKappa> pairs = new ArrayList<>();
        for (int a = 0; a < ratings.raters(); a++) {
            for (int b = a + 1; b < ratings.raters(); b++) {
                long shared = shared(ratings, a, b);
                if (shared > 0) {
                    pairs.add(new PairKappa(names.get(a), names.get(b), shared,
                            CohenKappa.of(ratings, a, b, weights)));
                }
            }
        }
        return pairs;
    }

    /** The mean of the pairs' defined kappas. */
    static Estimate mean(List<PairKappa> pairs) {
        double sum = 0;
        int available = 0;
        for (PairKappa pair : pairs) {
            if (pair.kappa().isAvailable()) {
                sum += pair.kappa().value();
                available++;
            }
        }
        return available == 0
                ? Estimate.unavailable("not enough overlap: no two annotators share an item with two categories")
                : Estimate.of(sum / available);
    }

    private static long shared(Ratings ratings, int a, int b) {
        long n = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            if (ratings.code(unit, a) != Ratings.MISSING && ratings.code(unit, b) != Ratings.MISSING) {
                n++;
            }
        }
        return n;
    }
}
