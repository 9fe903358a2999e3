package org.labelbench.ui.dialogs;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ui.DisplayFormats;

/** The full report of one import: counts, then skipped files and duplicates with reasons. */
final class ImportReportDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    ImportReportDialog(Window owner, ImportReport report) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE); // the user may keep it open beside the items it names
        dialog.setResizable(true);
        dialog.setTitle("Import report");
        dialog.setHeaderText("Imported " + DisplayFormats.count(report.added(), "item", "items") + " from "
                + report.source());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStyleClass().add("import-report");
        VBox content = new VBox(8, new Label(counts(report)));
        if (!report.skipped().isEmpty()) {
            content.getChildren().addAll(new Label("Skipped files"), table("skipped-files", report.skipped(),
                    column("File", ImportReport.Skipped::file, 320), column("Reason", ImportReport.Skipped::reason, 420)));
        }
        if (!report.duplicates().isEmpty()) {
            content.getChildren().addAll(new Label("Duplicates (same content as an item already in the project)"),
                    table("duplicate-files", report.duplicates(),
                            column("File", ImportReport.Duplicate::file, 320),
                            column("Same content as", ImportReport.Duplicate::duplicateOf, 420)));
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(820);
    }

    void show() {
        dialog.show();
    }

    private static String counts(ImportReport report) {
        return String.join(" · ", List.of(
                DisplayFormats.count(report.added()) + " added",
                DisplayFormats.count(report.alreadyPresent()) + " already present",
                DisplayFormats.count(report.duplicates().size()) + " duplicates",
                DisplayFormats.count(report.skipped().size()) + " skipped",
                DisplayFormats.count(report.labelsAdded()) + " labels",
                String.format(java.util.Locale.ROOT, "%.1f s", report.elapsedMillis() / 1000.0)));
    }

    @SafeVarargs
    private static <R> TableView<R> table(String id, List<R> rows, TableColumn<R, String>... columns) {
        TableView<R> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId(id);
        table.getColumns().addAll(List.of(columns));
        table.setPrefHeight(Math.min(360, 60 + 28 * rows.size()));
        return table;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
