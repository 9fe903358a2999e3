package org.labelbench.ui.dialogs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What went wrong, for a person: every message along the cause chain, outermost first. The
 * outermost alone is often a wrapper ("cannot load ShellView.fxml") that hides the reason.
 */
public final class FailureText {
    private FailureText() {
    }

    public static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            boolean silent = t.getMessage() == null || t.getMessage().isBlank();
            boolean wrapper = t.getCause() != null && (silent || t.getMessage().equals(t.getCause().toString()));
            if (wrapper) {
                continue; // InvocationTargetException, CompletionException and the like say nothing of their own
            }
            // One line: FXML's LoadException wraps its location in line breaks.
            String message = silent ? t.getClass().getSimpleName() : t.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            // A wrapper's message is often its cause's toString(); say each thing once.
            if (parts.stream().noneMatch(part -> part.contains(message))) {
                parts.removeIf(message::contains);
                parts.add(message);
            }
        }
        return String.join(": ", parts);
    }
}
