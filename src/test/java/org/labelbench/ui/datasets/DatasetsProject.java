package org.labelbench.ui.datasets;

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

/**
 * A project of real PNGs imported from a manifest (key, path, label, speaker) for the Datasets
 * view: 60 noise pictures, 30 cat, 20 dog, 10 owl, spoken by 12 speakers, and for the first 8 a
 * slightly brighter copy (a near-duplicate, 3 levels up) by another speaker, labeled alike.
 */
final class DatasetsProject {
    static final List<String> CLASSES = List.of("cat", "dog", "owl");
    static final int ITEMS = 68;

    private DatasetsProject() {
    }

    static Path create(Path dir) throws IOException {
        Path project = dir.resolve("datasets.lbproj");
        Path media = dir.resolve("media");
        List<String> lines = new ArrayList<>();
        lines.add("key,path,label,speaker");
        for (int i = 0; i < 60; i++) {
            String label = i < 30 ? "cat" : i < 50 ? "dog" : "owl";
            String key = String.format("p%02d", i);
            noise(media.resolve(key + ".png"), i, 0);
            lines.add(key + "," + key + ".png," + label + ",s" + (i % 12));
        }
        for (int i = 0; i < 8; i++) {
            String key = String.format("p%02d-bright", i);
            noise(media.resolve(key + ".png"), i, 3);
            lines.add(key + "," + key + ".png,cat,s" + ((i + 5) % 12));
        }
        Files.write(media.resolve("manifest.csv"), lines);
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("datasets", CLASSES, false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.MANIFEST, media.resolve("manifest.csv")),
                    JobContext.silent());
        }
        return project;
    }

    /** A 32×32 noise picture from {@code seed}, every pixel {@code brighter} levels up. */
    private static void noise(Path file, long seed, int brighter) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed * 7919 + 17);
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.getRaster().setSample(x, y, 0, 20 + random.nextInt(200) + brighter);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
