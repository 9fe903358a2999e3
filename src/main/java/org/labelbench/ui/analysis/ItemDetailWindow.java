package org.labelbench.ui.analysis;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.labelbench.analysis.ItemProbabilities.ClassProbability;
import org.labelbench.ui.AppTheme;
import org.labelbench.ui.ControllerFactory;
import org.labelbench.ui.FxmlView;
import org.labelbench.ui.preview.ItemPreviewController;

/**
 * The large item view the error sheet opens on a double-click or Enter: the item preview (image
 * large, or the audio player) beside the labels, the ground truth, the prediction and the class
 * probabilities as bars. Escape closes it.
 */
final class ItemDetailWindow {
    private static final double BAR_WIDTH = 160;
    private final Stage stage = new Stage();
    private final ItemDetailModel model;

    ItemDetailWindow(Window owner, ItemDetailModel model) {
        this.model = model;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(model.key());
        FxmlView<ItemPreviewController> preview = FxmlView.load("/org/labelbench/ui/preview/ItemPreview.fxml",
                new ControllerFactory().register(ItemPreviewController.class,
                        () -> new ItemPreviewController(model.preview())));
        SplitPane split = new SplitPane(preview.root(), facts());
        split.setDividerPositions(0.62);
        split.setId("itemDetailView");
        Scene scene = new Scene(split, 1000, 680);
        scene.getStylesheets().add(AppTheme.stylesheetUrl());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
                event.consume();
            } else if (event.getCode() == KeyCode.SPACE && model.preview().hasAudio()) {
                model.preview().togglePlayback();
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(event -> model.dispose());
    }

    private Parent facts() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        row(grid, 0, "Ground truth", model.truthText(), "detailTruth");
        row(grid, 1, "Prediction", model.predictionText(), "detailPrediction");
        row(grid, 2, "Labels", model.labelsText(), "detailLabels");

        Label title = new Label("Class probabilities");
        title.getStyleClass().add("section-title");
        VBox bars = new VBox(4);
        bars.setId("detailProbabilities");
        model.probabilities().addListener((ListChangeListener<ClassProbability>) change -> showBars(bars));
        showBars(bars);
        Label note = new Label();
        note.setId("detailProbabilitiesNote");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.textProperty().bind(model.probabilitiesNoteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());

        VBox box = new VBox(12, grid, title, note, bars);
        box.setPadding(new Insets(14));
        box.setMinWidth(260);
        return box;
    }

    private static void row(GridPane grid, int index, String name, String value, String id) {
        Label label = new Label(name);
        label.getStyleClass().add("text-muted");
        Label text = new Label(value);
        text.setId(id);
        text.setWrapText(true);
        grid.addRow(index, label, text);
        GridPane.setHgrow(text, Priority.ALWAYS);
    }

    private void showBars(VBox bars) {
        bars.getChildren().clear();
        for (ClassProbability p : model.probabilities()) {
            Label name = new Label(p.className());
            name.setMinWidth(90);
            name.getStyleClass().add("probability-class");
            Region fill = new Region();
            fill.setStyle("-fx-background-color: -color-accent-emphasis; -fx-background-radius: 2;");
            double width = Math.max(1, BAR_WIDTH * Math.max(0, Math.min(1, p.probability())));
            fill.setMinSize(width, 12);
            fill.setMaxSize(width, 12);
            StackPane track = new StackPane(fill);
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            track.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 2;");
            track.setMinSize(BAR_WIDTH, 12);
            track.setMaxSize(BAR_WIDTH, 12);
            Label value = new Label(String.format(Locale.ROOT, "%.3f", p.probability()));
            value.getStyleClass().add("probability-value");
            HBox line = new HBox(8, name, track, value);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("probability-row");
            bars.getChildren().add(line);
        }
    }

    void show() {
        stage.show();
    }
}
