package org.labelbench.ui.agreement;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.labelbench.agreement.AnnotatorAgreement;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.HumanLevelPerformance;

/** Binds the Agreement view: the headline cards, the four tables, the heat map and the guideline chart. */
public final class AgreementController {
    /** Rows are this tall, so a table can be sized to its rows instead of scrolling inside the page. */
    private static final double ROW_HEIGHT = 30;
    private static final double HEADER_HEIGHT = 42;

    private final AgreementViewModel viewModel;

    @FXML
    private BorderPane root;
    @FXML
    private javafx.scene.control.CheckBox includeSuggestionsBox;
    @FXML
    private Label agreementSummary;
    @FXML
    private ProgressBar intervalProgress;
    @FXML
    private Label intervalStatus;
    @FXML
    private Button cancelIntervalsButton;
    @FXML
    private Button reviewDisagreementsButton;
    @FXML
    private VBox loadingPane;
    @FXML
    private VBox messagePane;
    @FXML
    private Label agreementMessage;
    @FXML
    private ScrollPane agreementContent;
    @FXML
    private Label multiLabelNote;
    @FXML
    private javafx.scene.layout.Pane headlineCards;
    @FXML
    private FigureCard unitsCard;
    @FXML
    private FigureCard alphaCard;
    @FXML
    private FigureCard kappaCard;
    @FXML
    private FigureCard fleissCard;
    @FXML
    private FigureCard percentCard;
    @FXML
    private FigureCard hlpCard;
    @FXML
    private Label classTableTitle;
    @FXML
    private TableView<ClassRow> classTable;
    @FXML
    private Label classHlpNote;
    @FXML
    private VBox confusionPanel;
    @FXML
    private ConfusionHeatMap confusionMap;
    @FXML
    private Label confusionSummary;
    @FXML
    private Label confusionWeightNote;
    @FXML
    private VBox sideColumn;
    @FXML
    private TableView<AnnotatorAgreement> annotatorTable;
    @FXML
    private Label noGoldNote;
    @FXML
    private ChoiceBox<String> sliceChoice;
    @FXML
    private Label sliceMessage;
    @FXML
    private TableView<SliceRow> sliceTable;
    @FXML
    private LineChart<String, Number> guidelineChart;
    @FXML
    private TableView<VersionRow> versionTable;
    @FXML
    private Label versionNote;

