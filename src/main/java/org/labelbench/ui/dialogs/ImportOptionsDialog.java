package org.labelbench.ui.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;

/** The options of one import (the CLI's --labels-from-folders, --copy, --prefix), asked after the choice. */
final class ImportOptionsDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final CheckBox labelsFromFolders = new CheckBox("Take labels from sub-folder names (ImageFolder layout)");
    private final CheckBox copy = new CheckBox("Copy the files into the project's media folder");
    private final TextField prefix = new TextField();
    private final ImportSource source;
    private final Path path;

    ImportOptionsDialog(Window owner, ImportSource source, Path path) {
        this.source = source;
        this.path = path;
        dialog.initOwner(owner);
        dialog.setTitle("Import");
        dialog.setHeaderText("Import " + path);
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        prefix.setPromptText("Key prefix (optional), e.g. batch2/");
        VBox content = new VBox(10);
        content.setPadding(new Insets(8, 0, 0, 0));
        if (source != ImportSource.MANIFEST) {
            content.getChildren().add(labelsFromFolders);
        }
        content.getChildren().addAll(copy, new Label("Key prefix"), prefix);
        dialog.getDialogPane().setContent(content);
    }

    Optional<ImportRequest> ask() {
        return dialog.showAndWait().filter(button -> button.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(button -> ImportRequest.of(source, path).withCopy(copy.isSelected())
                        .withLabelsFromFolders(labelsFromFolders.isSelected()).withKeyPrefix(prefix.getText().strip()));
    }
}
