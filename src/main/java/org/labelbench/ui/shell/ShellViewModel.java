package org.labelbench.ui.shell;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.Dialogs;
import org.labelbench.ui.items.ItemsViewModel;
import org.labelbench.ui.jobs.JobRunner;

/** The main window's state: the open project, its status line, the running job and its outcome. */
public final class ShellViewModel {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final ProjectStore store;
    private final JobRunner jobs;
    private final ImportService imports;
    private final ItemsViewModel items;
    private final StringProperty projectName = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    /** The last import's skipped files with reasons, for the "Show report" dialog; empty if none. */
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public ShellViewModel(ProjectStore store, JobRunner jobs, ImportService imports) {
        this.store = store;
        this.jobs = jobs;
        this.imports = imports;
        this.items = new ItemsViewModel(store);
        refreshStatus();
    }

    public void refreshStatus() {
        ProjectOverview o = ProjectOverview.of(store);
        projectName.set(o.name());
        status.set(o.name() + "  ·  " + COUNT.format(o.items()) + " items  ·  " + COUNT.format(o.images())
                + " images  ·  " + COUNT.format(o.audio()) + " audio  ·  " + o.classes().size() + " classes  ·  "
                + COUNT.format(o.annotations()) + " labels  ·  schema v" + o.schemaVersion());
    }

    public void startImport(ImportSource source, Path path) {
        outcome.set("");
        report.set("");
        ImportRequest request = ImportRequest.of(source, path);
        jobs.start("Importing " + path.getFileName(), context -> imports.run(store, request, context),
                this::imported, this::failed);
    }

    private void imported(ImportReport result) {
        StringBuilder text = new StringBuilder("Imported " + COUNT.format(result.added()) + " items");
        if (result.alreadyPresent() > 0) {
            text.append(", ").append(COUNT.format(result.alreadyPresent())).append(" already present");
        }
        if (!result.duplicates().isEmpty()) {
            text.append(", ").append(result.duplicates().size()).append(" duplicates");
        }
        if (!result.skipped().isEmpty()) {
            text.append(", ").append(result.skipped().size()).append(" skipped");
        }
        outcome.set(text.toString());
        String details = result.skipped().stream().map(s -> s.file() + ": " + s.reason())
                .collect(Collectors.joining("\n"));
        String duplicates = result.duplicates().stream()
                .map(d -> d.file() + ": same content as " + d.duplicateOf()).collect(Collectors.joining("\n"));
        report.set((details + (details.isEmpty() || duplicates.isEmpty() ? "" : "\n") + duplicates).strip());
        refreshStatus();
        items.refresh();
    }

    private void failed(Throwable failure) {
        if (failure instanceof JobCancelledException) {
            outcome.set("Import cancelled; nothing changed");
        } else {
            outcome.set("Import failed; nothing changed");
            error.set(Dialogs.reason(failure));
        }
    }

    public void cancelJob() {
        jobs.cancel();
    }

    public JobRunner jobs() {
        return jobs;
    }

    public ItemsViewModel items() {
        return items;
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyStringProperty reportProperty() {
        return report;
    }

    /** A failure to show in a dialog; the controller clears it once shown. */
    public StringProperty errorProperty() {
        return error;
    }

    public void dispose() {
        items.dispose();
    }
}
