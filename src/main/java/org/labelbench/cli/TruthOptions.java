package org.labelbench.cli;

import org.labelbench.analysis.TruthSource;
import picocli.CommandLine.Option;

/** How `analyze` and `metrics` decide the ground truth. */
final class TruthOptions {
    @Option(names = "--truth", defaultValue = "adjudicated", paramLabel = "adjudicated|annotator:NAME",
            description = {"The ground truth: the adjudicated label, else the majority label (default); or only one",
                "annotator's labels."})
    String truth;

    @Option(names = "--tie-breaker", paramLabel = "NAME",
            description = "With the default truth: whose label decides an item where the majority ties.")
    String tieBreaker;

    TruthSource source() {
        return TruthSource.parse(truth, tieBreaker);
    }
}
