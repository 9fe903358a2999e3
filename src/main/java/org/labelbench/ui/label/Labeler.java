package org.labelbench.ui.label;

import java.util.List;
import java.util.Locale;
import org.labelbench.project.BadInputException;

/** Who is labeling on this machine: a name (the project's annotator) and a role. */
public record Labeler(String name, String role) {
    /** The roles a person who labels may have (the others are import and model sources). */
    public static final List<String> ROLES = List.of("labeler", "reviewer", "lead");

    public Labeler {
        name = name == null ? "" : name.strip();
        role = role == null ? "labeler" : role.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new BadInputException("your name is empty; labels are recorded under it");
        }
        if (name.contains(",")) {
            throw new BadInputException("a name cannot contain a comma (queues list annotators comma-separated)");
        }
        if (!ROLES.contains(role)) {
            throw new BadInputException("unknown role '" + role + "' (one of: " + String.join(", ", ROLES) + ")");
        }
    }

    /** "ana (labeler)". */
    public String describe() {
        return name + " (" + role + ")";
    }
}
