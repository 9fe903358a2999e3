package org.labelbench.ui.model;

import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ItemSelection;
import org.labelbench.assist.StoredModel;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.dialogs.Dialogs;

/** Binds the Model page: engine line and device, the Train and Predict forms, the model list, details and charts. */
public final class ModelController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** Details whose value is one long token (a hash, a path): a read-only field that scrolls and copies. */
    private static final Set<String> TOKEN_DETAILS = Set.of("SHA-256", "Folder", "Labels seen");

    private final ModelViewModel viewModel;
    private final Dialogs dialogs;

    @FXML
    private BorderPane root;
    @FXML
    private Label engineLine;
    @FXML
    private ProgressIndicator engineBusy;
    @FXML
    private ChoiceBox<DeviceChoice> deviceChoice;
    @FXML
    private HBox modelMessageBar;
    @FXML
    private FontIcon modelMessageIcon;
    @FXML
    private Label modelMessage;
    @FXML
    private HBox modelJobBar;
    @FXML
    private ProgressBar modelJobProgress;
    @FXML
    private Label modelJobMessage;
    @FXML
    private TextField modelNameField;
    @FXML
    private TextField epochsField;
    @FXML
    private TextField seedField;
    @FXML
    private Button trainButton;
    @FXML
    private Label predictModelLabel;
    @FXML
    private ChoiceBox<ItemSelection> itemsChoice;
    @FXML
    private TextField runNameField;
    @FXML
    private Button predictButton;
    @FXML
    private TextField foldsField;
    @FXML
    private TextField foldsRunField;
    @FXML
    private Button crossValidateButton;
    @FXML
    private GridPane detailsGrid;
    @FXML
    private TableView<StoredModel> modelTable;
    @FXML
    private Label chartTitle;
    @FXML
    private LineChart<Number, Number> lossChart;
    @FXML
    private LineChart<Number, Number> accuracyChart;
    @FXML
    private Button learningCurveButton;
    @FXML
    private ChoiceBox<String> curveReadingChoice;
    @FXML
    private Label curveVerdict;
    @FXML
    private LineChart<Number, Number> learningCurveChart;
    @FXML
    private Label curvePoints;

    public ModelController(ModelViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.showing(); // a training elsewhere (the CLI) or new labels: read the list again
            }
        });

        engineLine.textProperty().bind(viewModel.engineLineProperty());
        viewModel.engineFailedProperty().addListener((observable, was, failed) ->
                engineLine.pseudoClassStateChanged(ERROR, failed));
        engineBusy.visibleProperty().bind(viewModel.engineReadyProperty().not()
                .and(viewModel.engineFailedProperty().not()).or(viewModel.busyProperty()));
        engineBusy.managedProperty().bind(engineBusy.visibleProperty());
        deviceChoice.setItems(viewModel.devices());
        deviceChoice.setConverter(converter(DeviceChoice::id));
        deviceChoice.valueProperty().bindBidirectional(viewModel.deviceProperty());
        deviceChoice.disableProperty().bind(viewModel.jobRunningProperty());

        modelMessageBar.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        modelMessageBar.managedProperty().bind(modelMessageBar.visibleProperty());
        modelMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((observable, was, isError) -> {
            modelMessageBar.pseudoClassStateChanged(ERROR, isError);
            modelMessageIcon.setIconCode(isError ? Feather.ALERT_CIRCLE : Feather.CHECK_CIRCLE);
        });
        modelJobBar.visibleProperty().bind(viewModel.jobRunningProperty());
        modelJobBar.managedProperty().bind(modelJobBar.visibleProperty());
        modelJobProgress.progressProperty().bind(viewModel.jobProgressProperty());
        modelJobMessage.textProperty().bind(viewModel.jobMessageProperty());

        modelNameField.textProperty().bindBidirectional(viewModel.modelNameProperty());
        epochsField.textProperty().bindBidirectional(viewModel.epochsProperty());
        seedField.textProperty().bindBidirectional(viewModel.seedProperty());
        var cannotRun = viewModel.jobRunningProperty().or(viewModel.engineReadyProperty().not());
        trainButton.disableProperty().bind(cannotRun);
        modelNameField.setOnAction(event -> train());
        epochsField.setOnAction(event -> train());
        seedField.setOnAction(event -> train());

        predictModelLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            StoredModel model = viewModel.selectedProperty().get();
            return model == null ? "No model selected" : "Model '" + model.name() + "' (" + model.classes().size()
                    + " classes, input " + model.describeInput() + ")";
        }, viewModel.selectedProperty()));
        itemsChoice.setItems(viewModel.itemChoices());
        itemsChoice.setConverter(converter(ItemSelection::describe));
        itemsChoice.valueProperty().bindBidirectional(viewModel.itemsProperty());
        runNameField.textProperty().bindBidirectional(viewModel.runNameProperty());
        runNameField.setOnAction(event -> predict());
        predictButton.disableProperty().bind(cannotRun.or(viewModel.selectedProperty().isNull()));
        foldsField.textProperty().bindBidirectional(viewModel.foldsProperty());
        foldsRunField.textProperty().bindBidirectional(viewModel.foldsRunNameProperty());
        foldsField.setOnAction(event -> crossValidate());
        foldsRunField.setOnAction(event -> crossValidate());
        crossValidateButton.disableProperty().bind(cannotRun.or(viewModel.selectedProperty().isNull()));

        viewModel.details().addListener((ListChangeListener<ModelText.Detail>) change -> showDetails());
        showDetails();
        buildTable();
        chartTitle.textProperty().bind(viewModel.chartTitleProperty());
        lossChart.setData(viewModel.chart().loss());
        accuracyChart.setData(viewModel.chart().accuracy());
        fitEpochAxis(lossChart);
        fitEpochAxis(accuracyChart);
        bindLearningCurve(cannotRun);

        viewModel.setOnRefused((title, message) -> dialogs.showError(window(), title, message));
    }

    private void bindLearningCurve(javafx.beans.binding.BooleanExpression cannotRun) {
        LearningCurveViewModel curve = viewModel.learningCurve();
        learningCurveButton.disableProperty().bind(cannotRun);
        curveReadingChoice.setItems(curve.readings());
        curveReadingChoice.valueProperty().bindBidirectional(curve.readingProperty());
        curveReadingChoice.disableProperty().bind(curve.hasCurveProperty().not());
        curveVerdict.textProperty().bind(curve.verdictProperty());
        curvePoints.textProperty().bind(curve.pointsProperty());
        learningCurveChart.setData(curve.chart().series());
        NumberAxis axis = (NumberAxis) learningCurveChart.getXAxis();
        axis.setAutoRanging(false);
        axis.setTickUnit(LearningCurveChart.TICK);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return LearningCurveChart.labelsAt(value.doubleValue());
            }

            @Override
            public Number fromString(String string) {
                throw new UnsupportedOperationException("an axis label is never parsed");
            }
        });
        Runnable fit = () -> {
            axis.setLowerBound(curve.chart().lowerLog());
            axis.setUpperBound(curve.chart().upperLog());
        };
        curve.chart().drawnProperty().addListener((observable, was, now) -> fit.run());
        fit.run();
    }

    /** Whole epochs only, from 0 to one past the span, about ten ticks at most. */
    private void fitEpochAxis(LineChart<Number, Number> chart) {
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? String.valueOf(value.longValue()) : "";
            }

            @Override
            public Number fromString(String string) {
                return Double.valueOf(string);
            }
        });
        Runnable fit = () -> {
            int span = viewModel.chart().spanProperty().get();
            axis.setUpperBound(span + 1);
            axis.setTickUnit(span <= 10 ? 1 : Math.ceil(span / 10.0));
        };
        viewModel.chart().spanProperty().addListener((observable, was, now) -> fit.run());
        fit.run();
    }

    private void buildTable() {
        modelTable.setItems(viewModel.models());
        modelTable.setPlaceholder(new Label("No models yet: train one with the form on the left"));
        modelTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        modelTable.getColumns().add(column("Name", "model-name-column", StoredModel::name, 110));
        modelTable.getColumns().add(column("Origin", "model-origin-column", StoredModel::origin, 70));
        modelTable.getColumns().add(column("Net", "model-net-column", StoredModel::architecture, 80));
        modelTable.getColumns().add(column("Input", "model-input-column", StoredModel::describeInput, 80));
        modelTable.getColumns().add(column("Dev acc.", "model-accuracy-column", ModelText::devAccuracy, 70));
        modelTable.getColumns().add(column("Device", "model-device-column", ModelText::device, 60));
        modelTable.getColumns().add(column("Created", "model-created-column", ModelText::created, 120));
        modelTable.getColumns().add(column("SHA-256", "model-sha-column",
                model -> DisplayFormats.shortHash(model.modelSha256()), 120));
        modelTable.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> {
            if (now != null && now != viewModel.selectedProperty().get()) {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((observable, was, now) -> selectRow(now));
    }

    private void selectRow(StoredModel model) {
        if (model == null) {
            modelTable.getSelectionModel().clearSelection();
        } else if (modelTable.getSelectionModel().getSelectedItem() != model) {
            modelTable.getSelectionModel().select(model);
            modelTable.scrollTo(model);
        }
    }

    private static TableColumn<StoredModel, String> column(String title, String id,
            Function<StoredModel, String> text, double width) {
        TableColumn<StoredModel, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    private void showDetails() {
        detailsGrid.getChildren().clear();
        int row = 0;
        for (ModelText.Detail detail : viewModel.details()) {
            Label name = new Label(detail.name());
            name.getStyleClass().add("form-label");
            name.setMinWidth(Label.USE_PREF_SIZE);
            detailsGrid.add(name, 0, row);
            if (TOKEN_DETAILS.contains(detail.name())) {
                TextField value = new TextField(detail.value());
                value.setEditable(false);
                value.setFocusTraversable(false);
                value.getStyleClass().add("model-detail-token");
                value.setId(detailId(detail.name()));
                detailsGrid.add(value, 1, row);
            } else {
                Label value = new Label(detail.value());
                value.setWrapText(true);
                value.setMinWidth(0);
                value.setId(detailId(detail.name()));
                detailsGrid.add(value, 1, row);
            }
            row++;
        }
        if (row == 0) {
            Label none = new Label("Select a model in the list to see how it was trained.");
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            detailsGrid.add(none, 0, 0, 2, 1);
        }
    }

    /** "modelDetail-SHA-256" → a lookup id tests and the smoke tour can name. */
    private static String detailId(String name) {
        return "modelDetail" + name.replaceAll("[^A-Za-z0-9]", "");
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        };
    }

    @FXML
    private void train() {
        if (!trainButton.isDisabled()) {
            viewModel.train();
        }
    }

    @FXML
    private void predict() {
        if (!predictButton.isDisabled()) {
            viewModel.predict();
        }
    }

    @FXML
    private void crossValidate() {
        if (!crossValidateButton.isDisabled()) {
            viewModel.crossValidate();
        }
    }

    @FXML
    private void runLearningCurve() {
        if (!learningCurveButton.isDisabled()) {
            viewModel.runLearningCurve();
        }
    }

    @FXML
    private void cancelJob() {
        viewModel.cancel();
    }

    @FXML
    private void dismissMessage() {
        viewModel.dismissMessage();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
