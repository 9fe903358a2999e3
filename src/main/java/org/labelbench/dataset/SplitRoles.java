package org.labelbench.dataset;

import java.util.Locale;
import java.util.Set;

/**
 * What a split's name says it is for. Training stops early on the dev split: the split named
 * dev, val or validation (any case). The split named test is never trained on nor used to
 * stop: it is for the final measurement. Every other split is training data.
 */
public final class SplitRoles {
    public static final Set<String> DEV_NAMES = Set.of("dev", "val", "validation");
    public static final Set<String> TEST_NAMES = Set.of("test");

    private SplitRoles() {
    }

    public static boolean isDev(String split) {
        return split != null && DEV_NAMES.contains(split.toLowerCase(Locale.ROOT));
    }

    public static boolean isTest(String split) {
        return split != null && TEST_NAMES.contains(split.toLowerCase(Locale.ROOT));
    }
}
