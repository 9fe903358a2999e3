package org.labelbench.ui.datasets;

import java.util.List;
import java.util.Optional;
import org.labelbench.dataset.LeakageCheck;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;

/**
 * What the Datasets view reads and writes, over one open project. Every method runs on the
 * calling (background) thread.
 */
public final class DatasetsCatalog {
    private final ProjectStore store;
    private final SplitService splits = new SplitService();

    public DatasetsCatalog(ProjectStore store) {
        this.store = store;
    }

    /** The stored split and its report (quick: no media is read), and the attributes the form offers. */
    record Splits(Optional<SplitService.Stored> stored, List<String> attributes) {
    }

    Splits splits() {
        return new Splits(splits.stored(store), store.read(tx -> new ItemRepository().attributeNames(tx)));
    }

    SplitService.Outcome split(SplitRule rule, String author, JobContext context) {
        return splits.split(store, rule, author, context);
    }

    SplitService.Check check(JobContext context) {
        return splits.check(store, LeakageCheck.NEAR_THRESHOLD, context);
    }

    /** Freezes or thaws the split; answers how many items without a split freezing placed. */
    long freeze(boolean frozen) {
        return splits.freeze(store, frozen);
    }
}
