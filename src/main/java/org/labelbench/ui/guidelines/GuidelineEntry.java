package org.labelbench.ui.guidelines;

import org.labelbench.labeling.Guideline;

/** An entry of the Guidelines view's list: a published version, or the examples waiting for the next one. */
public sealed interface GuidelineEntry {

    /** A published version; {@code current} for the newest, the one labelers work under. */
    record Version(Guideline guideline, boolean current) implements GuidelineEntry {
        public int number() {
            return guideline.version();
        }
    }

    /** The examples collected for the next version, {@code count} of them. */
    record Pending(int count, int nextVersion) implements GuidelineEntry {
    }
}
