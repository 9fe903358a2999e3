package org.labelbench.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.labelbench.ingest.ImportSource;
import org.labelbench.ui.Dialogs;
import org.labelbench.ui.FileChoosers;
import org.labelbench.ui.Theme;
import org.labelbench.ui.ViewLoader;
import org.labelbench.ui.items.ItemsController;

/** The main window: navigation, toolbar, the current view, the status bar and the job area. */
public final class ShellController {
    private final ShellViewModel viewModel;
    private final FileChoosers fileChoosers;
    private final Theme theme;
    private final Runnable onClose;
    private ItemsController itemsController;

    @FXML
    private BorderPane root;
    @FXML
    private Label statusLabel;
    @FXML
    private HBox jobBox;
    @FXML
    private ProgressBar jobProgress;
    @FXML
    private Label jobMessage;
    @FXML
    private Label outcomeLabel;
    @FXML
    private Hyperlink reportLink;
    @FXML
    private Button importImagesButton;
    @FXML
    private Button importAudioButton;
    @FXML
    private Button importManifestButton;

    public ShellController(ShellViewModel viewModel, FileChoosers fileChoosers, Theme theme, Runnable onClose) {
        this.viewModel = viewModel;
        this.fileChoosers = fileChoosers;
        this.theme = theme;
        this.onClose = onClose;
    }

    @FXML
    private void initialize() {
        ViewLoader.Loaded<ItemsController> items = ViewLoader.load("/org/labelbench/ui/items/ItemsView.fxml",
                ItemsController.class, () -> new ItemsController(viewModel.items()));
        itemsController = items.controller();
        root.setCenter(items.root());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        jobBox.visibleProperty().bind(viewModel.jobs().runningProperty());
        jobBox.managedProperty().bind(jobBox.visibleProperty());
        jobProgress.progressProperty().bind(viewModel.jobs().progressProperty());
        jobMessage.textProperty().bind(viewModel.jobs().messageProperty());
        outcomeLabel.textProperty().bind(viewModel.outcomeProperty());
        reportLink.visibleProperty().bind(viewModel.reportProperty().isNotEmpty()
                .and(viewModel.jobs().runningProperty().not()));
        reportLink.managedProperty().bind(reportLink.visibleProperty());
        for (Button button : new Button[] {importImagesButton, importAudioButton, importManifestButton}) {
            button.disableProperty().bind(viewModel.jobs().runningProperty());
        }
        viewModel.errorProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                Dialogs.error(root.getScene().getWindow(), "Import failed", message);
                viewModel.errorProperty().set("");
            }
        });
        viewModel.reportProperty().addListener((obs, old, text) -> {
            if (text != null && !text.isEmpty()) {
                showReport();
            }
        });
    }

    @FXML
    private void importImages() {
        fileChoosers.folder(root.getScene().getWindow(), "Import a folder of images")
                .ifPresent(path -> viewModel.startImport(ImportSource.IMAGES, path));
    }

    @FXML
    private void importAudio() {
        fileChoosers.folder(root.getScene().getWindow(), "Import a folder of audio")
                .ifPresent(path -> viewModel.startImport(ImportSource.AUDIO, path));
    }

    @FXML
    private void importManifest() {
        fileChoosers.manifest(root.getScene().getWindow())
                .ifPresent(path -> viewModel.startImport(ImportSource.MANIFEST, path));
    }

    @FXML
    private void cancelJob() {
        viewModel.cancelJob();
    }

    @FXML
    private void showReport() {
        Dialogs.details(root.getScene().getWindow(), viewModel.outcomeProperty().get()
                + ". Files not imported, and why:", viewModel.reportProperty().get());
    }

    @FXML
    private void toggleTheme() {
        theme.toggle();
    }

    @FXML
    private void closeProject() {
        onClose.run();
    }

    public ItemsController items() {
        return itemsController;
    }

    public void dispose() {
        viewModel.dispose();
        itemsController.dispose();
    }
}
