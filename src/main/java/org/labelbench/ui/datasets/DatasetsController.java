package org.labelbench.ui.datasets;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.ui.dialogs.Dialogs;

/** Binds the Datasets view: the split form, report, chart and leakage, Freeze, and the page's job bar. */
public final class DatasetsController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    /** The chart's first bar: the whole project, against which each split's shares are read. */
    static final String WHOLE = "whole";

    private final DatasetsViewModel viewModel;
    private final SplitsViewModel splits;
    private final Dialogs dialogs;
    private List<String> tableSplits = List.of();
    private boolean reselecting;
    private String pendingSelection;
    private List<String> lastSelected = List.of();

    @FXML
    private BorderPane root;
    @FXML
    private ProgressIndicator datasetsSpinner;
    @FXML
    private HBox datasetsOutcomeBar;
    @FXML
    private Label datasetsOutcome;
    @FXML
    private HBox datasetsJobBar;
    @FXML
    private ProgressBar datasetsJobProgress;
    @FXML
    private Label datasetsJobMessage;
    @FXML
    private TextField ratiosField;
    @FXML
    private TextField namesField;
    @FXML
    private TextField splitSeedField;
    @FXML
    private ChoiceBox<String> stratifyChoice;
    @FXML
    private ChoiceBox<String> groupByChoice;
    @FXML
    private Button makeSplitButton;
    @FXML
    private Button freezeButton;
    @FXML
    private Label splitsMessage;
    @FXML
    private VBox splitReportBox;
    @FXML
    private Label ruleLine;
    @FXML
    private Label countsLine;
    @FXML
    private Label deviationLine;
    @FXML
    private StackedBarChart<String, Number> classChart;
    @FXML
    private CategoryAxis splitAxis;
    @FXML
    private TableView<ShareRow> shareTable;
    @FXML
    private FontIcon leakageIcon;
    @FXML
    private Label leakageLine;
    @FXML
    private Button checkLeakageButton;
    @FXML
    private Label nearLine;
    @FXML
    private HBox leakageJobBar;
    @FXML
    private ProgressBar leakageProgress;
    @FXML
    private Label leakageJobMessage;
    @FXML
    private ListView<String> nearPairsList;
    @FXML
    private javafx.scene.control.TabPane datasetsTabs;
    @FXML
    private javafx.scene.control.Tab versionsTab;
    @FXML
    private Button createVersionButton;
    @FXML
    private Button exportVersionButton;
    @FXML
    private Label versionsMessage;
    @FXML
    private TableView<DatasetVersion> datasetVersionTable;
    @FXML
    private Label versionTitle;
    @FXML
    private VBox versionDetails;
    @FXML
    private TableView<SplitClassRow> versionCounts;
    @FXML
    private javafx.scene.control.ScrollPane lineageScroll;
    @FXML
    private VBox versionDiff;
    @FXML
    private Label diffLine;
    @FXML
    private ChoiceBox<String> diffKindChoice;
    @FXML
    private TableView<DiffSlot> diffTable;
    private final LineageGraph lineageGraph = new LineageGraph();
    private List<String> countClasses = List.of();

    public DatasetsController(DatasetsViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.splits = viewModel.splits();
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        datasetsOutcome.textProperty().bind(viewModel.outcomeProperty());
        datasetsOutcomeBar.visibleProperty().bind(viewModel.outcomeProperty().isNotEmpty());
        datasetsOutcomeBar.managedProperty().bind(datasetsOutcomeBar.visibleProperty());
        datasetsJobBar.visibleProperty().bind(viewModel.job().runningProperty());
        datasetsJobBar.managedProperty().bind(datasetsJobBar.visibleProperty());
        datasetsJobProgress.progressProperty().bind(viewModel.job().progressProperty());
        datasetsJobMessage.textProperty().bind(viewModel.job().messageProperty());
        viewModel.setOnRefused((title, text) -> dialogs.showError(window(), title, text));

        bindSplits();
        bindVersions();

        // Shown again, the view re-reads: imports, labels and the split may have changed elsewhere.
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.reload();
            }
        });
    }

    private void bindSplits() {
        ratiosField.textProperty().bindBidirectional(splits.ratiosProperty());
        namesField.textProperty().bindBidirectional(splits.namesProperty());
        splitSeedField.textProperty().bindBidirectional(splits.seedProperty());
        ratiosField.setOnAction(event -> makeSplit());
        namesField.setOnAction(event -> makeSplit());
        splitSeedField.setOnAction(event -> makeSplit());
        stratifyChoice.setItems(splits.stratifyChoices());
        stratifyChoice.valueProperty().bindBidirectional(splits.stratifyProperty());
        groupByChoice.setItems(splits.groupChoices());
        groupByChoice.valueProperty().bindBidirectional(splits.groupByProperty());
        makeSplitButton.disableProperty().bind(viewModel.job().runningProperty()
                .or(splits.frozenProperty()));
        freezeButton.textProperty().bind(Bindings.when(splits.frozenProperty()).then("Unfreeze").otherwise("Freeze"));
        freezeButton.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                splits.frozenProperty().get() ? "fth-unlock" : "fth-lock"), splits.frozenProperty()));
        freezeButton.disableProperty().bind(splits.stateProperty().isNotEqualTo(SplitsViewModel.State.READY)
                .or(viewModel.job().runningProperty()));
        datasetsSpinner.visibleProperty().bind(splits.stateProperty().isEqualTo(SplitsViewModel.State.LOADING));

        splitsMessage.textProperty().bind(splits.messageProperty());
        splitsMessage.visibleProperty().bind(splits.messageProperty().isNotEmpty());
        splitsMessage.managedProperty().bind(splitsMessage.visibleProperty());
        splits.stateProperty().addListener((observable, was, state) ->
                splitsMessage.pseudoClassStateChanged(ERROR, state == SplitsViewModel.State.FAILED));
        splitReportBox.visibleProperty().bind(Bindings.isNotEmpty(splits.splitNames()));
        splitReportBox.managedProperty().bind(splitReportBox.visibleProperty());
        ruleLine.textProperty().bind(splits.ruleLineProperty());
        countsLine.textProperty().bind(splits.countsLineProperty());
        deviationLine.textProperty().bind(splits.deviationLineProperty());

        leakageLine.textProperty().bind(Bindings.createStringBinding(() -> switch (splits.leakageStateProperty().get()) {
            case CHECKING -> "Checking for identical content, groups and near-duplicates across the splits…";
            case NOT_CHECKED -> splits.leakageLineProperty().get().isEmpty() ? "Not checked yet"
                    : splits.leakageLineProperty().get();
            default -> splits.leakageLineProperty().get();
        }, splits.leakageStateProperty(), splits.leakageLineProperty()));
        splits.leakageStateProperty().addListener((observable, was, state) -> showLeakageState(state));
        showLeakageState(splits.leakageStateProperty().get());
        checkLeakageButton.disableProperty().bind(viewModel.job().runningProperty()
                .or(splits.leakageJob().runningProperty())
                .or(splits.stateProperty().isNotEqualTo(SplitsViewModel.State.READY)));
        leakageJobBar.visibleProperty().bind(splits.leakageJob().runningProperty());
        leakageJobBar.managedProperty().bind(leakageJobBar.visibleProperty());
        leakageProgress.progressProperty().bind(splits.leakageJob().progressProperty());
        leakageJobMessage.textProperty().bind(splits.leakageJob().messageProperty());
        nearLine.textProperty().bind(splits.nearLineProperty());
        nearLine.visibleProperty().bind(splits.nearLineProperty().isNotEmpty());
        nearLine.managedProperty().bind(nearLine.visibleProperty());
        nearPairsList.setItems(splits.nearPairs());
        nearPairsList.visibleProperty().bind(Bindings.isNotEmpty(splits.nearPairs()));
        nearPairsList.managedProperty().bind(nearPairsList.visibleProperty());

        splits.classRows().addListener((ListChangeListener<ShareRow>) change -> showReport());
        showReport();
    }

    private void bindVersions() {
        VersionsViewModel versions = viewModel.versions();
        createVersionButton.disableProperty().bind(viewModel.job().runningProperty());
        exportVersionButton.disableProperty().bind(viewModel.job().runningProperty()
                .or(versions.exportableProperty().isNull()));
        versionsMessage.textProperty().bind(versions.messageProperty());
        versionsMessage.visibleProperty().bind(versions.messageProperty().isNotEmpty());
        versionsMessage.managedProperty().bind(versionsMessage.visibleProperty());

        TableColumn<DatasetVersion, String> name = textColumn("Name", DatasetVersion::name);
        name.setId("version-name-column");
        TableColumn<DatasetVersion, String> created = textColumn("Created", v -> v.created().length() >= 16
                ? v.created().substring(0, 10) + " " + v.created().substring(11, 16) : v.created());
        TableColumn<DatasetVersion, String> items = textColumn("Items", v -> String.format(java.util.Locale.ROOT,
                "%,d", v.items()));
        TableColumn<DatasetVersion, String> hash = textColumn("Manifest", v -> v.manifestSha256().substring(0, 12));
        TableColumn<DatasetVersion, String> parent = textColumn("Parent", v -> v.parent() == null ? "–" : v.parent());
        datasetVersionTable.getColumns().setAll(List.of(name, created, items, hash, parent));
        datasetVersionTable.setItems(versions.versions());
        datasetVersionTable.setPlaceholder(new Label("No versions yet"));
        datasetVersionTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        datasetVersionTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<DatasetVersion>) change -> {
            if (!reselecting) {
                lastSelected = datasetVersionTable.getSelectionModel().getSelectedItems().stream().map(DatasetVersion::name)
                        .toList();
                versions.select(lastSelected);
            }
        });
        versions.versions().addListener((ListChangeListener<DatasetVersion>) change -> reselect());
        versions.setOnCreated(created1 -> pendingSelection = created1);

        versionTitle.textProperty().bind(versions.detailsTitleProperty());
        versionDetails.visibleProperty().bind(versions.shownProperty().isEqualTo(VersionsViewModel.Shown.DETAILS));
        versionDetails.managedProperty().bind(versionDetails.visibleProperty());
        versionDiff.visibleProperty().bind(versions.shownProperty().isEqualTo(VersionsViewModel.Shown.DIFF));
        versionDiff.managedProperty().bind(versionDiff.visibleProperty());
        lineageScroll.setContent(lineageGraph);
        versions.lineageProperty().addListener((observable, was, lineage) -> lineageGraph.show(lineage));
        versions.countRows().addListener((ListChangeListener<SplitClassRow>) change -> showCounts());

        diffLine.textProperty().bind(versions.diffLineProperty());
        diffKindChoice.getItems().setAll(VersionsViewModel.ALL_CHANGES, "relabeled", "moved", "added", "removed");
        diffKindChoice.setValue(VersionsViewModel.ALL_CHANGES);
        diffKindChoice.valueProperty().addListener((observable, was, kind) -> versions.showDiffKind(kind));
        TableColumn<DiffSlot, String> change = slotColumn("Change", DiffRow::change);
        change.setId("diff-change-column");
        diffTable.getColumns().setAll(List.of(change, slotColumn("Item", DiffRow::key),
                slotColumn("Before", DiffRow::before), slotColumn("After", DiffRow::after)));
        diffTable.setItems(versions.diffRows());
        versions.diffRows().addListener((ListChangeListener<DiffSlot>) rowsChanged -> refit());
        diffTable.setPlaceholder(new Label("No changes"));
        diffTable.setFixedCellSize(28);
    }

    /** After a re-read the selection is the same versions again, or the one just created. */
    private void reselect() {
        List<String> wanted = pendingSelection != null ? List.of(pendingSelection) : lastSelected;
        pendingSelection = null;
        reselecting = true;
        try {
            datasetVersionTable.getSelectionModel().clearSelection();
            for (int i = 0; i < datasetVersionTable.getItems().size(); i++) {
                if (wanted.contains(datasetVersionTable.getItems().get(i).name())) {
                    datasetVersionTable.getSelectionModel().select(i);
                }
            }
        } finally {
            reselecting = false;
        }
        lastSelected = datasetVersionTable.getSelectionModel().getSelectedItems().stream().map(DatasetVersion::name).toList();
        viewModel.versions().select(lastSelected);
    }

    private void showCounts() {
        VersionsViewModel versions = viewModel.versions();
        if (!versions.classes().equals(countClasses)) {
            countClasses = List.copyOf(versions.classes());
            List<TableColumn<SplitClassRow, ?>> columns = new java.util.ArrayList<>();
            TableColumn<SplitClassRow, String> split = textColumn("Split", SplitClassRow::split);
            split.setMinWidth(70);
            columns.add(split);
            for (int c = 0; c < countClasses.size(); c++) {
                int index = c;
                columns.add(textColumn(countClasses.get(c), row -> String.format(java.util.Locale.ROOT, "%,d",
                        row.perClass().get(index))));
            }
            columns.add(textColumn("Total", row -> String.format(java.util.Locale.ROOT, "%,d", row.total())));
            versionCounts.getColumns().setAll(columns);
        }
        versionCounts.getItems().setAll(versions.countRows());
        refit();
    }

    /**
     * Asks the window for a layout pass once the new rows are laid out: the scene's column fit then
     * widens the columns their texts need (a layout inside a scroll pane alone does not reach it).
     */
    private void refit() {
        javafx.application.Platform.runLater(root::requestLayout);
    }

    /** A column of the paged diff table: empty while the row's page is being read. */
    private static TableColumn<DiffSlot, String> slotColumn(String title,
            java.util.function.Function<DiffRow, String> text) {
        TableColumn<DiffSlot, String> column = textColumn(title, slot -> slot.row() == null ? "" : text.apply(slot.row()));
        column.setSortable(false); // the rows come in key order, a page at a time: a paged list is not re-sorted
        return column;
    }

    private static <R> TableColumn<R, String> textColumn(String title, java.util.function.Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setMinWidth(Math.max(50, title.length() * 9 + 24));
        return column;
    }

    @FXML
    private void createVersion() {
        if (createVersionButton.isDisabled()) {
            return;
        }
        VersionsViewModel versions = viewModel.versions();
        String suggested = "v" + (versions.versions().size() + 1);
        CreateVersionDialog.ask(window(), List.copyOf(versions.scopes()), suggested)
                .ifPresent(request -> versions.create(request.name(), request.note(), request.scope()));
    }

    @FXML
    private void exportVersion() {
        VersionsViewModel versions = viewModel.versions();
        String version = versions.exportableProperty().get();
        if (exportVersionButton.isDisabled() || version == null) {
            return;
        }
        ExportDialog.ask(window(), version, versions.suggestedExportFolder(version))
                .ifPresent(request -> versions.export(version, request));
    }

    private void showLeakageState(SplitsViewModel.LeakageState state) {
        leakageLine.pseudoClassStateChanged(ERROR, state == SplitsViewModel.LeakageState.ERRORS);
        leakageLine.pseudoClassStateChanged(WARNING, state == SplitsViewModel.LeakageState.WARNINGS);
        leakageIcon.setIconLiteral(switch (state) {
            case ERRORS -> "fth-alert-octagon";
            case WARNINGS -> "fth-alert-triangle";
            case CLEAN -> "fth-check-circle";
            default -> "fth-shield";
        });
    }

    /** The chart (one stacked bar per split and one for the whole, a segment per class) and the share table. */
    private void showReport() {
        List<String> names = List.copyOf(splits.splitNames());
        List<ShareRow> rows = List.copyOf(splits.classRows());
        List<String> categories = new java.util.ArrayList<>();
        categories.add(WHOLE);
        categories.addAll(names);
        // The axis keeps categories it saw once: set them before the data, or bars land out of order.
        splitAxis.getCategories().setAll(categories);
        List<XYChart.Series<String, Number>> series = new java.util.ArrayList<>();
        for (ShareRow row : rows) {
            XYChart.Series<String, Number> classSeries = new XYChart.Series<>();
            classSeries.setName(row.value());
            classSeries.getData().add(bar(WHOLE, row.whole(), row.value() + ": " + ShareRow.percent(row.whole())
                    + " of the whole (" + String.format(java.util.Locale.ROOT, "%,d", row.total()) + " items)"));
            for (int s = 0; s < names.size(); s++) {
                double share = Double.isNaN(row.shares()[s]) ? 0 : row.shares()[s];
                classSeries.getData().add(bar(names.get(s), share, row.value() + " in " + names.get(s) + ": "
                        + row.cell(s) + " against " + ShareRow.percent(row.whole()) + " of the whole"));
            }
            series.add(classSeries);
        }
        classChart.getData().setAll(series);

        // The same splits keep their columns (and the widths the table fit gave them).
        if (!names.equals(tableSplits)) {
            tableSplits = names;
            TableColumn<ShareRow, String> value = column("Class", row -> row.value());
            value.setId("share-class-column");
            TableColumn<ShareRow, String> whole = column("Whole", row -> ShareRow.percent(row.whole()) + " ("
                    + String.format(java.util.Locale.ROOT, "%,d", row.total()) + ")");
            List<TableColumn<ShareRow, ?>> columns = new java.util.ArrayList<>(List.of(value, whole));
            for (int s = 0; s < names.size(); s++) {
                int split = s;
                columns.add(column(names.get(s), row -> row.cell(split)));
            }
            columns.add(column("Deviation", row -> ShareRow.points(row.deviation())));
            shareTable.getColumns().setAll(columns);
        }
        shareTable.getItems().setAll(rows);
        refit();
    }

    private static XYChart.Data<String, Number> bar(String category, double share, String tip) {
        XYChart.Data<String, Number> data = new XYChart.Data<>(category, share * 100);
        data.nodeProperty().addListener((observable, was, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(tip));
            }
        });
        return data;
    }

    private static TableColumn<ShareRow, String> column(String title, java.util.function.Function<ShareRow, String> text) {
        TableColumn<ShareRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    @FXML
    private void makeSplit() {
        if (!makeSplitButton.isDisabled()) {
            splits.makeSplit();
        }
    }

    @FXML
    private void toggleFrozen() {
        splits.toggleFrozen();
    }

    @FXML
    private void checkLeakage() {
        splits.checkLeakage();
    }

    @FXML
    private void cancelLeakageCheck() {
        splits.cancelLeakageCheck();
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void dismissOutcome() {
        viewModel.dismissOutcome();
    }

    @FXML
    private void cancelJob() {
        viewModel.cancelJob();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
