package org.labelbench.dataset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbench.project.BadValueException;
import org.labelbench.project.SplitRepository.StoredRule;

/**
 * How a project's items are split: the split names and their shares, the seed, what each split
 * keeps the shares of ({@code label} and/or one attribute), and the attribute whose values
 * never straddle two splits. The same rule on the same items gives the same assignment.
 */
public record SplitRule(List<String> names, double[] ratios, long seed, boolean byLabel, String stratifyAttribute,
        String groupAttribute, boolean frozen) {

    public static final String LABEL = "label";
    public static final String ATTR = "attr:";
    public static final List<String> DEFAULT_NAMES = List.of("train", "dev", "test");

    public SplitRule {
        names = List.copyOf(names);
        ratios = ratios.clone();
    }

    /**
     * From the command line's words: {@code ratios} "0.8,0.1,0.1" (shares summing to 1, or to 100
     * as percentages), {@code names} "train,dev,test" or null (train,dev,test for three shares,
     * train,dev for two, else split1..splitN), {@code stratify} "label", "attr:NAME" or
     * "label,attr:NAME", {@code groupBy} "attr:NAME" or null.
     */
    public static SplitRule parse(String ratios, String names, long seed, String stratify, String groupBy) {
        double[] shares = parseRatios(ratios);
        List<String> splitNames = names == null ? defaultNames(shares.length) : parseNames(names);
        if (splitNames.size() != shares.length) {
            throw new BadValueException("split names", "", " gives " + splitNames.size() + " names for "
                    + shares.length + " ratios");
        }
        boolean byLabel = false;
        String attribute = null;
        for (String part : (stratify == null ? LABEL : stratify).split(",")) {
            String word = part.strip();
            if (word.equals(LABEL)) {
                byLabel = true;
            } else if (word.startsWith(ATTR) && word.length() > ATTR.length() && attribute == null) {
                attribute = word.substring(ATTR.length());
            } else if (!word.equals("none")) {
                throw new BadValueException("stratification", stratify, ": expected label, attr:NAME, both joined by"
                        + " a comma, or none");
            }
        }
        String group = null;
        if (groupBy != null) {
            if (!groupBy.startsWith(ATTR) || groupBy.length() == ATTR.length()) {
                throw new BadValueException("grouping", groupBy, ": expected attr:NAME");
            }
            group = groupBy.substring(ATTR.length());
        }
        return new SplitRule(splitNames, shares, seed, byLabel, attribute, group, false);
    }

    private static double[] parseRatios(String text) {
        String[] parts = text.split(",");
        if (parts.length < 2) {
            throw new BadValueException("split ratios", text, ": expected at least two shares, such as 0.8,0.1,0.1");
        }
        double[] shares = new double[parts.length];
        double sum = 0;
        for (int i = 0; i < parts.length; i++) {
            try {
                shares[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadValueException("split ratios", text, ": '" + parts[i].strip() + "' is not a number");
            }
            if (!(shares[i] > 0)) {
                throw new BadValueException("split ratios", text, ": every share must be above 0");
            }
            sum += shares[i];
        }
        double scale = Math.abs(sum - 100) < 1e-6 ? 100 : Math.abs(sum - 1) < 1e-6 ? 1 : Double.NaN;
        if (Double.isNaN(scale)) {
            throw new BadValueException("split ratios", text, ": the shares sum to " + shareText(sum) + ", not 1 (or 100)");
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= scale;
        }
        return shares;
    }

    /**
     * A share with as few digits as say it (0.5, 0.333333, 90): rounded to six significant digits so a sum
     * such as 0.1 + 0.2 reads 0.3, never 0.30000000000000004, and without trailing zeros.
     */
    public static String shareText(double share) {
        if (!Double.isFinite(share)) {
            return Double.toString(share);
        }
        return new BigDecimal(share).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static List<String> parseNames(String text) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",")) {
            String name = part.strip();
            if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
                throw new BadValueException("split names", text, ": '" + name + "' is not a split name (letters,"
                        + " digits, _ . -, at most 40)");
            }
            if (!seen.add(name)) {
                throw new BadValueException("split names", text, ": '" + name + "' is given twice");
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> defaultNames(int count) {
        if (count == 3) {
            return DEFAULT_NAMES;
        }
        if (count == 2) {
            return List.of("train", "dev");
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("split" + i);
        }
        return names;
    }

    /** "label", "attr:NAME", "label,attr:NAME" or "none". */
    public String stratifyText() {
        List<String> parts = new ArrayList<>();
        if (byLabel) {
            parts.add(LABEL);
        }
        if (stratifyAttribute != null) {
            parts.add(ATTR + stratifyAttribute);
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    public StoredRule toStored(String created, String createdBy) {
        StringBuilder ratiosText = new StringBuilder();
        for (double r : ratios) {
            ratiosText.append(ratiosText.length() == 0 ? "" : ",").append(r);
        }
        return new StoredRule(String.join(",", names), ratiosText.toString(), seed, stratifyText(),
                groupAttribute == null ? null : ATTR + groupAttribute, frozen, created, createdBy);
    }

    public static SplitRule of(StoredRule stored) {
        SplitRule parsed = parse(stored.ratios(), stored.names(), stored.seed(), stored.stratify(), stored.groupBy());
        return new SplitRule(parsed.names, parsed.ratios, parsed.seed, parsed.byLabel, parsed.stratifyAttribute,
                parsed.groupAttribute, stored.frozen());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitRule r && names.equals(r.names) && Arrays.equals(ratios, r.ratios) && seed == r.seed
                && byLabel == r.byLabel && java.util.Objects.equals(stratifyAttribute, r.stratifyAttribute)
                && java.util.Objects.equals(groupAttribute, r.groupAttribute) && frozen == r.frozen;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(names, Arrays.hashCode(ratios), seed, byLabel, stratifyAttribute,
                groupAttribute, frozen);
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }
}
