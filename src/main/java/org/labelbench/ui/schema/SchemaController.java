package org.labelbench.ui.schema;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.ui.DisplayFormats;

/** Binds the Schema view: the class table, the new-class form, the selected class's edits and the options. */
public final class SchemaController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass RETIRED = PseudoClass.getPseudoClass("retired");

    private final SchemaViewModel viewModel;
    /** True while the controller itself moves a control to the model's value, so no edit is sent back. */
    private boolean showing;

    @FXML
    private BorderPane root;
    @FXML
    private Label schemaSummary;
    @FXML
    private HBox schemaMessageBar;
    @FXML
    private FontIcon schemaMessageIcon;
    @FXML
    private Label schemaMessage;
    @FXML
    private TableView<ClassRow> schemaTable;
    @FXML
    private TextField newClassName;
    @FXML
    private TextField newClassHotkey;
    @FXML
    private ColorPicker newClassColor;
    @FXML
    private Button addClassButton;
    @FXML
    private Label schemaNoSelection;
    @FXML
    private VBox classDetail;
    @FXML
    private Pane selectedSwatch;
    @FXML
    private Label selectedClassName;
    @FXML
    private Label selectedClassState;
    @FXML
    private TextField classHotkeyField;
    @FXML
    private ColorPicker classColorPicker;
    @FXML
    private Button retireClassButton;
    @FXML
    private Button restoreClassButton;
    @FXML
    private Button removeClassButton;
    @FXML
    private Label removeClassReason;
    @FXML
    private CheckBox multiLabelBox;
    @FXML
    private Label multiLabelReason;
    @FXML
    private CheckBox transcriptBox;

    public SchemaController(SchemaViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        buildTable();
        bindMessage();
        bindForm();
        bindDetail();
        bindOptions();
        // The view reads the schema again each time it is shown: labels may have been added meanwhile.
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.reload();
            }
        });
        schemaSummary.textProperty().bind(Bindings.createStringBinding(() -> {
            long offered = viewModel.rows().stream().filter(row -> !row.retired()).count();
            long retired = viewModel.rows().size() - offered;
            return DisplayFormats.count(offered, "class offered", "classes offered")
                    + (retired == 0 ? "" : " · " + DisplayFormats.count(retired) + " retired");
        }, viewModel.rows()));
    }

    private void buildTable() {
        schemaTable.setItems(viewModel.rows());
        schemaTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        schemaTable.setPlaceholder(new Label("No classes yet: add the first one below"));
        TableColumn<ClassRow, ClassRow> swatch = new TableColumn<>("Colour");
        swatch.setId("color-column");
        swatch.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        swatch.setCellFactory(column -> new SwatchCell());
        swatch.setPrefWidth(70);
        swatch.setMaxWidth(90);
        schemaTable.getColumns().add(swatch);
        schemaTable.getColumns().add(textColumn("Name", "name-column", ClassRow::name, 220));
        TableColumn<ClassRow, String> hotkey = textColumn("Hotkey", "hotkey-column", ClassRow::hotkeyText, 80);
        hotkey.getStyleClass().add("centered");
        schemaTable.getColumns().add(hotkey);
        schemaTable.getColumns().add(textColumn("State", "state-column", ClassRow::stateText, 100));
        TableColumn<ClassRow, String> labels = textColumn("Labels", "labels-column", ClassRow::labelsText, 100);
        labels.getStyleClass().add("numeric");
        schemaTable.getColumns().add(labels);
        schemaTable.getColumns().forEach(column -> {
            column.setSortable(false); // the schema's order is the order labelers see
            column.setReorderable(false);
        });
        schemaTable.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ClassRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(RETIRED, !empty && row != null && row.retired());
            }
        });

        schemaTable.getSelectionModel().selectedItemProperty().addListener((observable, was, row) -> {
            if (!showing && row != null) {
                viewModel.select(row);
            }
        });
        viewModel.selectedProperty().addListener((observable, was, row) -> showSelection());
        // Re-reading replaces the rows (the table drops its selection then): select the model's class again.
        viewModel.rows().addListener((ListChangeListener<ClassRow>) change -> showSelection());
    }

    private void showSelection() {
        ClassRow row = viewModel.selectedProperty().get();
        showing = true;
        try {
            if (row == null) {
                schemaTable.getSelectionModel().clearSelection();
            } else if (schemaTable.getSelectionModel().getSelectedItem() != row) {
                schemaTable.getSelectionModel().select(row);
            }
        } finally {
            showing = false;
        }
    }

    private void bindMessage() {
        schemaMessageBar.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        schemaMessageBar.managedProperty().bind(schemaMessageBar.visibleProperty());
        schemaMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((observable, was, error) -> showMessageKind(error));
        showMessageKind(viewModel.messageIsErrorProperty().get());
    }

    private void showMessageKind(boolean error) {
        schemaMessageBar.pseudoClassStateChanged(ERROR, error);
        schemaMessageIcon.setIconCode(error ? Feather.ALERT_CIRCLE : Feather.CHECK_CIRCLE);
    }

    private void bindForm() {
        newClassName.textProperty().bindBidirectional(viewModel.newNameProperty());
        newClassHotkey.setTextFormatter(new TextFormatter<String>(SchemaController::oneCharacter));
        newClassHotkey.textProperty().bindBidirectional(viewModel.newHotkeyProperty());
        newClassColor.setValue(null);
        newClassColor.setOnAction(event -> {
            if (!showing) {
                viewModel.newColorProperty().set(hex(newClassColor.getValue()));
            }
        });
        viewModel.newColorProperty().addListener((observable, was, color) -> {
            showing = true;
            try {
                newClassColor.setValue(color == null ? null : Color.web(color));
            } finally {
                showing = false;
            }
        });
        addClassButton.disableProperty().bind(viewModel.newNameProperty().isEmpty().or(viewModel.busyProperty()));
        newClassName.setOnAction(event -> addClass());
        newClassHotkey.setOnAction(event -> addClass());
    }

    private void bindDetail() {
        classDetail.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        classDetail.managedProperty().bind(classDetail.visibleProperty());
        schemaNoSelection.visibleProperty().bind(viewModel.selectedProperty().isNull());
        schemaNoSelection.managedProperty().bind(schemaNoSelection.visibleProperty());
        viewModel.selectedProperty().addListener((observable, was, row) -> showDetail(row));
        showDetail(viewModel.selectedProperty().get());

        classHotkeyField.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            String typed = event.getCharacter();
            if (typed != null && typed.length() == 1 && Character.isLetterOrDigit(typed.charAt(0))
                    && !event.isShortcutDown() && !event.isAltDown()) {
                event.consume();
                viewModel.setHotkey(typed);
            }
        });
        classHotkeyField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.BACK_SPACE || event.getCode() == KeyCode.DELETE) {
                event.consume();
                viewModel.setHotkey(null);
            }
        });
        classHotkeyField.disableProperty().bind(viewModel.canRetireProperty().not());
        classColorPicker.setOnAction(event -> {
            if (!showing && classColorPicker.getValue() != null) {
                viewModel.setColor(hex(classColorPicker.getValue()));
            }
        });
        retireClassButton.visibleProperty().bind(viewModel.canRetireProperty());
        retireClassButton.managedProperty().bind(retireClassButton.visibleProperty());
        restoreClassButton.visibleProperty().bind(viewModel.canRestoreProperty());
        restoreClassButton.managedProperty().bind(restoreClassButton.visibleProperty());
        removeClassButton.disableProperty().bind(viewModel.canRemoveProperty().not().or(viewModel.busyProperty()));
        retireClassButton.disableProperty().bind(viewModel.busyProperty());
        restoreClassButton.disableProperty().bind(viewModel.busyProperty());
        removeClassReason.textProperty().bind(viewModel.removeBlockedReasonProperty());
        removeClassReason.visibleProperty().bind(viewModel.removeBlockedReasonProperty().isNotEmpty());
        removeClassReason.managedProperty().bind(removeClassReason.visibleProperty());
    }

    private void showDetail(ClassRow row) {
        if (row == null) {
            return;
        }
        showing = true;
        try {
            selectedClassName.setText(row.name());
            selectedClassState.setText(row.stateText());
            selectedClassState.pseudoClassStateChanged(RETIRED, row.retired());
            selectedSwatch.setStyle(swatchStyle(row.labelClass().color()));
            String hotkey = row.labelClass().hotkey();
            classHotkeyField.setText(row.retired() || hotkey == null ? "" : hotkey);
            classHotkeyField.setPromptText(row.retired() ? "none" : "—");
            classColorPicker.setValue(row.labelClass().color() == null ? null : Color.web(row.labelClass().color()));
        } finally {
            showing = false;
        }
    }

    private void bindOptions() {
        viewModel.multiLabelProperty().addListener((observable, was, on) -> multiLabelBox.setSelected(on));
        viewModel.transcriptProperty().addListener((observable, was, on) -> transcriptBox.setSelected(on));
        multiLabelBox.setSelected(viewModel.multiLabelProperty().get());
        transcriptBox.setSelected(viewModel.transcriptProperty().get());
        multiLabelBox.disableProperty().bind(viewModel.multiLabelLockReasonProperty().isNotEmpty()
                .or(viewModel.busyProperty()));
        transcriptBox.disableProperty().bind(viewModel.busyProperty());
        multiLabelReason.textProperty().bind(viewModel.multiLabelLockReasonProperty());
        multiLabelReason.visibleProperty().bind(viewModel.multiLabelLockReasonProperty().isNotEmpty());
        multiLabelReason.managedProperty().bind(multiLabelReason.visibleProperty());
    }

    @FXML
    private void addClass() {
        if (!addClassButton.isDisabled()) {
            viewModel.addClass();
        }
    }

    @FXML
    private void retire() {
        viewModel.retire();
    }

    @FXML
    private void restore() {
        viewModel.restore();
    }

    @FXML
    private void remove() {
        viewModel.remove();
    }

    @FXML
    private void toggleMultiLabel() {
        viewModel.setMultiLabel(multiLabelBox.isSelected());
    }

    @FXML
    private void toggleTranscript() {
        viewModel.setTranscript(transcriptBox.isSelected());
    }

    @FXML
    private void dismissMessage() {
        viewModel.dismissMessage();
    }

    /** Keeps the hotkey box to one character: a second key replaces the first. */
    private static TextFormatter.Change oneCharacter(TextFormatter.Change change) {
        if (change.getControlNewText().length() <= 1) {
            return change;
        }
        String typed = change.getText();
        if (typed.isEmpty()) {
            return null;
        }
        change.setRange(0, change.getControlText().length());
        change.setText(typed.substring(typed.length() - 1));
        change.setCaretPosition(1);
        change.setAnchor(1);
        return change;
    }

    static String hex(Color color) {
        if (color == null) {
            return null;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
    }

    static String swatchStyle(String color) {
        return color == null ? "" : "-fx-background-color: " + color + ";";
    }

    private static TableColumn<ClassRow, String> textColumn(String title, String id, Function<ClassRow, String> value,
            double width) {
        TableColumn<ClassRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A square in the class's colour. */
    private static final class SwatchCell extends TableCell<ClassRow, ClassRow> {
        private final Region swatch = new Region();

        SwatchCell() {
            swatch.getStyleClass().add("class-swatch");
            swatch.setMinSize(16, 16);
            swatch.setMaxSize(16, 16);
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(ClassRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
            } else {
                swatch.setStyle(swatchStyle(row.labelClass().color()));
                setGraphic(swatch);
            }
        }
    }
}
