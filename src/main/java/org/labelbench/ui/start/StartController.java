package org.labelbench.ui.start;

import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.ui.dialogs.Prompts;

/** Binds the start screen to its view model; asks the prompts for files. */
public final class StartController {
    private final StartViewModel viewModel;
    private final Prompts prompts;

    @FXML
    private Pane root;
    @FXML
    private Pane content;
    @FXML
    private TextField nameField;
    @FXML
    private TextField classesField;
    @FXML
    private CheckBox multiLabelBox;
    @FXML
    private Label formErrorLabel;
    @FXML
    private ListView<Path> recentList;
    @FXML
    private FlowPane samplesPane;
    @FXML
    private Label samplesHint;
    @FXML
    private ProgressIndicator busyIndicator;

    public StartController(StartViewModel viewModel, Prompts prompts) {
        this.viewModel = viewModel;
        this.prompts = prompts;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(viewModel.projectNameProperty());
        classesField.textProperty().bindBidirectional(viewModel.classesProperty());
        multiLabelBox.selectedProperty().bindBidirectional(viewModel.multiLabelProperty());
        formErrorLabel.textProperty().bind(viewModel.formErrorProperty());
        formErrorLabel.visibleProperty().bind(viewModel.formErrorProperty().isNotEmpty());
        formErrorLabel.managedProperty().bind(formErrorLabel.visibleProperty());
        content.disableProperty().bind(viewModel.busyProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());

        recentList.setItems(viewModel.recentProjects());
        recentList.setCellFactory(list -> new RecentProjectCell());
        recentList.setPlaceholder(new Label("Projects you open appear here."));
        recentList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelectedRecent();
            }
        });
        recentList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelectedRecent();
                event.consume();
            }
        });

        for (String sample : viewModel.samples()) {
            Button button = new Button(sample, new FontIcon(Feather.BOX));
            button.setOnAction(event -> viewModel.openSample(sample));
            samplesPane.getChildren().add(button);
        }
        samplesHint.setText(StartViewModel.NO_SAMPLES_HINT);
        samplesHint.setVisible(viewModel.samples().isEmpty());
        samplesHint.setManaged(viewModel.samples().isEmpty());
    }

    @FXML
    private void createProject() {
        viewModel.validatedSettings().ifPresent(settings -> prompts.newProjectFile(window(),
                viewModel.suggestedFileName()).ifPresent(file -> viewModel.create(file, settings)));
    }

    @FXML
    private void openProject() {
        prompts.projectFile(window()).ifPresent(viewModel::open);
    }

    private void openSelectedRecent() {
        Path selected = recentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.open(selected);
        }
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    /** A recent project: its file name, and the folder it lives in below it. */
    private static final class RecentProjectCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            if (empty || path == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(path.getFileName().toString());
            name.getStyleClass().add("recent-name");
            Label folder = new Label(String.valueOf(path.getParent()));
            folder.getStyleClass().addAll("text-muted", "text-small");
            setGraphic(new VBox(2, name, folder));
            setText(null);
            setTooltip(new Tooltip(path.toString()));
        }
    }
}
