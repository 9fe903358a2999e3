package org.labelbench.ui.agreement;

import java.util.List;
import java.util.Map;
import org.labelbench.agreement.LabelMatrix;

/**
 * What the Agreement view reads from the project in one go, so everything after it is computing
 * on memory (and can be interrupted without touching SQLite). Single-label projects have
 * {@code matrix} and its guideline slices; multi-label projects one binary matrix per
 * class ({@code perClass}) and nothing else.
 */
record AgreementSnapshot(AgreementCatalog.Stamp stamp, boolean multiLabel, LabelMatrix matrix,
        Map<String, int[]> guidelineSlices, Map<String, LabelMatrix> perClass,
        List<String> attributes) {
}
