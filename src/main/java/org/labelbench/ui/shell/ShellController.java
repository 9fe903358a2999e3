package org.labelbench.ui.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.ingest.ImportSource;
import org.labelbench.ui.AppTheme;
import org.labelbench.ui.dialogs.Dialogs;
import org.labelbench.ui.dialogs.Prompts;

/** Binds the main window's toolbar, navigation, job area and status bar. */
public final class ShellController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private final ShellViewModel viewModel;
    private final Prompts prompts;
    private final Dialogs dialogs;
    private final AppTheme theme;
    private final Runnable closeProject;

    @FXML
    private BorderPane root;
    @FXML
    private Button importImagesButton;
    @FXML
    private Button importAudioButton;
    @FXML
    private Button importManifestButton;
    @FXML
    private javafx.scene.control.MenuButton importFromButton;
    @FXML
    private Button closeProjectButton;
    @FXML
    private ToggleButton themeToggle;
    @FXML
    private ToggleButton itemsNav;
    @FXML
    private ToggleButton labelNav;
    @FXML
    private ToggleButton agreementNav;
    @FXML
    private ToggleButton disagreementsNav;
    @FXML
    private ToggleButton guidelinesNav;
    @FXML
    private ToggleButton schemaNav;
    @FXML
    private ToggleButton analysisNav;
    @FXML
    private ToggleButton modelNav;
    @FXML
    private ToggleButton ladderNav;
    @FXML
    private ToggleButton datasetsNav;
    @FXML
    private Node itemsView;
    @FXML
    private Node labelView;
    @FXML
    private Node agreementView;
    @FXML
    private Node disagreementsView;
    @FXML
    private Node guidelinesView;
    @FXML
    private Node schemaView;
    @FXML
    private Node analysisView;
    @FXML
    private Node modelView;
    @FXML
    private Node ladderView;
    @FXML
    private Node datasetsView;
    @FXML
    private HBox jobBar;
    @FXML
    private ProgressBar jobProgress;
    @FXML
    private Label jobMessage;
    @FXML
    private HBox outcomeBar;
    @FXML
    private Label outcomeLabel;
    @FXML
    private Label reportDash;
    @FXML
    private Hyperlink showReportLink;
    @FXML
    private Label projectNameLabel;
    @FXML
    private Label itemCountsLabel;
    @FXML
    private Label schemaLabel;

    public ShellController(ShellViewModel viewModel, Prompts prompts, Dialogs dialogs, AppTheme theme,
            Runnable closeProject) {
        this.viewModel = viewModel;
        this.prompts = prompts;
        this.dialogs = dialogs;
        this.theme = theme;
        this.closeProject = closeProject;
    }

    @FXML
    private void initialize() {
        ToggleGroup navigation = new ToggleGroup();
        // Each navigation entry shows its view; the others are hidden (a view re-reads when it is shown).
        Map<Toggle, Node> pages = new LinkedHashMap<>();
        pages.put(itemsNav, itemsView);
        pages.put(labelNav, labelView);
        pages.put(agreementNav, agreementView);
        pages.put(disagreementsNav, disagreementsView);
        pages.put(guidelinesNav, guidelinesView);
        pages.put(schemaNav, schemaView);
        pages.put(analysisNav, analysisView);
        pages.put(modelNav, modelView);
        pages.put(ladderNav, ladderView);
        pages.put(datasetsNav, datasetsView);
        pages.keySet().forEach(toggle -> toggle.setToggleGroup(navigation));
        itemsNav.setSelected(true);
        // A hidden view leaves the layout: otherwise the widest view's minimum width would widen every
        // view beyond a small window.
        pages.values().forEach(page -> page.managedProperty().bind(page.visibleProperty()));
        pages.forEach((toggle, page) -> page.setVisible(toggle == itemsNav));
        // A navigation entry stays selected when clicked again, as in any sidebar.
        navigation.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                pages.forEach((toggle, page) -> page.setVisible(toggle == now));
            }
        });

        importImagesButton.disableProperty().bind(viewModel.jobRunningProperty());
        importAudioButton.disableProperty().bind(viewModel.jobRunningProperty());
        importManifestButton.disableProperty().bind(viewModel.jobRunningProperty());
        importFromButton.disableProperty().bind(viewModel.jobRunningProperty());
        closeProjectButton.disableProperty().bind(viewModel.jobRunningProperty());

        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        themeToggle.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(themeToggle.isSelected() ? Feather.SUN : Feather.MOON),
                themeToggle.selectedProperty()));
        themeToggle.setTooltip(new Tooltip("Switch between the light and the dark theme"));

        jobBar.visibleProperty().bind(viewModel.jobRunningProperty());
        jobBar.managedProperty().bind(jobBar.visibleProperty());
        jobProgress.progressProperty().bind(viewModel.jobProgressProperty());
        jobMessage.textProperty().bind(viewModel.jobMessageProperty());

        outcomeBar.visibleProperty().bind(viewModel.outcomeProperty().isNotEmpty()
                .and(viewModel.jobRunningProperty().not()));
        outcomeBar.managedProperty().bind(outcomeBar.visibleProperty());
        outcomeLabel.textProperty().bind(viewModel.outcomeProperty());
        viewModel.outcomeIsErrorProperty().addListener((observable, was, isError) ->
                outcomeLabel.pseudoClassStateChanged(ERROR, isError));
        showReportLink.visibleProperty().bind(viewModel.lastReportProperty().isNotNull());
        showReportLink.managedProperty().bind(showReportLink.visibleProperty());
        reportDash.visibleProperty().bind(showReportLink.visibleProperty());
        reportDash.managedProperty().bind(showReportLink.visibleProperty());

        projectNameLabel.textProperty().bind(viewModel.projectNameProperty());
        itemCountsLabel.textProperty().bind(viewModel.itemCountsProperty());
        schemaLabel.textProperty().bind(viewModel.schemaProperty());

        viewModel.setOnFilesSkipped(report -> dialogs.showImportReport(window(), report));
        viewModel.setOnJobFailed(message -> dialogs.showError(window(), "Import failed", message));
    }

    /** Opens the disagreement browser (the Agreement view's "Review disagreements"). */
    public void showDisagreements() {
        disagreementsNav.setSelected(true);
    }

    @FXML
    private void importImages() {
        startImport(ImportSource.IMAGES);
    }

    @FXML
    private void importAudio() {
        startImport(ImportSource.AUDIO);
    }

    @FXML
    private void importManifest() {
        startImport(ImportSource.MANIFEST);
    }

    @FXML
    private void importLabelStudio() {
        startImport(ImportSource.LABEL_STUDIO);
    }

    @FXML
    private void importDataset() {
        startImport(ImportSource.DATASET);
    }

    private void startImport(ImportSource source) {
        prompts.importRequest(window(), source).ifPresent(viewModel::startImport);
    }

    @FXML
    private void cancelJob() {
        viewModel.cancelJob();
    }

    @FXML
    private void showReport() {
        if (viewModel.lastReportProperty().get() != null) {
            dialogs.showImportReport(window(), viewModel.lastReportProperty().get());
        }
    }

    @FXML
    private void dismissOutcome() {
        viewModel.dismissOutcome();
    }

    @FXML
    private void closeProject() {
        closeProject.run();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
