package org.labelbench.ui.shell;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The main window around the views: the project's headline facts for the status bar, and the
 * one job that may run at a time (import) with its progress and its outcome.
 */
public final class ShellViewModel {
    private final ProjectStore store;
    private final ImportService imports;
    private final UiExecutors executors;

    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper itemCounts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper schema = new ReadOnlyStringWrapper("");
    /** The import running, as the bar under the view shows it. */
    private final ShownJob job;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper outcomeIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ImportReport> lastReport = new ReadOnlyObjectWrapper<>();

    private final BackgroundCall.Latest overviews = new BackgroundCall.Latest();
    private Runnable onDataChanged = () -> { };
    private Consumer<ImportReport> onFilesSkipped = report -> { };
    private Consumer<String> onJobFailed = message -> { };

    public ShellViewModel(ProjectStore store, ProjectOverview overview, ImportService imports, JobRunner jobs,
            UiExecutors executors) {
        this.store = store;
        this.imports = imports;
        this.job = new ShownJob(jobs);
        this.executors = executors;
        showOverview(overview);
    }

    /** Starts an import job; ignored while another job runs (the buttons are disabled then). */
    public void startImport(ImportRequest request) {
        if (job.runningProperty().get()) {
            return;
        }
        outcome.set("");
        outcomeIsError.set(false);
        lastReport.set(null);
        job.start("Importing " + request.path(), context -> imports.run(store, request, context),
                new ShownJob.Outcome<ImportReport>() {
                    @Override
                    public void succeeded(ImportReport report) {
                        finished(ImportOutcome.of(report), false);
                        lastReport.set(report);
                        refreshOverview();
                        onDataChanged.run();
                        if (!report.skipped().isEmpty()) {
                            onFilesSkipped.accept(report);
                        }
                    }

                    @Override
                    public void cancelled() {
                        finished("Import cancelled: nothing was changed", false);
                    }

                    @Override
                    public void failed(Throwable error) {
                        String message = error.getMessage() == null ? error.toString() : error.getMessage();
                        finished("Import failed: " + message, true);
                        onJobFailed.accept(message);
                    }
                });
    }

    public void cancelJob() {
        job.cancel();
    }

    public void dismissOutcome() {
        outcome.set("");
        lastReport.set(null);
    }

    /** Re-reads the counts for the status bar, off the FX thread. */
    public void refreshOverview() {
        BackgroundCall.of(() -> ProjectOverview.of(store)).onSuccess(this::showOverview)
                .onFailure(failure -> {
                    outcome.set("Cannot read the project's counts: " + FailureText.of(failure));
                    outcomeIsError.set(true);
                }).unlessStale(overviews.next()).runOn(executors);
    }

    private void finished(String text, boolean error) {
        outcome.set(text);
        outcomeIsError.set(error);
    }

    private void showOverview(ProjectOverview overview) {
        projectName.set(overview.name());
        itemCounts.set(DisplayFormats.count(overview.items(), "item", "items") + " · "
                + DisplayFormats.count(overview.images(), "image", "images") + " · "
                + DisplayFormats.count(overview.audio()) + " audio");
        schema.set("Schema v" + overview.schemaVersion());
    }

    /** Called after a job changed the project's items, so views re-read them. */
    public void setOnDataChanged(Runnable action) {
        this.onDataChanged = action;
    }

    /** Called when an import skipped files, so the user sees which and why. */
    public void setOnFilesSkipped(Consumer<ImportReport> action) {
        this.onFilesSkipped = action;
    }

    public void setOnJobFailed(Consumer<String> action) {
        this.onJobFailed = action;
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty itemCountsProperty() {
        return itemCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty jobRunningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty jobProgressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyStringProperty jobMessageProperty() {
        return job.messageProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outcomeIsErrorProperty() {
        return outcomeIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }
}
