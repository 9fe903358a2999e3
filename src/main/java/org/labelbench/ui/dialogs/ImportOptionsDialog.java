package org.labelbench.ui.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;

/**
 * The options of one import (the CLI's --labels-from-folders, --copy, --prefix, and for a Label
 * Studio export --media-root), asked after the choice.
 */
final class ImportOptionsDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final CheckBox labelsFromFolders = new CheckBox("Take labels from sub-folder names (ImageFolder layout)");
    private final CheckBox copy = new CheckBox("Copy the files into the project's media folder");
    private final TextField prefix = new TextField();
    private final TextField mediaRoot = new TextField();
    private final ImportSource source;
    private final Path path;

    ImportOptionsDialog(Window owner, ImportSource source, Path path) {
        this.source = source;
        this.path = path;
        dialog.initOwner(owner);
        dialog.setTitle("Import");
        dialog.setHeaderText(switch (source) {
            case LABEL_STUDIO -> "Import the Label Studio export " + path;
            case DATASET -> "Import the Labelbench export " + path;
            default -> "Import " + path;
        });
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        prefix.setPromptText("Key prefix (optional), e.g. batch2/");
        VBox content = new VBox(10);
        content.setPadding(new Insets(8, 0, 0, 0));
        if (source == ImportSource.IMAGES || source == ImportSource.AUDIO) {
            content.getChildren().add(labelsFromFolders);
        }
        content.getChildren().addAll(copy, new Label("Key prefix"), prefix);
        if (source == ImportSource.LABEL_STUDIO) {
            // Label Studio writes /data/upload/... and /data/local-files/?d=... paths of its own machine.
            mediaRoot.setId("labelStudioMediaRootField");
            mediaRoot.setPromptText("Where the export's media are (optional): Label Studio's media folder");
            mediaRoot.setText(path.toAbsolutePath().getParent() == null ? "" : path.toAbsolutePath().getParent()
                    .toString());
            Button choose = new Button("Choose…");
            choose.setMinWidth(Region.USE_PREF_SIZE);
            choose.setOnAction(event -> chooseMediaRoot());
            HBox row = new HBox(6, mediaRoot, choose);
            HBox.setHgrow(mediaRoot, Priority.ALWAYS);
            content.getChildren().addAll(new Label("Media root"), row);
        }
        dialog.getDialogPane().setContent(content);
    }

    Optional<ImportRequest> ask() {
        return dialog.showAndWait().filter(button -> button.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(button -> ImportRequest.of(source, path).withCopy(copy.isSelected())
                        .withLabelsFromFolders(labelsFromFolders.isSelected()).withKeyPrefix(prefix.getText().strip())
                        .withMediaRoot(source == ImportSource.LABEL_STUDIO && !mediaRoot.getText().isBlank()
                                ? Path.of(mediaRoot.getText().strip()) : null));
    }

    private void chooseMediaRoot() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("The Label Studio export's media folder");
        Path typed = mediaRoot.getText().isBlank() ? null : Path.of(mediaRoot.getText().strip());
        if (typed != null && Files.isDirectory(typed)) {
            chooser.setInitialDirectory(typed.toFile());
        }
        File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) {
            mediaRoot.setText(chosen.getPath());
        }
    }
}
