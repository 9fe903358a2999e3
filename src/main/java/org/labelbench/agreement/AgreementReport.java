package org.labelbench.agreement;

import java.util.List;

/**
 * The headline agreement figures of a set of labels. {@code units}: items with labels from two
 * or more annotators (the only ones that count).
 */
public record AgreementReport(long units, List<String> annotators, Estimate percentAgreement, Estimate meanCohenKappa,
        List<PairKappa> cohenPairs, FleissKappa.Result fleiss, Estimate alphaNominal, Estimate alphaOrdinal,
        Estimate alphaInterval) {

    /** Cohen's kappa of two annotators over the items both labeled. */
    public record PairKappa(String first, String second, long sharedItems, Estimate kappa) {
    }

    public static AgreementReport of(LabelMatrix matrix) {
        Ratings ratings = matrix.ratings();
        CoincidenceMatrix coincidences = CoincidenceMatrix.of(ratings);
        List<PairKappa> pairs = new java.util.ArrayList<>();
        double sum = 0;
        int available = 0;
        for (int a = 0; a < ratings.raters(); a++) {
            for (int b = a + 1; b < ratings.raters(); b++) {
                long shared = shared(ratings, a, b);
                if (shared == 0) {
                    continue;
                }
                Estimate kappa = CohenKappa.of(ratings, a, b, CohenKappa.Weights.NONE);
                pairs.add(new PairKappa(matrix.annotators().get(a), matrix.annotators().get(b), shared, kappa));
                if (kappa.isAvailable()) {
                    sum += kappa.value();
                    available++;
                }
            }
        }
        Estimate mean = available == 0
                ? Estimate.unavailable("not enough overlap: no two annotators share an item with two categories")
                : Estimate.of(sum / available);
        return new AgreementReport(coincidences.pairableUnits(), matrix.annotators(), PercentAgreement.of(ratings), mean,
                pairs, FleissKappa.of(ratings), KrippendorffAlpha.of(ratings, coincidences, Metric.NOMINAL),
                KrippendorffAlpha.of(ratings, coincidences, Metric.ORDINAL),
                KrippendorffAlpha.of(ratings, coincidences, Metric.INTERVAL));
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
