package org.labelbench.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/** A project of real PNG files imported from a manifest (key, path, label, speaker), for the split tests. */
final class SplitProject {
    static final List<String> CLASSES = List.of("cat", "dog", "owl");

    /** One row of the manifest: label "" for an unlabeled item, speaker "" for none. */
    record Row(String key, String label, String speaker) {
    }

    private SplitProject() {
    }

    static Path create(Path dir, List<Row> rows) throws IOException {
        Path project = dir.resolve("p.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("p", CLASSES, false))) {
            importRows(store, dir.resolve("batch1"), rows, 0);
        }
        return project;
    }

    /** Writes a noise picture per row (distinct content; seeds start at {@code seedBase}) and imports the manifest. */
    static void importRows(ProjectStore store, Path folder, List<Row> rows, int seedBase) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("key,path,label,speaker");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            noise(folder.resolve(row.key() + ".png"), seedBase + i, 0);
            lines.add(row.key() + "," + row.key() + ".png," + row.label() + "," + row.speaker());
        }
        Files.write(folder.resolve("manifest.csv"), lines);
        new ImportService().run(store, ImportRequest.of(ImportSource.MANIFEST, folder.resolve("manifest.csv")),
                JobContext.silent());
    }

    /** A 32×32 noise picture from {@code seed}, every pixel {@code brighter} levels up (a near-duplicate). */
    static Path noise(Path file, long seed, int brighter) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.getRaster().setSample(x, y, 0, 20 + random.nextInt(200) + brighter);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
