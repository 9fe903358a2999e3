package org.labelbench.ui.datasets;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Datasets view's state: its two halves (splits; versions), the one job the page runs at a
 * time (making a split, checking it for leakage, creating a version), and the line that says
 * what the last action did. Refusals go to {@link #setOnRefused} as a title and the reason.
 */
public final class DatasetsViewModel {
    private final ShownJob job;
    private final SplitsViewModel splits;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private BiConsumer<String, String> onRefused = (title, text) -> { };

    public DatasetsViewModel(DatasetsCatalog catalog, UiExecutors executors, JobRunner jobs, Supplier<String> author) {
        this.job = new ShownJob(jobs);
        this.splits = new SplitsViewModel(catalog, executors, job, author);
        splits.setOnOutcome(outcome::set);
        splits.setOnRefused((title, text) -> onRefused.accept(title, text));
    }

    /** Re-reads both halves (the page was shown, or Refresh pressed). */
    public void reload() {
        splits.reload();
    }

    public void dismissOutcome() {
        outcome.set("");
    }

    public void cancelJob() {
        job.cancel();
    }

    public void dispose() {
        splits.dispose();
        job.cancel();
    }

    public void setOnRefused(BiConsumer<String, String> action) {
        this.onRefused = action;
    }

    public SplitsViewModel splits() {
        return splits;
    }

    public ShownJob job() {
        return job;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
