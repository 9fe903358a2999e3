package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Each annotator against the others: on the items they share with at least one other annotator,
 * the share of the others' labels that match theirs (averaged over items), their mean Cohen's
 * kappa with each other annotator, and their accuracy against the adjudicated labels.
 */
public record AnnotatorAgreement(String annotator, long sharedItems, Estimate agreementWithOthers,
        Estimate meanKappaWithOthers, long goldItems, Estimate accuracyAgainstGold) {

    public static List<AnnotatorAgreement> of(LabelMatrix matrix) {
        Ratings ratings = matrix.ratings();
        List<AgreementReport.PairKappa> pairs = AgreementReport.pairs(ratings, matrix.annotators());
        List<AnnotatorAgreement> rows = new ArrayList<>();
        for (int rater = 0; rater < ratings.raters(); rater++) {
            String name = matrix.annotators().get(rater);
            double agreementSum = 0;
            long shared = 0;
            long gold = 0;
            long correct = 0;
            for (int unit = 0; unit < ratings.units(); unit++) {
                int mine = ratings.code(unit, rater);
                if (mine == Ratings.MISSING) {
                    continue;
                }
                if (matrix.gold()[unit] != Ratings.MISSING) {
                    gold++;
                    if (matrix.gold()[unit] == mine) {
                        correct++;
                    }
                }
                int others = 0;
                int matching = 0;
                for (int other = 0; other < ratings.raters(); other++) {
                    int code = ratings.code(unit, other);
                    if (other != rater && code != Ratings.MISSING) {
                        others++;
                        if (code == mine) {
                            matching++;
                        }
                    }
                }
                if (others > 0) {
                    agreementSum += (double) matching / others;
                    shared++;
                }
            }
            List<AgreementReport.PairKappa> mine = pairs.stream()
                    .filter(p -> p.first().equals(name) || p.second().equals(name)).toList();
            rows.add(new AnnotatorAgreement(name, shared,
                    shared == 0 ? Estimate.unavailable("not enough overlap: shares no item with another annotator")
                            : Estimate.of(agreementSum / shared),
                    AgreementReport.mean(mine), gold,
                    gold == 0 ? Estimate.unavailable("no adjudicated item among theirs")
                            : Estimate.of((double) correct / gold)));
        }
        return rows;
    }
}