    public AgreementController(AgreementViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        includeSuggestionsBox.selectedProperty().bindBidirectional(viewModel.includeSuggestionsProperty());
        bindState();
        bindHeader();
        bindCards();
        buildClassTable();
        buildAnnotatorTable();
        buildSliceTable();
        buildVersionTable();
        viewModel.coincidencesProperty().addListener((observable, was, now) -> showConfusion(now));
        showConfusion(viewModel.coincidencesProperty().get());
        confusionSummary.textProperty().bind(viewModel.confusionSummaryProperty());
        confusionWeightNote.textProperty().bind(viewModel.confusionWeightNoteProperty());
        showWhen(confusionWeightNote, viewModel.confusionWeightNoteProperty().isNotEmpty());
        // The figures are brought up to date each time the view is shown: labels may have come in meanwhile.
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.showing();
            }
        });
    }

    /** The shell hooks the browser in after the view is built: the cells are made clickable when drawn. */
    private void showConfusion(Coincidences coincidences) {
        confusionMap.setOnPairClicked(viewModel.opensPairs() ? viewModel::openDisagreements : null);
        confusionMap.show(coincidences);
    }

    private void bindState() {
        showWhen(loadingPane, Bindings.equal(viewModel.stateProperty(), AgreementViewModel.State.LOADING));
        showWhen(messagePane, Bindings.createBooleanBinding(() -> viewModel.stateProperty().get()
                == AgreementViewModel.State.NO_OVERLAP || viewModel.stateProperty().get()
                == AgreementViewModel.State.FAILED, viewModel.stateProperty()));
        showWhen(agreementContent, Bindings.equal(viewModel.stateProperty(), AgreementViewModel.State.READY));
        agreementMessage.textProperty().bind(viewModel.messageProperty());
        // A multi-label project has agreement per class only: one line says why the rest is not there.
        showWhen(multiLabelNote, viewModel.multiLabelProperty());
        multiLabelNote.setText(AgreementViewModel.MULTI_LABEL_NOTE);
        for (Node singleLabelOnly : List.of(headlineCards, confusionPanel, sideColumn)) {
            showWhen(singleLabelOnly, viewModel.multiLabelProperty().not());
        }
        showWhen(classHlpNote, viewModel.multiLabelProperty().not());
        classTableTitle.textProperty().bind(Bindings.when(viewModel.multiLabelProperty())
                .then("Per class: the \"has this class\" decision")
                .otherwise("Per class: each class against the rest"));
    }

    private void bindHeader() {
        agreementSummary.textProperty().bind(viewModel.summaryProperty());
        showWhen(intervalProgress, viewModel.intervalsRunningProperty().or(viewModel.updatingProperty()));
        intervalProgress.progressProperty().bind(Bindings.when(viewModel.updatingProperty()).then(-1.0)
                .otherwise(viewModel.intervalProgressProperty()));
        intervalStatus.textProperty().bind(Bindings.when(viewModel.updatingProperty()).then("Updating…")
                .otherwise(viewModel.intervalStatusProperty()));
        showWhen(cancelIntervalsButton, viewModel.intervalsRunningProperty());
        showWhen(reviewDisagreementsButton, viewModel.disagreementsHookedProperty());
        reviewDisagreementsButton.disableProperty().bind(viewModel.canOpenDisagreementsProperty().not());
    }

    private void bindCards() {
        bindCard(unitsCard, viewModel.unitsFigureProperty());
        bindCard(alphaCard, viewModel.alphaFigureProperty());
        bindCard(kappaCard, viewModel.kappaFigureProperty());
        bindCard(fleissCard, viewModel.fleissFigureProperty());
        bindCard(percentCard, viewModel.percentFigureProperty());
        bindCard(hlpCard, viewModel.hlpFigureProperty());
    }

    private static void bindCard(FigureCard card, ObservableValue<FigureText> figure) {
        figure.addListener((observable, was, now) -> card.show(now));
        card.show(figure.getValue());
    }

    private void buildClassTable() {
        TableColumn<ClassRow, Estimate> alpha = FigureColumns.estimate("α", "class-alpha-column", ClassRow::alpha, 60);
        alpha.setSortType(TableColumn.SortType.ASCENDING);
        // Mean kappa is the multi-label table's; one against the rest it says what alpha says.
        TableColumn<ClassRow, Estimate> kappa = FigureColumns.estimate("Mean κ", "class-kappa-column",
                ClassRow::meanKappa, 65);
        kappa.visibleProperty().bind(viewModel.multiLabelProperty());
        classTable.getColumns().setAll(List.of(
                FigureColumns.text("Class", "class-name-column", ClassRow::name, 90),
                alpha,
                FigureColumns.interval("α 95 % CI", "class-alpha-interval-column", ClassRow::alphaInterval,
                        ClassRow::intervals, 100),
                kappa,
                FigureColumns.estimate("HLP", "class-hlp-column", row -> row.hlp().hlp(), 60),
                FigureColumns.interval("HLP 95 % CI", "class-hlp-interval-column", row -> row.hlp().interval(),
                        ClassRow::intervals, 100),
                FigureColumns.count("Items", "class-items-column", row -> row.hlp().items(), 75,
                        AgreementController::hlpItems)));
        tip(classTable, "class-alpha-column", "Krippendorff's α (nominal) of \"this class or another\": the lowest is"
                + " the class whose definition needs work");
        tip(classTable, "class-hlp-column", "How often one person's label matches the reference on the items of this"
                + " class (the adjudicated label, else the most frequent one)");
        tip(classTable, "class-items-column", "The items HLP is measured on: of this class, with an adjudicated"
                + " label or two or more labels");
        sorted(classTable, viewModel.classRows(), 15);
        classTable.getSortOrder().setAll(List.of(alpha));
        classTable.setPlaceholder(new Label("No classes"));
    }

    private void buildAnnotatorTable() {
        TableColumn<AnnotatorAgreement, Estimate> gold = FigureColumns.estimate("vs gold", "annotator-gold-column",
                AnnotatorAgreement::accuracyAgainstGold, 70);
        TableColumn<AnnotatorAgreement, Number> goldItems = FigureColumns.count("Gold items",
                "annotator-gold-items-column", AnnotatorAgreement::goldItems, 75);
        // Before anything is adjudicated, the gold columns would only say so on every row: one line says it once.
        gold.visibleProperty().bind(viewModel.anyGoldProperty());
        goldItems.visibleProperty().bind(viewModel.anyGoldProperty());
        showWhen(noGoldNote, viewModel.anyGoldProperty().not());
        annotatorTable.getColumns().setAll(List.of(
                FigureColumns.text("Annotator", "annotator-name-column", AnnotatorAgreement::annotator, 90),
                FigureColumns.count("Shared items", "annotator-shared-column", AnnotatorAgreement::sharedItems, 90),
                FigureColumns.estimate("Agreement", "annotator-agreement-column",
                        AnnotatorAgreement::agreementWithOthers, 85),
                FigureColumns.estimate("Mean κ", "annotator-kappa-column", AnnotatorAgreement::meanKappaWithOthers,
                        70),
                gold, goldItems));
        tip(annotatorTable, "annotator-shared-column", "Items they labeled that another annotator labeled too");
        tip(annotatorTable, "annotator-agreement-column", "Per item they share, the share of the others' labels that"
                + " match theirs, averaged over items");
        tip(annotatorTable, "annotator-kappa-column", "Their mean Cohen's κ with each other annotator");
        tip(annotatorTable, "annotator-gold-column", "Accuracy against the adjudicated labels, on the items they"
                + " labeled");
        sorted(annotatorTable, viewModel.annotatorRows(), 8);
        // Weakest first, as the class table: the annotator who most needs a word is on top.
        annotatorTable.getColumns().stream().filter(column -> "annotator-agreement-column".equals(column.getId()))
                .findFirst().ifPresent(agreement -> {
                    agreement.setSortType(TableColumn.SortType.ASCENDING);
                    annotatorTable.getSortOrder().setAll(List.of(agreement));
                });
        annotatorTable.setPlaceholder(new Label("No annotators"));
    }

    private void buildSliceTable() {
        sliceChoice.setItems(viewModel.attributeNames());
        sliceChoice.valueProperty().bindBidirectional(viewModel.selectedAttributeProperty());
        sliceChoice.disableProperty().bind(Bindings.isEmpty(viewModel.attributeNames()));
        TableColumn<SliceRow, String> sliceName = FigureColumns.text("Value", "slice-name-column", SliceRow::name, 100);
        sliceName.setComparator(NaturalOrder.INSTANCE);
        sliceTable.getColumns().setAll(List.of(
                sliceName,
                FigureColumns.bar("HLP", "slice-hlp-column", row -> row.hlp().hlp(), row -> row.hlp().interval(), 135),
                FigureColumns.interval("95 % CI", "slice-interval-column", row -> row.hlp().interval(),
                        SliceRow::intervals, 105),
                FigureColumns.count("Items", "slice-items-column", row -> row.hlp().items(), 60,
                        row -> hlpItems(row.hlp()))));
        tip(sliceTable, "slice-hlp-column", "How often one person's label matches the reference (the adjudicated"
                + " label, else another person's), with its 95 % interval as a whisker");
        sorted(sliceTable, viewModel.sliceRows(), 12);
        Label slicePlaceholder = new Label();
        slicePlaceholder.textProperty().bind(Bindings.when(viewModel.slicesComputingProperty())
                .then("Computing HLP by slice…").otherwise("No items with two or more labels"));
        sliceTable.setPlaceholder(slicePlaceholder);
        sliceMessage.textProperty().bind(viewModel.sliceMessageProperty());
        showWhen(sliceMessage, viewModel.sliceMessageProperty().isNotEmpty());
        showWhen(sliceTable, viewModel.sliceMessageProperty().isEmpty());
    }

    private void buildVersionTable() {
        versionTable.getColumns().setAll(List.of(
                FigureColumns.text("Version", "version-name-column", VersionRow::version, 65),
                FigureColumns.count("Items", "version-items-column", VersionRow::units, 65),
                FigureColumns.estimate("α", "version-alpha-column", VersionRow::alpha, 60),
                FigureColumns.interval("α 95 % CI", "version-alpha-interval-column", VersionRow::alphaInterval,
                        VersionRow::intervals, 105),
                FigureColumns.estimate("HLP", "version-hlp-column", row -> row.hlp().hlp(), 60),
                FigureColumns.interval("HLP 95 % CI", "version-hlp-interval-column", row -> row.hlp().interval(),
                        VersionRow::intervals, 105)));
        tip(versionTable, "version-items-column", "Items with two or more labels, all made under this version");
        sorted(versionTable, viewModel.versionRows(), 6);
        versionTable.setPlaceholder(new Label("No labels"));
        viewModel.versionRows().addListener((ListChangeListener<VersionRow>) change ->
                GuidelineTrend.show(guidelineChart, viewModel.versionRows()));
        GuidelineTrend.show(guidelineChart, viewModel.versionRows());
        // The note explains "mixed" and "none" only when the table has them.
        showWhen(versionNote, Bindings.createBooleanBinding(() -> viewModel.versionRows().stream()
                .anyMatch(row -> !row.isVersion()), viewModel.versionRows()));
    }

    static String hlpItems(ClassRow row) {
        return hlpItems(row.hlp());
    }

    static String hlpItems(HumanLevelPerformance hlp) {
        return String.format(Locale.ROOT, "%,d against the adjudicated label, %,d between annotators",
                hlp.itemsWithGold(), hlp.itemsPairwise());
    }

    /** Sorted by the clicked column; as tall as its rows, up to {@code maxRows} (then it scrolls). */
    private static <R> void sorted(TableView<R> table, ObservableList<R> rows, int maxRows) {
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER_HEIGHT + ROW_HEIGHT * Math.max(1, Math.min(maxRows, rows.size())) + 4, rows));
        table.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** The column's header explains it on hover (a header label with a tooltip). */
    private static void tip(TableView<?> table, String columnId, String text) {
        table.getColumns().stream().filter(column -> columnId.equals(column.getId())).findFirst().ifPresent(column -> {
            Label header = new Label(column.getText());
            Tooltip tooltip = new Tooltip(text);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(360);
            header.setTooltip(tooltip);
            column.setGraphic(header);
            column.setText(null);
        });
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(condition.getValue()),
                condition));
        node.managedProperty().bind(node.visibleProperty());
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    @FXML
    private void cancelIntervals() {
        viewModel.cancelIntervals();
    }

    @FXML
    private void openDisagreements() {
        viewModel.openDisagreements();
    }
}
