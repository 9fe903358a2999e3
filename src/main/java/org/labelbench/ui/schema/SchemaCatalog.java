package org.labelbench.ui.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;

/**
 * What the Schema view reads and changes, over one open project. Every method runs off the FX
 * thread; each change is one call to {@link LabelSchemaService} (one transaction).
 */
public final class SchemaCatalog {
    private final ProjectStore store;
    private final LabelSchemaService schemas = new LabelSchemaService();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();

    /** How the classes are used: current labels per class name, which classes anything refers to, any labels at all. */
    public record Usage(Map<String, Long> currentLabels, Map<String, Boolean> used, boolean anyLabels) {
    }

    public SchemaCatalog(ProjectStore store) {
        this.store = store;
    }

    public LabelSchema schema() {
        return schemas.schema(store);
    }

    /**
     * Counts the current labels of every (item, annotator) by class, in one grouped query (a
     * background read: it takes a moment on a project of a million labels).
     */
    public Usage usage() {
        return store.read(tx -> {
            Map<String, Long> counts = annotations.currentLabelCounts(tx);
            Map<String, Boolean> used = new LinkedHashMap<>();
            for (LabelClass labelClass : classes.list(tx)) {
                used.put(labelClass.name(), classes.isUsed(tx, labelClass));
            }
            return new Usage(counts, used, annotations.count(tx) > 0);
        });
    }

    public LabelClass addClass(String name, String hotkey, String color) {
        return schemas.addClass(store, name, hotkey, color);
    }

    public void setHotkey(String name, String hotkey) {
        schemas.setHotkey(store, name, hotkey);
    }

    public void setColor(String name, String color) {
        schemas.setColor(store, name, color);
    }

    public void retire(String name) {
        schemas.retireClass(store, name);
    }

    public void restore(String name) {
        schemas.restoreClass(store, name);
    }

    public void remove(String name) {
        schemas.removeClass(store, name);
    }

    public void setMultiLabel(boolean multiLabel) {
        schemas.setMultiLabel(store, multiLabel);
    }

    public void setTranscript(boolean transcript) {
        schemas.setTranscript(store, transcript);
    }
}
