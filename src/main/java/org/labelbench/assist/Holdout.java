package org.labelbench.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dev items a training is judged on when the project has no splits: a stratified share of
 * each class, picked by the SHA-256 of (seed, item key). An item's place does not depend on the
 * other items, so when labels are added the dev items stay dev items, and two trainings on the
 * same labels are judged on the same items whatever their training seeds.
 */
record Holdout(int[] train, int[] dev) {

    static Holdout of(LabeledItems items, double fraction, long seed) {
        int classes = items.classNames().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            byClass.get(items.classes()[i]).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> dev = new ArrayList<>();
        String[] rank = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            rank[i] = Sha256.of(seed + ":" + items.keys()[i]);
        }
        for (List<Integer> members : byClass) {
            members.sort(Comparator.comparing(i -> rank[i]));
            int held = members.size() < 2 ? 0 : Math.max(1, (int) Math.round(members.size() * fraction));
            dev.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        train.sort(null);
        dev.sort(null);
        return new Holdout(train.stream().mapToInt(Integer::intValue).toArray(),
                dev.stream().mapToInt(Integer::intValue).toArray());
    }
}
