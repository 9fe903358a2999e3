package org.labelbench.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labelbench.project.BadInputException;

/** A strict import found files it could not import; nothing was changed. */
public class ImportRejectedException extends BadInputException {
    private final transient ImportReport report;

    /** {@code from}: what was imported; when it is one file (a manifest, an export) its rows are named within it. */
    public ImportRejectedException(ImportReport report, Path from) {
        super(summary(report, from));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }

    private static String summary(ImportReport report, Path from) {
        ImportReport.Skipped first = report.skipped().get(0);
        int others = report.skipped().size() - 1;
        // "line 2" alone names no file: a manifest's or export's rows are said with the file's name.
        String where = from != null && Files.isRegularFile(from) && from.getFileName() != null
                ? from.getFileName() + " " + first.file() : first.file();
        return "import rejected (--strict), nothing changed: " + where + ": " + first.reason()
                + (others > 0 ? " (and " + others + " more)" : "");
    }
}
