package org.labelbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ui.DisplayFormats;

/** The one line the status area shows when an import ends. */
final class ImportOutcome {
    private ImportOutcome() {
    }

    /** "Imported 120 items: 3 skipped, 2 duplicates". */
    static String of(ImportReport report) {
        List<String> notes = new ArrayList<>();
        if (!report.skipped().isEmpty()) {
            notes.add(DisplayFormats.count(report.skipped().size()) + " skipped");
        }
        if (!report.duplicates().isEmpty()) {
            notes.add(DisplayFormats.count(report.duplicates().size(), "duplicate", "duplicates"));
        }
        if (report.alreadyPresent() > 0) {
            notes.add(DisplayFormats.count(report.alreadyPresent()) + " already present");
        }
        if (report.labelsAdded() > 0) {
            notes.add(DisplayFormats.count(report.labelsAdded(), "label", "labels") + " added");
        }
        String summary = "Imported " + DisplayFormats.count(report.added(), "item", "items");
        return notes.isEmpty() ? summary : summary + ": " + String.join(", ", notes);
    }
}
