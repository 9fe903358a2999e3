package org.labelbench.ui.start;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.Dialogs;
import org.labelbench.ui.FileChoosers;

/** Binds the start screen to its view model; opening a project hands the store to the shell. */
public final class StartController {
    private final StartViewModel viewModel;
    private final FileChoosers fileChoosers;
    private final Consumer<ProjectStore> onOpened;

    @FXML
    private TextField nameField;
    @FXML
    private TextField classesField;
    @FXML
    private CheckBox multiLabelCheck;
    @FXML
    private Label errorLabel;
    @FXML
    private ListView<Path> recentList;
    @FXML
    private VBox samplesBox;

    public StartController(StartViewModel viewModel, FileChoosers fileChoosers, Consumer<ProjectStore> onOpened) {
        this.viewModel = viewModel;
        this.fileChoosers = fileChoosers;
        this.onOpened = onOpened;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        classesField.textProperty().bindBidirectional(viewModel.classesProperty());
        multiLabelCheck.selectedProperty().bindBidirectional(viewModel.multiLabelProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        recentList.setItems(viewModel.recentProjects());
        recentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path path, boolean empty) {
                super.updateItem(path, empty);
                setText(empty || path == null ? null : path.getFileName() + "   —   " + path.getParent());
            }
        });
        recentList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelectedRecent();
            }
        });
        recentList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelectedRecent();
            }
        });
        for (String sample : viewModel.sampleNames()) {
            Button button = new Button("Open sample: " + sample);
            button.setId("sample-" + sample);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> viewModel.openSample(sample).ifPresentOrElse(onOpened, this::showError));
            samplesBox.getChildren().add(button);
        }
        if (viewModel.sampleNames().isEmpty()) {
            samplesBox.getChildren().add(new Label("No samples found. Build them with sample-projects/build-samples.sh."));
        }
    }

    @FXML
    private void createProject() {
        if (!viewModel.validateForm()) {
            return;
        }
        fileChoosers.newProjectFile(nameField.getScene().getWindow(), viewModel.suggestedFileName())
                .flatMap(viewModel::create).ifPresent(onOpened);
    }

    @FXML
    private void openProject() {
        fileChoosers.existingProject(nameField.getScene().getWindow()).flatMap(viewModel::open)
                .ifPresentOrElse(onOpened, this::showError);
    }

    private void openSelectedRecent() {
        Path selected = recentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.open(selected).ifPresentOrElse(onOpened, this::showError);
        }
    }

    private void showError() {
        if (!viewModel.errorProperty().get().isEmpty()) {
            Dialogs.error(nameField.getScene().getWindow(), "Cannot open the project", viewModel.errorProperty().get());
        }
    }
}
