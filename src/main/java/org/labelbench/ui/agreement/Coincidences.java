package org.labelbench.ui.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.labelbench.agreement.CoincidenceMatrix;

/**
 * The classes and their coincidence matrix (pairs of labels two annotators gave the same item):
 * what the confusion heat map draws. The diagonal is agreement; {@code get(c, k)} for c ≠ k counts
 * the disagreements between c and k (each item weighted 1 / (labels − 1), as alpha weighs them).
 */
public record Coincidences(List<String> classes, CoincidenceMatrix matrix) {

    /** Two classes and how often one annotator said one and another the other. */
    public record Confusion(String first, String second, double pairs) {
    }

    public double get(int row, int column) {
        return matrix.get(row, column);
    }

    /** The largest count on the diagonal, and off it: each shades its cells on its own scale. */
    public double maxAgreement() {
        double max = 0;
        for (int c = 0; c < classes.size(); c++) {
            max = Math.max(max, matrix.get(c, c));
        }
        return max;
    }

    public double maxConfusion() {
        return mostConfused(1).stream().mapToDouble(Confusion::pairs).findFirst().orElse(0);
    }

    /** The {@code limit} most frequent disagreements, most frequent first (each pair of classes once). */
    public List<Confusion> mostConfused(int limit) {
        List<Confusion> confusions = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            for (int k = c + 1; k < classes.size(); k++) {
                if (matrix.get(c, k) > 0) {
                    confusions.add(new Confusion(classes.get(c), classes.get(k), matrix.get(c, k)));
                }
            }
        }
        confusions.sort(Comparator.comparingDouble(Confusion::pairs).reversed());
        return confusions.subList(0, Math.min(limit, confusions.size()));
    }

    /** True when some cell is not a whole number: items with three or more labels weigh their pairs. */
    public boolean hasFractions() {
        for (int row = 0; row < classes.size(); row++) {
            for (int column = 0; column < classes.size(); column++) {
                double value = matrix.get(row, column);
                if (value != Math.rint(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A count of pairs as it reads in a cell: whole numbers plainly, weighted ones with a decimal. */
    public static String pairs(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
