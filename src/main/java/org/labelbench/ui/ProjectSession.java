package org.labelbench.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Parent;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.agreement.AgreementCatalog;
import org.labelbench.ui.analysis.AnalysisCatalog;
import org.labelbench.ui.analysis.AnalysisController;
import org.labelbench.ui.analysis.AnalysisViewModel;
import org.labelbench.ui.agreement.AgreementController;
import org.labelbench.ui.agreement.AgreementViewModel;
import org.labelbench.ui.datasets.DatasetsCatalog;
import org.labelbench.ui.datasets.DatasetsController;
import org.labelbench.ui.datasets.DatasetsViewModel;
import org.labelbench.ui.disagreements.DisagreementDialogs;
import org.labelbench.ui.disagreements.DisagreementsController;
import org.labelbench.ui.disagreements.DisagreementsViewModel;
import org.labelbench.ui.guidelines.GuidelineEditorController;
import org.labelbench.ui.guidelines.GuidelinesCatalog;
import org.labelbench.ui.guidelines.GuidelinesController;
import org.labelbench.ui.guidelines.GuidelinesViewModel;
import org.labelbench.ui.items.ItemsCatalog;
import org.labelbench.ui.items.ItemsController;
import org.labelbench.ui.items.ItemsViewModel;
import org.labelbench.ui.items.ThumbnailCache;
import org.labelbench.ui.label.LabelController;
import org.labelbench.ui.label.LabelDialogs;
import org.labelbench.ui.label.LabelScreenViewModel;
import org.labelbench.ui.label.Labeler;
import org.labelbench.ui.label.LabelerFile;
import org.labelbench.ui.label.LabelingController;
import org.labelbench.ui.label.QueueListController;
import org.labelbench.ui.model.ModelController;
import org.labelbench.ui.model.ModelViewModel;
import org.labelbench.ui.ladder.LadderCatalog;
import org.labelbench.ui.ladder.LadderController;
import org.labelbench.ui.ladder.LadderViewModel;
import org.labelbench.ui.preview.ItemPreviewController;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.schema.SchemaCatalog;
import org.labelbench.ui.schema.SchemaController;
import org.labelbench.ui.schema.SchemaViewModel;
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
    private final LabelScreenViewModel label;
    private final GuidelinesViewModel guidelines;
    private final SchemaViewModel schema;
    private final DisagreementsViewModel disagreements;
    private final AgreementViewModel agreement;
    private final AnalysisViewModel analysis;
    private final ModelViewModel model;
    private final LadderViewModel ladder;
    private final DatasetsViewModel datasets;
    private final FxmlView<ShellController> view;

    ProjectSession(ProjectStore store, ProjectOverview overview, WorkbenchServices services, Runnable closeProject) {
        this.store = store;
        this.executors = services.executors();
        MediaFiles media = new MediaFiles(store.directory());
        shell = new ShellViewModel(store, overview, services.imports(), services.jobs(), executors);
        items = new ItemsViewModel(new ItemsCatalog(store), media, executors);
        shell.setOnDataChanged(items::reload);
        ThumbnailCache thumbnails = new ThumbnailCache(media, THUMBNAILS_KEPT);
        label = new LabelScreenViewModel(store, media, executors, services.jobs(), LabelerFile.standard());
        guidelines = new GuidelinesViewModel(new GuidelinesCatalog(store), media, store.directory(),
                this::authorName, executors);
        schema = new SchemaViewModel(new SchemaCatalog(store), executors);
        schema.setOnSchemaChanged(items::reload);
        label.setOnLabelsChanged(items::reload);
        // The adjudicator is the Label page's labeler: one person per machine, asked once.
        disagreements = new DisagreementsViewModel(store, media, executors, label.labelerProperty(), label::setLabeler);
        disagreements.setOnLabelsChanged(items::reload);
        agreement = new AgreementViewModel(new AgreementCatalog(store), executors);
        analysis = new AnalysisViewModel(new AnalysisCatalog(store), media, executors, services.jobs(),
                this::authorName);
        model = new ModelViewModel(store, executors, services.jobs(), this::authorName);
        ladder = new LadderViewModel(new LadderCatalog(store), executors, services.jobs(), this::authorName);
        ladder.setOnLabelsChanged(items::reload);
        datasets = new DatasetsViewModel(new DatasetsCatalog(store), executors, services.jobs(), this::authorName);
        datasets.splits().setOnSplitChanged(items::reload);
        LabelDialogs labelDialogs = new LabelDialogs();
        ControllerFactory controllers = new ControllerFactory()
                .register(ShellController.class, () -> new ShellController(shell, services.prompts(),
                        services.dialogs(), services.theme(), closeProject))
                .register(ItemsController.class, () -> new ItemsController(items, thumbnails))
                .register(ItemPreviewController.class, () -> new ItemPreviewController(items.preview()))
                .register(LabelController.class, () -> new LabelController(label))
                .register(QueueListController.class, () -> new QueueListController(label, labelDialogs))
                .register(LabelingController.class, () -> new LabelingController(label, labelDialogs))
                .register(DisagreementsController.class, () -> new DisagreementsController(disagreements, labelDialogs,
                        new DisagreementDialogs(), services.dialogs()))
                .register(GuidelinesController.class, () -> new GuidelinesController(guidelines, thumbnails))
                .register(GuidelineEditorController.class, () -> new GuidelineEditorController(guidelines, thumbnails))
                .register(SchemaController.class, () -> new SchemaController(schema))
                .register(AgreementController.class, () -> new AgreementController(agreement))
                .register(AnalysisController.class, () -> new AnalysisController(analysis, thumbnails,
                        services.dialogs()))
                .register(ModelController.class, () -> new ModelController(model, services.dialogs()))
                .register(LadderController.class, () -> new LadderController(ladder, services.dialogs()))
                .register(DatasetsController.class, () -> new DatasetsController(datasets, services.dialogs()));
        view = FxmlView.load(SHELL_VIEW, controllers);
        agreement.setOnOpenDisagreements(view.controller()::showDisagreements);
        agreement.setOnOpenPairDisagreements((first, second) -> {
            disagreements.showPair(first, second);
            view.controller().showDisagreements();
        });
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

    /**
     * Who publishes guidelines, adds examples and tags from this workbench: the person signed in
     * on the Label page; the operating-system user (as on the CLI) only while no one is.
     */
    private String authorName() {
        Labeler who = label.labelerProperty().get();
        return who != null ? who.name() : System.getProperty("user.name", "unknown");
    }

    /**
     * Closes after the reads already queued, so none of them meets a closed store; a store that
     * cannot be closed (its last checkpoint failed) goes to {@code closeFailed} on the FX thread.
     */
    void close(Consumer<? super Throwable> closeFailed) {
        shell.cancelJob();
        items.dispose();
        label.dispose();
        disagreements.dispose();
        guidelines.dispose();
        agreement.dispose();
        analysis.dispose();
        model.dispose();
        ladder.dispose();
        datasets.dispose();
        BackgroundCall.of(store::close).onFailure(closeFailed).runOn(executors);
    }

    /** Closes now, on the calling thread: the app is exiting and the executors are going away. */
    void closeNow() {
        shell.cancelJob();
        items.dispose();
        label.dispose();
        disagreements.dispose();
        guidelines.dispose();
        agreement.dispose();
        analysis.dispose();
        model.dispose();
        ladder.dispose();
        datasets.dispose();
        store.close();
    }
}
