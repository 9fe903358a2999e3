package org.labelbench.dataset;

import java.util.Arrays;
import java.util.Comparator;
import org.labelbench.media.Sha256;

/**
 * The greedy assignment of units (groups of items that must stay together) to splits, in the
 * manner of scikit-learn's StratifiedGroupKFold: units with the most uneven stratum counts
 * first (ties in a seeded order), each to the split where the strata's shares end up closest
 * to the targets. StratifiedGroupKFold judges a fold by the spread of the class shares across
 * equal folds; splits of unequal size are judged here by each split's distance from its own
 * ratio: the cost of a placement is the sum, over the unit's strata and every split, of (the
 * split's share of the stratum's items placed so far − the split's ratio)². Measured on what is
 * placed so far, not on the final totals, so every split fills at its pace from the start and
 * the large, uneven units that go first are spread over the splits instead of all landing in
 * the largest. Ties go to the split furthest below its ratio in items. The last units go to the
 * splits still empty, when no more are left than those, so no split stays empty that could have
 * had a unit.
 */
final class SplitPlanner {
    private SplitPlanner() {
    }

    /**
     * @param unitOfItem each item's unit, 0..units-1
     * @param unitNames the units' names (group values or keys): the seeded tie order hashes them
     * @param stratumOfItem each item's stratum, 0..strata-1
     * @return each unit's split, 0..ratios.length-1
     */
    static int[] assign(int[] unitOfItem, String[] unitNames, int[] stratumOfItem, int strata, double[] ratios,
            long seed) {
        int units = unitNames.length;
        int splits = ratios.length;
        // Each unit's strata as sparse (stratum, count) pairs.
        int[][] unitStrata = sparseCounts(unitOfItem, stratumOfItem, units, strata);
        int[] unitSize = new int[units];
        for (int u : unitOfItem) {
            unitSize[u]++;
        }
        double[] spread = new double[units];
        for (int u = 0; u < units; u++) {
            spread[u] = countSpread(unitStrata[u], unitSize[u], strata);
        }
        String[] tieOrder = new String[units];
        for (int u = 0; u < units; u++) {
            tieOrder[u] = hash(seed + ":" + unitNames[u]);
        }
        Integer[] order = new Integer[units];
        for (int u = 0; u < units; u++) {
            order[u] = u;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(u -> -spread[u]).thenComparing(u -> tieOrder[u])
                .thenComparingInt(u -> u));
        long[][] placed = new long[splits][strata];
        long[] splitSize = new long[splits];
        long[] placedOfStratum = new long[strata];
        long placedTotal = 0;
        int[] splitOfUnit = new int[units];
        int emptySplits = splits;
        int left = units;
        for (int u : order) {
            // When only as many units are left as splits are empty, each goes to an empty split: with few
            // groups (4 speakers in 80/10/10) no split stays empty while another holds two.
            boolean fillEmpty = left <= emptySplits;
            left--;
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            double bestRoom = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < splits; s++) {
                if (fillEmpty && splitSize[s] > 0) {
                    continue;
                }
                double cost = 0;
                int[] pairs = unitStrata[u];
                for (int p = 0; p < pairs.length; p += 2) {
                    int k = pairs[p];
                    double n = placedOfStratum[k] + pairs[p + 1];
                    for (int t = 0; t < splits; t++) {
                        double share = (placed[t][k] + (t == s ? pairs[p + 1] : 0)) / n - ratios[t];
                        cost += share * share;
                    }
                }
                double room = placedTotal == 0 ? ratios[s] : ratios[s] - (double) splitSize[s] / placedTotal;
                boolean better = best < 0 || cost < bestCost - 1e-12
                        || (Math.abs(cost - bestCost) <= 1e-12 && room > bestRoom);
                if (better) {
                    best = s;
                    bestCost = cost;
                    bestRoom = room;
                }
            }
            splitOfUnit[u] = best;
            if (splitSize[best] == 0) {
                emptySplits--;
            }
            int[] pairs = unitStrata[u];
            for (int p = 0; p < pairs.length; p += 2) {
                placed[best][pairs[p]] += pairs[p + 1];
                placedOfStratum[pairs[p]] += pairs[p + 1];
            }
            splitSize[best] += unitSize[u];
            placedTotal += unitSize[u];
        }
        return splitOfUnit;
    }

    private static int[][] sparseCounts(int[] unitOfItem, int[] stratumOfItem, int units, int strata) {
        // Items sorted by (unit, stratum) make each unit's pairs in one pass.
        Integer[] byUnit = new Integer[unitOfItem.length];
        for (int i = 0; i < byUnit.length; i++) {
            byUnit[i] = i;
        }
        Arrays.sort(byUnit, Comparator.<Integer>comparingInt(i -> unitOfItem[i]).thenComparingInt(i -> stratumOfItem[i]));
        int[][] result = new int[units][];
        int i = 0;
        int[] buffer = new int[2 * Math.max(1, strata)];
        while (i < byUnit.length) {
            int unit = unitOfItem[byUnit[i]];
            int length = 0;
            while (i < byUnit.length && unitOfItem[byUnit[i]] == unit) {
                int stratum = stratumOfItem[byUnit[i]];
                int count = 0;
                while (i < byUnit.length && unitOfItem[byUnit[i]] == unit && stratumOfItem[byUnit[i]] == stratum) {
                    count++;
                    i++;
                }
                buffer[length++] = stratum;
                buffer[length++] = count;
            }
            result[unit] = Arrays.copyOf(buffer, length);
        }
        for (int u = 0; u < units; u++) {
            if (result[u] == null) {
                result[u] = new int[0];
            }
        }
        return result;
    }

    /** The standard deviation of a unit's raw counts over all strata (zeros included), as sklearn sorts by. */
    private static double countSpread(int[] pairs, int size, int strata) {
        double mean = (double) size / strata;
        double squares = 0;
        for (int p = 0; p < pairs.length; p += 2) {
            squares += (double) pairs[p + 1] * pairs[p + 1];
        }
        return Math.sqrt(Math.max(0, squares / strata - mean * mean));
    }

    static String hash(String text) {
        return Sha256.of(text);
    }

    /** A number in [0, 1) from the SHA-256 of the text: where a frozen rule places a new item or group. */
    static double uniform(String text) {
        String hex = hash(text);
        return Long.parseUnsignedLong(hex.substring(0, 13), 16) / (double) (1L << 52);
    }

    /** The split whose cumulative ratio band holds {@code u}. */
    static int splitAt(double u, double[] ratios) {
        double cumulative = 0;
        for (int s = 0; s < ratios.length; s++) {
            cumulative += ratios[s];
            if (u < cumulative) {
                return s;
            }
        }
        return ratios.length - 1;
    }
}
