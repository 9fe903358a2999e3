package org.labelbench.assist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.dataset.SplitMembership;

/**
 * Which labeled items a training learns from and which it stops early on. With a project split
 * that has a dev split (named dev, val or validation) holding labeled items: the dev split's
 * labeled items judge, the labeled items of every split but dev and test train, and test items
 * and items without a split are left out. Otherwise the seeded, stratified {@link Holdout}.
 */
record DevSet(Holdout holdout, String kind, String description, int testLeftOut, int unsplitLeftOut) {
    static final String DEV_SPLIT = "dev split";
    static final String HOLDOUT = "holdout";

    static DevSet choose(LabeledItems items, SplitMembership splits, TrainingOptions options) {
        String fallback = "";
        if (splits.hasDevSplit()) {
            List<Integer> train = new ArrayList<>();
            List<Integer> dev = new ArrayList<>();
            int test = 0;
            int unsplit = 0;
            for (int i = 0; i < items.size(); i++) {
                switch (splits.roleOf(items.itemIds()[i])) {
                    case TRAIN -> train.add(i);
                    case DEV -> dev.add(i);
                    case TEST -> test++;
                    case UNSPLIT -> unsplit++;
                }
            }
            String devName = splits.devName().orElseThrow();
            if (!dev.isEmpty() && !train.isEmpty()) {
                Holdout holdout = new Holdout(toArray(train), toArray(dev));
                return new DevSet(holdout, DEV_SPLIT, String.format(Locale.ROOT, "the project's '%s' split: %d labeled"
                        + " items (training on %d labeled items of the other splits; %d test and %d unsplit labeled"
                        + " items left out)", devName, dev.size(), train.size(), test, unsplit), test, unsplit);
            }
            fallback = String.format(Locale.ROOT, "; the project's '%s' split holds %d labeled items and the training"
                    + " splits %d, too few to use", devName, dev.size(), train.size());
        }
        Holdout holdout = Holdout.of(items, options.holdoutFraction(), options.holdoutSeed());
        return new DevSet(holdout, HOLDOUT, String.format(Locale.ROOT, "stratified %.0f %% holdout of the labeled"
                + " items, picked by SHA-256 of (seed %d, item key)%s", options.holdoutFraction() * 100,
                options.holdoutSeed(), fallback), 0, 0);
    }

    /** Among {@code members} (a fold's training items): the dev-split ones judge, the rest train. */
    static Holdout inner(LabeledItems items, int[] members, SplitMembership splits, TrainingOptions options) {
        if (splits.hasDevSplit()) {
            List<Integer> train = new ArrayList<>();
            List<Integer> dev = new ArrayList<>();
            for (int member : members) {
                (splits.roleOf(items.itemIds()[member]) == SplitMembership.Role.DEV ? dev : train).add(member);
            }
            if (!dev.isEmpty() && !train.isEmpty()) {
                return new Holdout(toArray(train), toArray(dev));
            }
        }
        return Holdout.of(items, members, options.holdoutFraction(), options.holdoutSeed());
    }

    Map<String, Object> toJson() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dev_set_kind", kind);
        facts.put("dev_set", description);
        if (kind.equals(DEV_SPLIT)) {
            facts.put("test_items_left_out", testLeftOut);
            facts.put("unsplit_items_left_out", unsplitLeftOut);
        }
        return facts;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
