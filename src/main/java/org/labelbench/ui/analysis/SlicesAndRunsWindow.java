package org.labelbench.ui.analysis;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.labelbench.analysis.RunComparison;
import org.labelbench.analysis.SliceAudit;
import org.labelbench.ui.AppTheme;
import org.labelbench.ui.DisplayFormats;

/**
 * The "Slices and runs" window (non-modal, owned by the main window): a tab with the slice audit
 * of the run on screen, and a tab comparing it with another run. Built in code over a
 * {@link SlicesAndRunsModel}; every figure the model has not got reads "n/a" with its reason in
 * a tooltip. Double-clicking (or Ctrl+C on) an item key copies it.
 */
final class SlicesAndRunsWindow {
    private final SlicesAndRunsModel model;
    /** Held here: the tab's controls bind to it bidirectionally, which keeps only weak references. */
    private final PrecisionRecallModel precisionRecall;
    private final Stage stage = new Stage();

    SlicesAndRunsWindow(Window owner, SlicesAndRunsModel model) {
        this.model = model;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Slices and runs · " + model.run() + " · ground truth: " + model.truthName());
        precisionRecall = model.precisionRecall();
        TabPane tabs = new TabPane(sliceTab(), compareTab(), new PrecisionRecallTab(precisionRecall).tab());
        tabs.setId("slicesAndRunsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1000, 700);
        scene.getStylesheets().add(AppTheme.stylesheetUrl());
        org.labelbench.ui.TableColumnFit.install(scene);
        // Esc closes the window, as it closes a dialog; a handler, not a filter, so a control that
        // uses Esc itself (an open list, an edit) keeps it.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !event.isConsumed()) {
                event.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        model.closedProperty().addListener((observable, was, closed) -> {
            if (closed) {
                if (Platform.isFxApplicationThread()) {
                    stage.close();
                } else {
                    Platform.runLater(stage::close);
                }
            }
        });
    }

    void show() {
        stage.show();
        model.start();
    }

    void toFront() {
        stage.toFront();
        stage.requestFocus();
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    /** Whether this window shows {@code run} against the truth named {@code truthName}. */
    boolean shows(String run, String truthName) {
        return model.run().equals(run) && model.truthName().equals(truthName);
    }

    void close() {
        stage.close();
    }

    private Tab sliceTab() {
        TableView<SliceAudit.Slice> table = new TableView<>(model.slices());
        table.setId("sliceTable");
        table.getStyleClass().addAll("slice-table", "slices-runs-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No slices: the items have no attributes, or none has a ground truth"));
        table.getColumns().setAll(List.of(
                column("Attribute", "attribute-column", 140, false, SliceAudit.Slice::attribute, s -> null),
                column("Value", "value-column", 160, false, SliceAudit.Slice::value, s -> null),
                column("Items", "slice-items-column", 70, true, s -> DisplayFormats.count(s.items()),
                        s -> DisplayFormats.count(s.correct()) + " right"),
                column("Accuracy", "slice-accuracy-column", 85, true, s -> TagTableText.percent(s.accuracy()),
                        s -> TagTableText.reason(s.accuracy())),
                column("Rest", "rest-accuracy-column", 85, true, s -> TagTableText.percent(s.restAccuracy()),
                        s -> s.restAccuracy().isAvailable() ? "accuracy on the other " + DisplayFormats.count(
                                s.restItems(), "item", "items") : s.restAccuracy().unavailableReason()),
                column("z", "z-column", 70, true, s -> SlicesAndRunsModel.z(s.z()), s -> TagTableText.reason(s.z())),
                column("p (Holm)", "p-column", 85, true, s -> SlicesAndRunsModel.p(s.adjustedP()),
                        s -> s.adjustedP().isAvailable() ? "one-sided p " + SlicesAndRunsModel.p(s.p())
                                + ", Holm-adjusted over the slices tested" : s.adjustedP().unavailableReason()),
                column("", "flag-column", 150, false, SlicesAndRunsModel::flag,
                        s -> s.adjustedP().isAvailable() ? null : s.adjustedP().unavailableReason())));
        Label status = statusLabel("sliceStatus");
        status.textProperty().bind(model.sliceStatusProperty());
        VBox box = new VBox(8, status, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        Tab tab = new Tab("Slice audit", box);
        tab.setId("sliceAuditTab");
        return tab;
    }

    private Tab compareTab() {
        ChoiceBox<String> against = new ChoiceBox<>(model.otherRuns());
        against.setId("compareRunChoice");
        against.valueProperty().bindBidirectional(model.otherProperty());
        Label headline = statusLabel("comparisonLine");
        headline.setWrapText(true);
        headline.textProperty().bind(model.comparisonStatusProperty());
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(420);
        model.comparisonProperty().addListener((observable, was, now) -> {
            String detail = now == null ? null : SlicesAndRunsModel.headlineDetail(now.comparison());
            why.setText(detail == null ? "" : detail);
            headline.setTooltip(detail == null ? null : why);
        });
        Label compareLabel = new Label(model.run() + " vs");
        compareLabel.getStyleClass().add("form-label");
        HBox top = new HBox(8, compareLabel, against);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<SlicesAndRunsModel.ClassRow> classes = new TableView<>(model.classRows());
        classes.setId("classF1Table");
        classes.getStyleClass().add("slices-runs-table");
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        classes.setPlaceholder(new Label("No comparison"));
        TableColumn<SlicesAndRunsModel.ClassRow, SlicesAndRunsModel.ClassRow> secondF1 = column("", "f1-second-column",
                80, true, row -> SlicesAndRunsModel.f1(row.second()), row -> TagTableText.reason(row.second()));
        secondF1.textProperty().bind(Bindings.concat("F1 ", model.otherProperty()));
        classes.getColumns().setAll(List.of(
                column("Class", "class-column", 120, false, SlicesAndRunsModel.ClassRow::name, row -> null),
                column("Support", "support-column", 70, true, row -> DisplayFormats.count(row.support()), row -> null),
                column("F1 " + model.run(), "f1-first-column", 80, true, row -> SlicesAndRunsModel.f1(row.first()),
                        row -> TagTableText.reason(row.first())),
                secondF1,
                column("Difference", "f1-difference-column", 80, true,
                        row -> SlicesAndRunsModel.signedF1(row.difference()),
                        row -> row.difference().isAvailable() ? "second run's F1 minus the first's"
                                : row.difference().unavailableReason())));

        TableView<RunComparison.TagAccuracy> tags = new TableView<>(model.tagRows());
        tags.setId("tagAccuracyTable");
        tags.getStyleClass().add("slices-runs-table");
        tags.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tags.setPlaceholder(new Label("No tags"));
        TableColumn<RunComparison.TagAccuracy, RunComparison.TagAccuracy> secondAccuracy = column("",
                "tag-second-column", 80, true, t -> TagTableText.percent(t.second()), t -> TagTableText.reason(
                        t.second()));
        secondAccuracy.textProperty().bind(Bindings.concat("Accuracy ", model.otherProperty()));
        tags.getColumns().setAll(List.of(
                column("Tag", "compare-tag-column", 120, false, RunComparison.TagAccuracy::tag, t -> null),
                column("Items", "compare-tag-items-column", 60, true, t -> DisplayFormats.count(t.items()),
                        t -> null),
                column("Accuracy " + model.run(), "tag-first-column", 80, true, t -> TagTableText.percent(t.first()),
                        t -> TagTableText.reason(t.first())),
                secondAccuracy,
                column("Difference", "tag-difference-column", 80, true, t -> TagTableText.signedPercent(
                        SlicesAndRunsModel.ClassRow.difference(t.first(), t.second())), t -> TagTableText.reason(
                        SlicesAndRunsModel.ClassRow.difference(t.first(), t.second())))));

        ListView<String> onlyFirst = keyList("onlyFirstRightList");
        ListView<String> onlySecond = keyList("onlySecondRightList");
        model.comparisonProperty().addListener((observable, was, now) -> {
            onlyFirst.getItems().setAll(now == null ? List.of() : now.onlyFirstRight());
            onlySecond.getItems().setAll(now == null ? List.of() : now.onlySecondRight());
        });
        Label onlyFirstTitle = sectionTitle("ONLY " + model.run() + " RIGHT");
        Label onlySecondTitle = sectionTitle("");
        onlySecondTitle.textProperty().bind(Bindings.createStringBinding(() -> "ONLY " + (model.otherProperty().get()
                == null ? "" : model.otherProperty().get()) + " RIGHT", model.otherProperty()));
        Label keysHint = new Label("first " + SlicesAndRunsModel.EXAMPLES + " · double-click copies a key");
        keysHint.getStyleClass().addAll("text-muted", "text-small");
        VBox lists = new VBox(6, onlyFirstTitle, onlyFirst, onlySecondTitle, onlySecond, keysHint);
        VBox.setVgrow(onlyFirst, Priority.ALWAYS);
        VBox.setVgrow(onlySecond, Priority.ALWAYS);
        lists.setMinWidth(200);
        lists.setPrefWidth(240);

        VBox tables = new VBox(6, sectionTitle("PER-CLASS F1"), classes, sectionTitle("PER-TAG ACCURACY"), tags);
        VBox.setVgrow(classes, Priority.ALWAYS);
        VBox.setVgrow(tags, Priority.ALWAYS);
        SplitPane split = new SplitPane(tables, lists);
        split.setDividerPositions(0.74);
        VBox box = new VBox(8, top, headline, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        Tab tab = new Tab("Compare runs", box);
        tab.setId("compareRunsTab");
        return tab;
    }

    private static Label statusLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** Item keys; double-click or Ctrl+C copies the selected ones. */
    private static ListView<String> keyList(String id) {
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("none"));
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                copy(list);
            }
        });
        KeyCombination copy = KeyCombination.keyCombination("Shortcut+C");
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (copy.match(event) || event.getCode() == KeyCode.ENTER) {
                copy(list);
                event.consume();
            }
        });
        return list;
    }

    private static void copy(ListView<String> list) {
        List<String> keys = list.getSelectionModel().getSelectedItems();
        if (!keys.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", keys));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static <T> TableColumn<T, T> column(String title, String id, double width, boolean numeric,
            Function<T, String> text, Function<T, String> tooltip) {
        TableColumn<T, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        if (numeric) {
            column.getStyleClass().add("numeric");
        }
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new FigureCell<>(text, tooltip));
        return column;
    }

    /** A figure, "n/a" (muted) with its reason as the tooltip, or the red "significantly worse" flag. */
    private static final class FigureCell<T> extends TableCell<T, T> {
        private final Function<T, String> text;
        private final Function<T, String> tooltip;
        private final Tooltip tip = new Tooltip();

        FigureCell(Function<T, String> text, Function<T, String> tooltip) {
            this.text = text;
            this.tooltip = tooltip;
            tip.setWrapText(true);
            tip.setMaxWidth(420);
        }

        @Override
        protected void updateItem(T row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("unavailable", "flagged");
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String shown = text.apply(row);
            setText(shown);
            if (TagTableText.NOT_AVAILABLE.equals(shown) || "not tested".equals(shown)) {
                getStyleClass().add("unavailable");
            } else if (row instanceof SliceAudit.Slice slice && slice.flagged()
                    && shown.equals(SlicesAndRunsModel.flag(slice))) {
                getStyleClass().add("flagged");
            }
            String detail = tooltip.apply(row);
            if (detail == null) {
                setTooltip(null);
            } else {
                tip.setText(detail);
                setTooltip(tip);
            }
        }
    }
}
