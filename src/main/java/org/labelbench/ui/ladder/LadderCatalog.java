package org.labelbench.ui.ladder;

import java.util.List;
import org.labelbench.analysis.AutoLabeling;
import org.labelbench.analysis.AutomationLadder;
import org.labelbench.analysis.PredictionService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;

/**
 * What the Ladder view reads and writes, over one open project. Every method runs on the calling
 * (background) thread.
 */
public final class LadderCatalog {
    private final ProjectStore store;

    public LadderCatalog(ProjectStore store) {
        this.store = store;
    }

    /** The runs to choose from and the attributes to slice the shadow rung by. */
    record Choices(List<String> runs, List<String> attributes) {
    }

    Choices choices() {
        List<String> runs = new PredictionService().runs(store).stream().map(PredictionRun::name).toList();
        List<String> attributes = store.read(tx -> new ItemRepository().attributeNames(tx));
        return new Choices(runs, attributes);
    }

    AutomationLadder.Ladder ladder(AutomationLadder.Request request) {
        return store.read(tx -> AutomationLadder.read(tx, request));
    }

    AutoLabeling.Applied apply(AutomationLadder.Request request, String queue, String author, JobContext context) {
        return AutoLabeling.apply(store, request, queue, author, context);
    }
}
