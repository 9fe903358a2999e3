package org.labelbench.project;

import java.util.List;

/** What a new project starts with. */
public record ProjectSettings(String name, List<String> classes, boolean multiLabel) {
    public ProjectSettings {
        if (name == null || name.isBlank()) {
            throw new BadInputException("project name is empty");
        }
        classes = List.copyOf(classes);
    }
}
