package org.labelbench.labeling;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.labelbench.project.BadInputException;

/** The order a queue serves its items in, and which items it takes. */
public enum QueueStrategy {
    /** Item key order. */
    SEQUENTIAL("sequential"),
    /** A shuffle fixed by the queue's seed: the same seed gives the same order on every machine. */
    RANDOM("random"),
    /** Items with fewer labels than the overlap asks for; the closest to complete first. */
    NEEDS_LABELS("needs-labels"),
    /** Items whose annotators disagree, the most contested first; labels made here are adjudications. */
    DISAGREEMENTS("disagreements");

    private final String id;

    QueueStrategy(String id) {
        this.id = id;
    }

    /** The name used on the command line and in the project file. */
    public String id() {
        return id;
    }

    public static QueueStrategy parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (QueueStrategy strategy : values()) {
            if (strategy.id.equals(wanted)) {
                return strategy;
            }
        }
        throw new BadInputException("unknown queue strategy '" + text + "' (one of: "
                + Arrays.stream(values()).map(QueueStrategy::id).collect(Collectors.joining(", ")) + ")");
    }
}
