package org.labelbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.labelbench.agreement.Adjudication;
import org.labelbench.analysis.PredictionService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/**
 * A cats-and-dogs project for the automation ladder, made as a user would, with every figure
 * worked out by hand (docs/ladder.md walks the same numbers).
 *
 * <p>Sixteen images u01..u16. A and B agree on u01, u02 (cat) and u03, u04 (dog); on u05 A says
 * cat, B dog, and a lead adjudicated dog; on u06 A and B say cat, C dog; u07..u10 have A's label
 * only (cat, dog, dog, dog). u11..u16 are unlabeled. Attribute {@code camera}: day on u01..u03,
 * night on u04..u06.
 *
 * <p>HLP per item: u01..u04 1, u05 1/2 (B matches the gold), u06 1/3 (2 of 6 ordered pairs);
 * u07..u10 do not count (one label, no gold). HLP = (4 + 1/2 + 1/3) / 6 = 0.80556.
 *
 * <p>Run m1 (with confidences): u01 cat .95, u02 cat .90, u03 dog .85, u04 cat .80 (wrong),
 * u05 dog .70, u06 cat .60, u07 cat .55, u08 dog .50, u09 cat .40 (wrong), u10 dog .30; and on
 * the unlabeled u11 cat .99, u12 dog .92, u13 cat .85, u14 dog .75, u15 cat .50, u16 dog .20.
 * The model's score on HLP's items: 1, 1, 1, 0, 1 (matches the gold), 2/3 (two of three humans
 * said cat): (4 + 2/3) / 6 = 0.77778. Ground truth: 10 items, the model right on 8.
 */
public final class LadderProject {
    public static final double HLP = (4 + 0.5 + 1.0 / 3) / 6;
    public static final double MODEL_AGREEMENT = (4 + 2.0 / 3) / 6;

    private LadderProject() {
    }

    public static String key(int i) {
        return String.format("u%02d.png", i);
    }

    public static Path create(Path dir) throws IOException {
        Path folder = dir.resolve("pets");
        for (int i = 1; i <= 16; i++) {
            TestMedia.png(folder.resolve(key(i)), 8, 8, i);
        }
        Path project = dir.resolve("pets.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("Pets", List.of("cat", "dog"), false))) {
            new ImportService(2).run(store, ImportRequest.of(ImportSource.IMAGES, folder), JobContext.silent());
            new LabelFileService().importFile(store, Files.writeString(dir.resolve("labels.csv"), """
                    item,annotator,label
                    u01.png,A,cat
                    u01.png,B,cat
                    u02.png,A,cat
                    u02.png,B,cat
                    u03.png,A,dog
                    u03.png,B,dog
                    u04.png,A,dog
                    u04.png,B,dog
                    u05.png,A,cat
                    u05.png,B,dog
                    u06.png,A,cat
                    u06.png,B,cat
                    u06.png,C,dog
                    u07.png,A,cat
                    u08.png,A,dog
                    u09.png,A,dog
                    u10.png,A,dog
                    """));
            new Adjudication().setGold(store, key(5), "dog", "Lead");
            new PredictionService().importFile(store, "m1", Files.writeString(dir.resolve("m1.csv"), """
                    item,label,confidence
                    u01.png,cat,0.95
                    u02.png,cat,0.90
                    u03.png,dog,0.85
                    u04.png,cat,0.80
                    u05.png,dog,0.70
                    u06.png,cat,0.60
                    u07.png,cat,0.55
                    u08.png,dog,0.50
                    u09.png,cat,0.40
                    u10.png,dog,0.30
                    u11.png,cat,0.99
                    u12.png,dog,0.92
                    u13.png,cat,0.85
                    u14.png,dog,0.75
                    u15.png,cat,0.50
                    u16.png,dog,0.20
                    """), null);
            store.write(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    for (int i = 1; i <= 6; i++) {
                        s.executeUpdate("INSERT INTO item_attr (item, name, value) SELECT id, 'camera', '"
                                + (i <= 3 ? "day" : "night") + "' FROM item WHERE key = '" + key(i) + "'");
                    }
                }
                return null;
            });
        }
        return project;
    }

    /**
     * Marks labels as given beside run m1's suggestions, as the labeling view records them: A took
     * the suggestion on u01..u03 (1, 2, 2 s) and answered otherwise on u04 (6 s); B saw no
     * suggestion on u01..u05 (3, 4, 5, 6, 8 s). The labels themselves do not change.
     */
    public static void withSuggestions(Path project) {
        try (ProjectStore store = ProjectStore.open(project)) {
            store.write(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    long run = 0;
                    try (var rs = s.executeQuery("SELECT id FROM prediction_run WHERE name = 'm1'")) {
                        rs.next();
                        run = rs.getLong(1);
                    }
                    int[] aMs = {1000, 2000, 2000, 6000};
                    for (int i = 1; i <= 4; i++) {
                        s.executeUpdate("UPDATE annotation SET origin = '" + (i <= 3 ? "accepted-suggestion" : "human")
                                + "', prediction_run = " + run + ", duration_ms = " + aMs[i - 1] + " WHERE item = (SELECT id"
                                + " FROM item WHERE key = '" + key(i) + "') AND annotator = (SELECT id FROM annotator"
                                + " WHERE name = 'A')");
                    }
                    int[] bMs = {3000, 4000, 5000, 6000, 8000};
                    for (int i = 1; i <= 5; i++) {
                        s.executeUpdate("UPDATE annotation SET origin = 'human', duration_ms = " + bMs[i - 1]
                                + " WHERE item = (SELECT id FROM item WHERE key = '" + key(i) + "') AND annotator ="
                                + " (SELECT id FROM annotator WHERE name = 'B')");
                    }
                }
                return null;
            });
        }
    }
}
