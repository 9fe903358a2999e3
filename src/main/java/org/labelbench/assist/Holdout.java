package org.labelbench.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.labelbench.media.Sha256;

/**
 * The dev items a training is judged on when the project has no splits: a stratified share of
 * each class, picked by the SHA-256 of (seed, item key). An item's place does not depend on the
 * other items, so when labels are added the dev items stay dev items, and two trainings on the
 * same labels are judged on the same items whatever their training seeds.
 */
record Holdout(int[] train, int[] dev) {

    static Holdout of(LabeledItems items, double fraction, long seed) {
        return of(items, java.util.stream.IntStream.range(0, items.size()).toArray(), fraction, seed);
    }

    /** The same among {@code members} only (indexes into {@code items}): the inner holdout of a fold. */
    static Holdout of(LabeledItems items, int[] members, double fraction, long seed) {
        List<Integer> train = new ArrayList<>();
        List<Integer> dev = new ArrayList<>();
        for (List<Integer> ranked : rankedByClass(items, members, seed)) {
            int held = ranked.size() < 2 ? 0 : Math.max(1, (int) Math.round(ranked.size() * fraction));
            dev.addAll(ranked.subList(0, held));
            train.addAll(ranked.subList(held, ranked.size()));
        }
        return new Holdout(sorted(train), sorted(dev));
    }

    /**
     * K stratified folds: each class's items in hash order dealt out to the folds in turn, so
     * every fold holds about a K-th of every class.
     */
    static int[][] folds(LabeledItems items, int k, long seed) {
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int dealt = 0;
        for (List<Integer> ranked : rankedByClass(items, java.util.stream.IntStream.range(0, items.size()).toArray(),
                seed)) {
            for (int member : ranked) {
                folds.get(dealt++ % k).add(member);
            }
        }
        int[][] result = new int[k][];
        for (int f = 0; f < k; f++) {
            result[f] = sorted(folds.get(f));
        }
        return result;
    }

    private static List<List<Integer>> rankedByClass(LabeledItems items, int[] members, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < items.classNames().size(); c++) {
            byClass.add(new ArrayList<>());
        }
        java.util.Map<Integer, String> rank = new java.util.HashMap<>();
        for (int member : members) {
            byClass.get(items.classes()[member]).add(member);
            rank.put(member, Sha256.of(seed + ":" + items.keys()[member]));
        }
        for (List<Integer> ranked : byClass) {
            ranked.sort(Comparator.comparing(rank::get));
        }
        return byClass;
    }

    private static int[] sorted(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
