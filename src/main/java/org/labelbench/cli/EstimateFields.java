package org.labelbench.cli;

import java.util.Map;
import org.labelbench.agreement.Estimate;

/** JSON for a figure that may be unavailable: its value, or null with the reason kept under "notes". */
final class EstimateFields {
    private EstimateFields() {
    }

    /** The value, or null after noting why under {@code name} (the first reason for a name is kept). */
    static Double value(Estimate estimate, String name, Map<String, String> notes) {
        if (!estimate.isAvailable()) {
            notes.putIfAbsent(name, estimate.unavailableReason());
        }
        return estimate.value();
    }
}
