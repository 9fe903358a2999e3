package org.labelbench.project;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/** The headline facts of a project, as {@code info} prints them and the status bar shows them. */
public record ProjectOverview(String name, long items, long images, long audio, List<String> classes,
        long annotators, long annotations, int schemaVersion, boolean multiLabel, long importBatches,
        Integer guidelineVersion, long queues) {

    public static ProjectOverview of(ProjectStore store) {
        return store.read(tx -> {
            Connection c = tx.connection();
            Map<String, Long> byMedia = new ItemRepository().countByMedia(c);
            long images = byMedia.getOrDefault("image", 0L);
            long audio = byMedia.getOrDefault("audio", 0L);
            List<String> classes = new LabelClassRepository().list(c).stream().filter(lc -> !lc.retired())
                    .map(LabelClass::name).toList();
            long annotators = new AnnotatorRepository().list(c).size();
            long annotations = new AnnotationRepository().count(c);
            String name = ProjectMeta.get(c, ProjectMeta.NAME).orElse(store.file().getFileName().toString());
            boolean multi = ProjectMeta.isMultiLabel(c);
            int version = ProjectStore.userVersion(c);
            long batches = new ImportBatchRepository().count(c);
            Integer guideline = null;
            long queues = 0;
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT (SELECT MAX(version) FROM guideline),"
                    + " (SELECT COUNT(*) FROM queue)")) {
                rs.next();
                guideline = rs.getObject(1) == null ? null : rs.getInt(1);
                queues = rs.getLong(2);
            }
            return new ProjectOverview(name, images + audio, images, audio, classes, annotators, annotations, version,
                    multi, batches, guideline, queues);
        });
    }
}
