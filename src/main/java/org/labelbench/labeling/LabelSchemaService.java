package org.labelbench.labeling;

import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

/**
 * Edits to the label schema. Classes that labels point at are retired, never deleted; switching
 * between single- and multi-label is allowed only while the project has no labels, because the
 * two record different kinds of annotation.
 */
public final class LabelSchemaService {
    public static final String TRANSCRIPT = "transcript";

    private final LabelClassRepository classes = new LabelClassRepository();

    public LabelSchema schema(ProjectStore store) {
        return store.read(this::schema);
    }

    public LabelSchema schema(Transaction tx) {
        return new LabelSchema(classes.list(tx), ProjectMeta.isMultiLabel(tx), ProjectMeta.flag(tx, TRANSCRIPT));
    }

    public LabelClass addClass(ProjectStore store, String name, String hotkey, String color) {
        return store.write(tx -> classes.add(tx, name, hotkey, color));
    }

    public void setHotkey(ProjectStore store, String name, String hotkey) {
        store.write(tx -> {
            LabelClass target = existing(tx, name);
            if (target.retired()) {
                throw new BadInputException("class '" + name + "' is retired; restore it before giving it a hotkey");
            }
            classes.setHotkey(tx, target, hotkey);
            return null;
        });
    }

    public void setColor(ProjectStore store, String name, String color) {
        store.write(tx -> {
            classes.setColor(tx, existing(tx, name), color);
            return null;
        });
    }

    public void retireClass(ProjectStore store, String name) {
        store.write(tx -> {
            LabelClass target = existing(tx, name);
            if (target.retired()) {
                throw new BadInputException("class '" + name + "' is already retired");
            }
            classes.setRetired(tx, target, true);
            return null;
        });
    }

    public void restoreClass(ProjectStore store, String name) {
        store.write(tx -> {
            LabelClass target = existing(tx, name);
            if (!target.retired()) {
                throw new BadInputException("class '" + name + "' is not retired");
            }
            classes.setRetired(tx, target, false);
            return null;
        });
    }

    /** Deletes a class no label or example uses; a used one must be retired instead. */
    public void removeClass(ProjectStore store, String name) {
        store.write(tx -> {
            LabelClass target = existing(tx, name);
            if (classes.isUsed(tx, target)) {
                throw new BadInputException("class '" + name + "' has labels or guideline examples; retire it instead");
            }
            classes.delete(tx, target);
            return null;
        });
    }

    public void setMultiLabel(ProjectStore store, boolean multiLabel) {
        store.write(tx -> {
            if (ProjectMeta.isMultiLabel(tx) == multiLabel) {
                return null;
            }
            if (classes.anyAnswerWithClasses(tx)) {
                throw new BadInputException("the project has labels already; single- and multi-label cannot be"
                        + " switched once labeling has begun");
            }
            ProjectMeta.put(tx, ProjectMeta.MULTI_LABEL, String.valueOf(multiLabel));
            return null;
        });
    }

    public void setTranscript(ProjectStore store, boolean transcript) {
        store.write(tx -> {
            ProjectMeta.put(tx, TRANSCRIPT, String.valueOf(transcript));
            return null;
        });
    }

    private LabelClass existing(Transaction tx, String name) {
        return classes.list(tx).stream().filter(lc -> lc.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("no class '" + name + "' in the schema"));
    }
}
