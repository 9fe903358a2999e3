package org.labelbench.ui.ladder;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.labelbench.analysis.AutomationLadder;
import org.labelbench.analysis.CoverageCurve;
import org.labelbench.ui.dialogs.Dialogs;

/** Binds the Ladder view: run, slice and target choices, the rung cards, the chart and Apply. */
public final class LadderController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final List<PseudoClass> STANDINGS = List.of(PseudoClass.getPseudoClass("met"),
            PseudoClass.getPseudoClass("not-met"), PseudoClass.getPseudoClass("no-data"));

    private final LadderViewModel viewModel;
    private final Dialogs dialogs;

    @FXML
    private BorderPane root;
    @FXML
    private Label ladderSummary;
    @FXML
    private javafx.scene.control.ProgressIndicator loadingSpinner;
    @FXML
    private ChoiceBox<String> ladderRunChoice;
    @FXML
    private ChoiceBox<String> ladderSliceChoice;
    @FXML
    private TextField targetField;
    @FXML
    private Label targetError;
    @FXML
    private Label ladderMessage;
    @FXML
    private HBox ladderPanes;
    @FXML
    private VBox rungBox;
    @FXML
    private LineChart<Number, Number> coverageChart;
    @FXML
    private NumberAxis accuracyAxis;
    @FXML
    private TextField queueField;
    @FXML
    private Button applyButton;
    @FXML
    private Label applySummary;
    @FXML
    private HBox applyJobBar;
    @FXML
    private ProgressBar applyProgress;
    @FXML
    private Label applyMessage;
    @FXML
    private HBox applyOutcomeBar;
    @FXML
    private Label applyOutcome;

    public LadderController(LadderViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        ladderRunChoice.setItems(viewModel.runs());
        ladderRunChoice.valueProperty().bindBidirectional(viewModel.runProperty());
        ladderSliceChoice.setItems(viewModel.slices());
        ladderSliceChoice.valueProperty().bindBidirectional(viewModel.sliceProperty());
        targetField.textProperty().bindBidirectional(viewModel.targetTextProperty());
        queueField.textProperty().bindBidirectional(viewModel.queueNameProperty());
        ladderRunChoice.valueProperty().addListener((observable, was, run) ->
                queueField.setPromptText(run == null ? "" : org.labelbench.analysis.AutoLabeling.defaultQueue(run)));
        targetError.textProperty().bind(viewModel.targetErrorProperty());
        showWhenNotEmpty(targetError);
        ladderSummary.textProperty().bind(viewModel.summaryProperty());
        loadingSpinner.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LadderViewModel.State.LOADING));
        ladderMessage.textProperty().bind(viewModel.messageProperty());
        showWhenNotEmpty(ladderMessage);
        viewModel.stateProperty().addListener((observable, was, state) ->
                ladderMessage.pseudoClassStateChanged(ERROR, state == LadderViewModel.State.FAILED));
        ladderPanes.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LadderViewModel.State.READY)
                .or(viewModel.stateProperty().isEqualTo(LadderViewModel.State.LOADING).and(
                        javafx.beans.binding.Bindings.isNotEmpty(viewModel.rungs()))));
        ladderPanes.managedProperty().bind(ladderPanes.visibleProperty());

        viewModel.rungs().addListener((ListChangeListener<RungRow>) change -> showRungs());
        viewModel.curve().addListener((ListChangeListener<CoverageCurve.Point>) change -> showCurve());
        viewModel.chosenProperty().addListener((observable, was, now) -> showCurve());
        viewModel.targetProperty().addListener((observable, was, now) -> showCurve());

        applyButton.disableProperty().bind(viewModel.canApplyProperty().not()
                .or(viewModel.job().runningProperty()));
        applySummary.textProperty().bind(viewModel.applySummaryProperty());
        applyJobBar.visibleProperty().bind(viewModel.job().runningProperty());
        applyJobBar.managedProperty().bind(applyJobBar.visibleProperty());
        applyProgress.progressProperty().bind(viewModel.job().progressProperty());
        applyMessage.textProperty().bind(viewModel.job().messageProperty());
        applyOutcome.textProperty().bind(viewModel.outcomeProperty());
        applyOutcomeBar.visibleProperty().bind(viewModel.outcomeProperty().isNotEmpty()
                .and(viewModel.job().runningProperty().not()));
        applyOutcomeBar.managedProperty().bind(applyOutcomeBar.visibleProperty());
        viewModel.outcomeIsErrorProperty().addListener((observable, was, isError) ->
                applyOutcome.pseudoClassStateChanged(ERROR, isError));
        viewModel.setOnApplyFailed(text -> dialogs.showError(window(), "Apply failed", text));

        // Shown again, the view re-reads: labels, runs and suggestions may have changed elsewhere.
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.reload();
            }
        });
        showRungs();
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** One card per rung: step and name, standing badge, figures, verdict. */
    private void showRungs() {
        rungBox.getChildren().clear();
        for (RungRow rung : viewModel.rungs()) {
            Label name = new Label(rung.step() + ". " + rung.name());
            name.getStyleClass().add("rung-name");
            Label badge = new Label(rung.badge());
            badge.getStyleClass().add("rung-badge");
            badge.pseudoClassStateChanged(STANDINGS.get(rung.standing().ordinal()), true);
            HBox heading = new HBox(8, name, badge);
            heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            Label figures = new Label(rung.figures());
            figures.getStyleClass().add("rung-figures");
            figures.setWrapText(true);
            Label verdict = new Label(rung.verdict());
            verdict.getStyleClass().add("rung-verdict");
            verdict.setWrapText(true);
            verdict.setMinHeight(Region.USE_PREF_SIZE);
            VBox card = new VBox(heading, figures, verdict);
            card.getStyleClass().add("rung-card");
            card.setId("rung-" + rung.id());
            rungBox.getChildren().add(card);
        }
    }

    /** The curve, the target as a level line, and the chosen threshold as one marked point. */
    private void showCurve() {
        XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
        accuracy.setName("accuracy");
        double lowest = 1;
        for (CoverageCurve.Point point : viewModel.curve()) {
            accuracy.getData().add(new XYChart.Data<>(point.coverage(), point.accuracy()));
            lowest = Math.min(lowest, point.accuracy());
        }
        List<XYChart.Series<Number, Number>> series = new java.util.ArrayList<>(List.of(accuracy));
        Double target = viewModel.targetProperty().get();
        if (target != null) {
            XYChart.Series<Number, Number> level = new XYChart.Series<>();
            level.setName("target " + AutomationLadder.percent(target));
            level.getData().add(new XYChart.Data<>(0, target));
            level.getData().add(new XYChart.Data<>(1, target));
            series.add(level);
            lowest = Math.min(lowest, target);
        }
        CoverageCurve.Point chosen = viewModel.chosenProperty().get();
        if (chosen != null) {
            XYChart.Series<Number, Number> marked = new XYChart.Series<>();
            marked.setName("threshold " + AutomationLadder.number(chosen.threshold()));
            XYChart.Data<Number, Number> point = new XYChart.Data<>(chosen.coverage(), chosen.accuracy());
            Region marker = new Region();
            marker.getStyleClass().add("threshold-marker");
            Tooltip.install(marker, new Tooltip("confidence ≥ " + AutomationLadder.number(chosen.threshold()) + ": "
                    + AutomationLadder.percent(chosen.coverage()) + " coverage, "
                    + AutomationLadder.percent(chosen.accuracy()) + " accuracy"));
            point.setNode(marker);
            marked.getData().add(point);
            series.add(marked);
        }
        // Zoom the accuracy axis onto the curve: the interesting part is near the top.
        accuracyAxis.setLowerBound(Math.max(0, Math.floor((lowest - 0.05) * 10) / 10));
        coverageChart.getData().setAll(series);
    }

    @FXML
    private void measure() {
        viewModel.applyTarget();
    }

    @FXML
    private void refresh() {
        viewModel.reload();
    }

    /** Writing auto labels is never undone by a click: ask first, saying how many and where the rest goes. */
    @FXML
    private void apply() {
        if (applyButton.isDisabled()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, viewModel.applyQuestion(), ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setTitle("Apply partial automation");
        confirm.setHeaderText("Apply partial automation?");
        confirm.getDialogPane().getStyleClass().add("apply-confirmation");
        confirm.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Write auto labels");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.apply());
    }

    @FXML
    private void cancelApply() {
        viewModel.cancelApply();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
