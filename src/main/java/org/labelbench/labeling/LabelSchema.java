package org.labelbench.labeling;

import java.util.List;
import java.util.Optional;
import org.labelbench.project.LabelClass;

/**
 * What a labeler may answer: the classes in schema order, whether several may apply at once,
 * and whether audio items take a free-text transcript.
 */
public record LabelSchema(List<LabelClass> classes, boolean multiLabel, boolean transcript) {
    public LabelSchema {
        classes = List.copyOf(classes);
    }

    /** The classes a labeler is offered: not retired, in schema order. */
    public List<LabelClass> offered() {
        return classes.stream().filter(c -> !c.retired()).toList();
    }

    public Optional<LabelClass> byHotkey(String key) {
        return offered().stream().filter(c -> key.equalsIgnoreCase(c.hotkey())).findFirst();
    }

    public Optional<LabelClass> byName(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<LabelClass> byId(long id) {
        return classes.stream().filter(c -> c.id() == id).findFirst();
    }
}
