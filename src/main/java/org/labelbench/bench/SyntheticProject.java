package org.labelbench.bench;

import java.nio.file.Path;
import java.util.List;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SyntheticRows;

/** Large projects for benchmarks and paging tests: two attributes per item, two annotators on half. */
public final class SyntheticProject {
    private SyntheticProject() {
    }

    /**
     * Writes a project of {@code items} synthetic images (keys img/0000001.png...; no media files
     * on disk) with the store's batched {@link SyntheticRows}: a real import of 1M files takes minutes.
     */
    public static void build(Path project, int items) {
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("bench " + items,
                List.of("cat", "dog", "bird", "fish"), false))) {
            store.write(tx -> {
                Annotator a = new AnnotatorRepository().findOrCreate(tx, "ana", "labeler");
                Annotator b = new AnnotatorRepository().findOrCreate(tx, "ben", "labeler");
                try (SyntheticRows rows = SyntheticRows.in(tx)) {
                    long batch = rows.importBatch("images");
                    for (int i = 1; i <= items; i++) {
                        String key = String.format("img/%07d.png", i);
                        rows.pngItem(i, key, "media/" + key, String.format("%064x", i), syntheticBytes(i), 28, 28,
                                batch);
                        rows.attribute(i, "source", i % 3 == 0 ? "phone" : "camera");
                        rows.attribute(i, "site", "site-" + (i % 17));
                        if (i % 2 == 0) {
                            rows.classLabel(i, a.id(), 1 + i % 4);
                            rows.classLabel(i, b.id(), 1 + (i / 7) % 4);
                        }
                    }
                }
                return null;
            });
        }
    }

    /**
     * A plausible PNG size for item {@code i}: 500 B to 2 KB, spread by a multiplicative hash
     * (in long arithmetic: {@code i * 7919} overflows an int past 271k items).
     */
    static long syntheticBytes(int i) {
        return 500 + ((long) i * 7919) % 1500;
    }
}
