package org.labelbench.bench;

import java.sql.Connection;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/** Large projects for benchmarks and paging tests: two attributes per item, two annotators on half. */
public final class SyntheticProject {
    private SyntheticProject() {
    }

    /**
     * Writes a project of {@code items} synthetic images (keys img/0000001.png...; no media files
     * on disk) with plain batched inserts: a real import of 1M files takes minutes.
     */
    public static void build(Path project, int items) {
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("bench " + items,
                List.of("cat", "dog", "bird", "fish"), false))) {
            store.write(tx -> {
                Connection c = tx.connection();
                Annotator a = new AnnotatorRepository().findOrCreate(tx, "ana", "labeler");
                Annotator b = new AnnotatorRepository().findOrCreate(tx, "ben", "labeler");
                try (var s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO import_batch (source, kind, started, finished, added, already_present,"
                            + " duplicates, skipped, copied, options, app_version) VALUES ('synthetic', 'images',"
                            + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0, 0, 0, 0, 0, '{}', 'bench')");
                }
                try (PreparedStatement item = c.prepareStatement("INSERT INTO item (id, key, media, format, path,"
                        + " sha256, bytes, width, height, import_batch) VALUES (?, ?, 'image', 'png', ?, ?, ?, 28, 28, 1)");
                        PreparedStatement attr = c.prepareStatement(
                                "INSERT INTO item_attr (item, name, value) VALUES (?, ?, ?)");
                        PreparedStatement label = c.prepareStatement("INSERT INTO annotation (item, annotator, kind,"
                                + " label_class, origin, submitted) VALUES (?, ?, 'class', ?, 'human',"
                                + " '2026-01-01T00:00:00Z')")) {
                    for (int i = 1; i <= items; i++) {
                        String key = String.format("img/%07d.png", i);
                        item.setInt(1, i);
                        item.setString(2, key);
                        item.setString(3, "media/" + key);
                        item.setString(4, String.format("%064x", i));
                        item.setLong(5, syntheticBytes(i));
                        item.addBatch();
                        attr.setInt(1, i);
                        attr.setString(2, "source");
                        attr.setString(3, i % 3 == 0 ? "phone" : "camera");
                        attr.addBatch();
                        attr.setInt(1, i);
                        attr.setString(2, "site");
                        attr.setString(3, "site-" + (i % 17));
                        attr.addBatch();
                        if (i % 2 == 0) {
                            label.setInt(1, i);
                            label.setLong(2, a.id());
                            label.setInt(3, 1 + i % 4);
                            label.addBatch();
                            label.setInt(1, i);
                            label.setLong(2, b.id());
                            label.setInt(3, 1 + (i / 7) % 4);
                            label.addBatch();
                        }
                        if (i % 10_000 == 0) {
                            item.executeBatch();
                            attr.executeBatch();
                            label.executeBatch();
                        }
                    }
                    item.executeBatch();
                    attr.executeBatch();
                    label.executeBatch();
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
