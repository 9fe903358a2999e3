package org.labelbench.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Parent;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.items.ItemsCatalog;
import org.labelbench.ui.items.ItemsController;
import org.labelbench.ui.items.ItemsViewModel;
import org.labelbench.ui.items.ThumbnailCache;
import org.labelbench.ui.preview.ItemPreviewController;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.shell.ShellController;
import org.labelbench.ui.shell.ShellViewModel;

/**
 * One open project in the window: its store, the view models over it, and the main window's
 * views, wired here (the project-scoped half of the composition root). Closing it stops
 * playback, drops pending reads and closes the store.
 */
final class ProjectSession {
    static final String SHELL_VIEW = "/org/labelbench/ui/shell/ShellView.fxml";
    /** Thumbnails kept decoded: a few screens of the grid (at most ~40 MB of 112-pixel tiles). */
    private static final int THUMBNAILS_KEPT = 800;

    private final ProjectStore store;
    private final UiExecutors executors;
    private final ShellViewModel shell;
    private final ItemsViewModel items;
    private final FxmlView<ShellController> view;

    ProjectSession(ProjectStore store, ProjectOverview overview, WorkbenchServices services, Runnable closeProject) {
        this.store = store;
        this.executors = services.executors();
        MediaFiles media = new MediaFiles(store.directory());
        shell = new ShellViewModel(store, overview, services.imports(), services.jobs(), executors);
        items = new ItemsViewModel(new ItemsCatalog(store), media, executors);
        shell.setOnDataChanged(items::reload);
        ThumbnailCache thumbnails = new ThumbnailCache(media, THUMBNAILS_KEPT);
        ControllerFactory controllers = new ControllerFactory()
                .register(ShellController.class, () -> new ShellController(shell, services.prompts(),
                        services.dialogs(), services.theme(), closeProject))
                .register(ItemsController.class, () -> new ItemsController(items, thumbnails))
                .register(ItemPreviewController.class, () -> new ItemPreviewController(items.preview()));
        view = FxmlView.load(SHELL_VIEW, controllers);
        items.reload();
    }

    Parent root() {
        return view.root();
    }

    ReadOnlyStringProperty projectName() {
        return shell.projectNameProperty();
    }

    ProjectStore store() {
        return store;
    }

    /** Closes after the reads already queued, so none of them meets a closed store. */
    void close() {
        shell.cancelJob();
        items.dispose();
        executors.reads().execute(store::close);
    }

    /** Closes now, on the calling thread: the app is exiting and the executors are going away. */
    void closeNow() {
        shell.cancelJob();
        items.dispose();
        store.close();
    }
}
