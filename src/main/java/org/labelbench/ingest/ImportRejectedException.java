package org.labelbench.ingest;

import org.labelbench.project.BadInputException;

/** A strict import found files it could not import; nothing was changed. */
public class ImportRejectedException extends BadInputException {
    private final transient ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(summary(report));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }

    private static String summary(ImportReport report) {
        ImportReport.Skipped first = report.skipped().get(0);
        int others = report.skipped().size() - 1;
        return "import rejected (--strict), nothing changed: " + first.file() + ": " + first.reason()
                + (others > 0 ? " (and " + others + " more)" : "");
    }
}
