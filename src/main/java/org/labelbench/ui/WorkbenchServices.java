package org.labelbench.ui;

import org.labelbench.ingest.ImportService;
import org.labelbench.project.RecentProjects;
import org.labelbench.project.SampleProjects;
import org.labelbench.project.UserFolders;
import org.labelbench.ui.dialogs.Dialogs;
import org.labelbench.ui.dialogs.NativePrompts;
import org.labelbench.ui.dialogs.Prompts;
import org.labelbench.ui.jobs.FxJobRunner;
import org.labelbench.ui.jobs.JobRunner;

/**
 * The services the workbench is built from, made once by the composition root
 * ({@link WorkbenchApp}) and handed down through constructors. Tests make their own, with
 * prompts that answer without native dialogs and a private data folder.
 */
public record WorkbenchServices(RecentProjects recentProjects, SampleProjects samples, Prompts prompts,
        Dialogs dialogs, JobRunner jobs, UiExecutors executors, AppTheme theme, ImportService imports)
        implements AutoCloseable {

    /** What the real app uses: native dialogs, the user's data folder, background threads. */
    public static WorkbenchServices standard() {
        return withPrompts(new NativePrompts());
    }

    /** The standard services with other prompts (tests answer file choosers themselves). */
    public static WorkbenchServices withPrompts(Prompts prompts) {
        return new WorkbenchServices(RecentProjects.standard(), SampleProjects.standard(), prompts, new Dialogs(),
                new FxJobRunner(), UiExecutors.background(), new AppTheme(UserFolders.data().resolve("theme.txt")),
                new ImportService());
    }

    @Override
    public void close() {
        if (jobs instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // shutting down: nothing to report to
            }
        }
        executors.close();
    }
}
