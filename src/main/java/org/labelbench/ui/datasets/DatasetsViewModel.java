package org.labelbench.ui.datasets;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Datasets view's state: its two halves (splits; versions), the one writing job the page runs
 * at a time (making a split, creating a version; the leakage check, which only reads, is a job of
 * its own), and the line that says
 * what the last action did. Refusals go to {@link #setOnRefused} as a title and the reason.
 */
public final class DatasetsViewModel {
    private final ShownJob job;
    private final SplitsViewModel splits;
    private final VersionsViewModel versions;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private BiConsumer<String, String> onRefused = (title, text) -> { };

    public DatasetsViewModel(DatasetsCatalog catalog, UiExecutors executors, JobRunner jobs, Supplier<String> author) {
        this.job = new ShownJob(jobs);
        this.splits = new SplitsViewModel(catalog, executors, job, new ShownJob(jobs), author);
        splits.setOnOutcome(outcome::set);
        splits.setOnRefused((title, text) -> onRefused.accept(title, text));
        this.versions = new VersionsViewModel(catalog, executors, job, author);
        versions.setOnOutcome(outcome::set);
        versions.setOnRefused((title, text) -> onRefused.accept(title, text));
        // A new split gives new scopes to version.
        splits.setOnSplitChangedHere(versions::reload);
    }

    /** Re-reads both halves (the page was shown, or Refresh pressed). */
    public void reload() {
        splits.reload();
        versions.reload();
    }

    public void dismissOutcome() {
        outcome.set("");
    }

    public void cancelJob() {
        job.cancel();
    }

    public void dispose() {
        splits.dispose();
        versions.dispose();
        job.cancel();
    }

    public void setOnRefused(BiConsumer<String, String> action) {
        this.onRefused = action;
    }

    public SplitsViewModel splits() {
        return splits;
    }

    public VersionsViewModel versions() {
        return versions;
    }

    public ShownJob job() {
        return job;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
