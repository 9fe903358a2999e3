package org.labelbench.ui.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;
import org.labelbench.ui.items.ThumbnailCache;
import org.labelbench.ui.items.ThumbnailView;

/**
 * The error spreadsheet's columns: the picture (or a play button for audio), key, ground truth,
 * prediction, confidence, correct, the annotators' labels, the tags as chips, the attributes.
 * Rows come in the order chosen above the table (the sheet is ordered in memory, not by the
 * headers), and a row whose page is still being read shows a faint ellipsis.
 */
final class ErrorSheetColumns {
    static final int ROW_HEIGHT = 48;
    private static final int THUMBNAIL_SIDE = 40;
    private static final String LOADING = "…";

    private ErrorSheetColumns() {
    }

    static void install(TableView<ErrorSlot> table, ThumbnailCache thumbnails, RowPlayback playback) {
        table.setFixedCellSize(ROW_HEIGHT); // lets the virtual flow skip measuring rows
        TableColumn<ErrorSlot, ErrorSlot> media = new TableColumn<>("");
        media.setId("media-column");
        media.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        media.setCellFactory(c -> new MediaCell(thumbnails, playback));
        media.setSortable(false);
        media.setResizable(false);
        media.setReorderable(false);
        media.setPrefWidth(THUMBNAIL_SIDE + 16);

        TableColumn<ErrorSlot, ErrorSlot> correct = new TableColumn<>("Correct");
        correct.setId("correct-column");
        correct.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        correct.setCellFactory(c -> new CorrectCell());
        correct.setSortable(false);
        correct.setPrefWidth(80);

        TableColumn<ErrorSlot, ErrorSlot> tags = new TableColumn<>("Tags");
        tags.setId("tags-column");
        tags.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        tags.setCellFactory(c -> new TagsCell());
        tags.setSortable(false);
        tags.setPrefWidth(200);

        table.getColumns().setAll(List.of(media,
                text("Key", "key-column", 150, row -> row.item() == null ? "" : row.item().key()),
                text("Ground truth", "truth-column", 120, row -> row.truth() == null ? "—" : row.truth()),
                text("Prediction", "prediction-column", 120, ErrorSheet.Row::predicted),
                numeric(text("Confidence", "confidence-column", 110, row -> confidence(row.confidence()))),
                correct,
                text("Annotators' labels", "labels-column", 260, row -> labels(row.labels())),
                tags,
                text("Attributes", "attributes-column", 260, row -> attributes(row.attributes()))));
    }

    /** "0.93", or nothing when the run gave no confidence. */
    static String confidence(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** "ana: shirt, ben: t-shirt". */
    static String labels(List<CurrentLabel> labels) {
        return labels.stream().map(label -> label.annotator() + ": " + label.label()).collect(Collectors.joining(", "));
    }

    /** "device=phone · speaker=ana". */
    static String attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" · "));
    }

    private static TableColumn<ErrorSlot, String> numeric(TableColumn<ErrorSlot, String> column) {
        column.getStyleClass().add("numeric");
        return column;
    }

    private static TableColumn<ErrorSlot, String> text(String title, String id, double width,
            Function<ErrorSheet.Row, String> text) {
        TableColumn<ErrorSlot, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().isLoaded()
                ? text.apply(data.getValue().row()) : LOADING));
        column.setCellFactory(c -> new TextCell());
        return column;
    }

    /** Text, with the full text as a tooltip when the column is too narrow for it. */
    private static final class TextCell extends TableCell<ErrorSlot, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            if (empty || text == null || text.length() < 24) {
                setTooltip(null);
            } else {
                tip.setText(text);
                setTooltip(tip);
            }
        }
    }

    /** The item's thumbnail, or for audio a play / stop button that follows what is playing. */
    private static final class MediaCell extends TableCell<ErrorSlot, ErrorSlot> {
        private final ThumbnailView thumbnail;
        private final RowPlayback playback;
        private final Button play = new Button();
        private final FontIcon playIcon = new FontIcon(Feather.PLAY);
        /** Held by the cell, listened to weakly: cells come and go with the table's skin. */
        private final ChangeListener<Long> playingWatcher = (observable, was, now) -> showPlaying();
        private Item item;

        MediaCell(ThumbnailCache thumbnails, RowPlayback playback) {
            this.thumbnail = new ThumbnailView(thumbnails, THUMBNAIL_SIDE, 20);
            this.playback = playback;
            play.setGraphic(playIcon);
            play.getStyleClass().addAll("button-icon", "flat", "row-play");
            play.setFocusTraversable(false);
            play.setOnAction(event -> playback.toggle(item));
            playback.playingProperty().addListener(new WeakChangeListener<>(playingWatcher));
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(ErrorSlot slot, boolean empty) {
            super.updateItem(slot, empty);
            item = empty || slot == null ? null : slot.item();
            if (item == null) {
                thumbnail.show(null);
                setGraphic(empty ? null : thumbnail);
            } else if (item.isAudio()) {
                thumbnail.show(null);
                showPlaying();
                setGraphic(play);
            } else {
                thumbnail.show(item);
                setGraphic(thumbnail);
            }
        }

        private void showPlaying() {
            boolean playing = item != null && playback.playingProperty().get() != null
                    && playback.playingProperty().get() == item.id();
            playIcon.setIconCode(playing ? Feather.SQUARE : Feather.PLAY);
            play.setAccessibleText(playing ? "Stop" : "Play");
        }
    }

    /** ✓ or ✗, coloured; nothing for an item without a ground truth. */
    private static final class CorrectCell extends TableCell<ErrorSlot, ErrorSlot> {
        CorrectCell() {
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(ErrorSlot slot, boolean empty) {
            super.updateItem(slot, empty);
            getStyleClass().removeAll("correct", "wrong");
            if (empty || slot == null) {
                setText(null);
            } else if (!slot.isLoaded()) {
                setText(LOADING);
            } else if (slot.row().truth() == null) {
                setText("");
            } else {
                setText(slot.row().correct() ? "✓" : "✗");
                getStyleClass().add(slot.row().correct() ? "correct" : "wrong");
            }
        }
    }

    /** The row's tags as chips. */
    private static final class TagsCell extends TableCell<ErrorSlot, ErrorSlot> {
        private final HBox chips = new HBox(4);

        TagsCell() {
            chips.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ErrorSlot slot, boolean empty) {
            super.updateItem(slot, empty);
            setText(null);
            if (empty || slot == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            if (!slot.isLoaded()) {
                setGraphic(null);
                setText(LOADING);
                return;
            }
            chips.getChildren().setAll(slot.row().tags().stream().map(tag -> {
                Label chip = new Label(tag);
                chip.getStyleClass().add("tag-chip");
                return chip;
            }).toList());
            setGraphic(chips);
            setAccessibleText(String.join(", ", slot.row().tags()));
        }
    }
}
