package org.labelbench.ui.ladder;

import org.labelbench.analysis.AutomationLadder.Standing;

/** One rung's card: its place (1-5), id for lookups, name, standing, figures line and verdict. */
public record RungRow(int step, String id, String name, Standing standing, String figures, String verdict) {
    /** The standing as the card's badge says it. */
    public String badge() {
        return switch (standing) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case NO_DATA -> "no data";
        };
    }
}
