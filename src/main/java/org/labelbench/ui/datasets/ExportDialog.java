package org.labelbench.ui.datasets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.labelbench.dataset.export.ExportFormat;
import org.labelbench.dataset.export.MediaMode;

/**
 * Asks how to export one version, with the command line's choices: the format, the folder (typed
 * or chosen), the media (paths, copies, hard links), pseudonyms for annotators, and whether a
 * non-empty folder is replaced. Export is the default button once a folder is given.
 */
final class ExportDialog {
    /** What the user asked for. */
    /** The checkbox that replaces a folder that is not empty; refusals name it. */
    static final String REPLACE = "Replace the folder if it is not empty (once the new export succeeded)";

    record Request(ExportFormat format, Path out, MediaMode media, boolean pseudonymize, boolean force) {
    }

    private ExportDialog() {
    }

    static Optional<Request> ask(Window owner, String version, Path suggestedFolder) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Export version");
        dialog.setHeaderText("Export version " + version + ": its items, labels and splits in a layout your tools"
                + " read, with its manifest and a README card.");
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("export-dialog");
        dialog.getDialogPane().setPrefWidth(680);

        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("exportFormatChoice");
        format.getItems().setAll(ExportFormat.values());
        format.setConverter(new Named<>(ExportDialog::describe));
        format.setValue(ExportFormat.CSV);
        TextField out = new TextField(suggestedFolder == null ? "" : suggestedFolder.toString());
        out.setId("exportFolderField");
        out.setPrefColumnCount(30);
        Button choose = new Button("Choose…");
        choose.setId("exportChooseFolderButton");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(event -> chooseFolder(dialog.getDialogPane().getScene().getWindow(), out));
        HBox folder = new HBox(6, out, choose);
        HBox.setHgrow(out, Priority.ALWAYS);
        ChoiceBox<MediaMode> media = new ChoiceBox<>();
        media.setId("exportMediaChoice");
        media.getItems().setAll(MediaMode.values());
        media.setConverter(new Named<>(ExportDialog::describe));
        media.setValue(MediaMode.PATHS);
        // imagefolder and hf are made of the files themselves: offer copies rather than a refusal
        format.valueProperty().addListener((observable, was, now) -> {
            if (now != null && now.needsMedia() && media.getValue() == MediaMode.PATHS) {
                media.setValue(MediaMode.COPY);
            }
        });
        CheckBox pseudonymize = new CheckBox("Pseudonymize annotators (annotator-<hash>, the project's own key)");
        pseudonymize.setId("exportPseudonymizeBox");
        CheckBox force = new CheckBox(REPLACE);
        force.setId("exportForceBox");
        for (CheckBox box : new CheckBox[] {pseudonymize, force}) {
            box.setWrapText(true);
            box.setMinHeight(Region.USE_PREF_SIZE);
        }

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, formLabel("Format"), format);
        form.addRow(1, formLabel("Folder"), folder);
        form.addRow(2, formLabel("Media"), media);
        form.add(pseudonymize, 1, 3);
        form.add(force, 1, 4);
        GridPane.setHgrow(folder, Priority.ALWAYS);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(export).disableProperty().bind(out.textProperty().isEmpty());
        Platform.runLater(format::requestFocus);
        return dialog.showAndWait().filter(export::equals).map(pressed -> new Request(format.getValue(),
                Path.of(out.getText().strip()), media.getValue(), pseudonymize.isSelected(), force.isSelected()));
    }

    /** A form label that keeps its whole word: the grid gives the field the room, never the label. */
    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void chooseFolder(Window owner, TextField out) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export into");
        Path typed = out.getText().isBlank() ? null : Path.of(out.getText().strip());
        Path start = typed == null ? null : Files.isDirectory(typed) ? typed : typed.getParent();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            out.setText(chosen.getPath());
        }
    }

    static String describe(ExportFormat format) {
        return switch (format) {
            case CSV -> "csv: one row per item";
            case JSONL -> "jsonl: one object per item";
            case IMAGEFOLDER -> "imagefolder: split/class/file";
            case HF -> "hf: Hugging Face imagefolder/audiofolder";
            case LABELSTUDIO -> "labelstudio: tasks Label Studio imports";
            case COCO -> "coco: images and categories";
        };
    }

    static String describe(MediaMode media) {
        return switch (media) {
            case PATHS -> "paths: the project's files, not copied";
            case COPY -> "copy the files into the export";
            case LINK -> "hard-link the files (copied where refused)";
        };
    }

    /** Shows each choice by its description; nothing is typed into a choice box, so no parsing back. */
    private static final class Named<T> extends StringConverter<T> {
        private final java.util.function.Function<T, String> text;

        Named(java.util.function.Function<T, String> text) {
            this.text = text;
        }

        @Override
        public String toString(T value) {
            return value == null ? "" : text.apply(value);
        }

        @Override
        public T fromString(String string) {
            throw new UnsupportedOperationException("a choice box is not edited");
        }
    }
}
