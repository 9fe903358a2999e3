package org.labelbench.ui.guidelines;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.ui.preview.SingleAudioPlayer;
import org.labelbench.ui.items.ThumbnailCache;
import org.labelbench.ui.items.ThumbnailView;

/**
 * How an example looks: the picture (or, for audio, a speaker with a Play button), the class
 * in its colour, the note and the item's key. One card for the grid of a version, one row for
 * the editor's list.
 */
final class ExampleCards {
    static final int CARD_THUMBNAIL = 120;
    static final int ROW_THUMBNAIL = 48;

    private final ThumbnailCache thumbnails;
    private final SingleAudioPlayer playback;
    private final Consumer<ExampleCard> togglePlayback;

    /** {@code togglePlayback} is the Play button's action; {@code playback} tells which card plays. */
    ExampleCards(ThumbnailCache thumbnails, SingleAudioPlayer playback, Consumer<ExampleCard> togglePlayback) {
        this.thumbnails = thumbnails;
        this.playback = playback;
        this.togglePlayback = togglePlayback;
    }

    /** A card of the examples grid. */
    Node card(ExampleCard example) {
        VBox card = new VBox(6);
        card.getStyleClass().add("example-card");
        card.setPrefWidth(CARD_THUMBNAIL + 44);
        card.setMaxWidth(CARD_THUMBNAIL + 44);
        StackPane media = media(example, CARD_THUMBNAIL, 36);
        media.getStyleClass().add("example-media");
        if (example.pending()) {
            Label badge = newBadge();
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            media.getChildren().add(badge);
        }
        Label note = new Label(example.note());
        note.getStyleClass().add("example-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label key = new Label(example.key());
        key.getStyleClass().add("example-key");
        card.getChildren().addAll(media, classPill(example), note, key);
        card.setAccessibleText("Example " + example.key() + ": " + example.labelText() + ". " + example.note());
        return card;
    }

    /** A row of the editor's example list, with {@code trailing} (a Remove button or a "new" badge) at the end. */
    HBox row(ExampleCard example, Node trailing) {
        StackPane media = media(example, ROW_THUMBNAIL, 20);
        Label key = new Label(example.key());
        key.getStyleClass().add("example-key");
        Label note = new Label(example.note());
        note.getStyleClass().add("example-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label pill = classPill(example);
        pill.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(6, pill, key);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(3, heading, note);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, media, text, trailing);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("example-row");
        return row;
    }

    static Label newBadge() {
        Label badge = new Label("new");
        badge.getStyleClass().add("new-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setTooltip(new Tooltip("Collected for the next version; it joins it when it is published"));
        return badge;
    }

    /** The class's name on its colour, with black or white text, whichever reads better on it. */
    static Label classPill(ExampleCard example) {
        Label pill = new Label(example.labelText());
        pill.getStyleClass().add("class-pill");
        if (example.color() != null && example.example().label() != null) {
            pill.setStyle("-fx-background-color: " + example.color() + "; -fx-text-fill: "
                    + (isLight(example.color()) ? "#1f2328" : "white") + ";");
        } else {
            pill.getStyleClass().add("no-class");
        }
        return pill;
    }

    private StackPane media(ExampleCard example, int side, int iconSize) {
        StackPane media = new StackPane();
        media.setMinSize(side, side);
        media.setPrefSize(side, side);
        media.setMaxSize(side, side);
        if (example.isAudio()) {
            media.getStyleClass().add("audio-example");
            FontIcon speaker = new FontIcon(Feather.VOLUME_2);
            speaker.setIconSize(iconSize);
            speaker.getStyleClass().add("thumbnail-icon");
            Button play = new Button();
            play.getStyleClass().addAll("button-icon", "rounded", "play-example");
            play.setAccessibleText("Play " + example.key());
            FontIcon icon = new FontIcon(Feather.PLAY);
            play.setGraphic(icon);
            play.setOnAction(event -> togglePlayback.accept(example));
            InvalidationListener playing = observable -> {
                boolean now = Long.valueOf(example.id()).equals(playback.playingProperty().get());
                icon.setIconCode(now ? Feather.SQUARE : Feather.PLAY);
                play.setTooltip(new Tooltip(now ? "Stop" : "Play"));
            };
            playing.invalidated(null);
            // Registered weakly (playback outlives the cards) and held by the button, so it lives as long as the card.
            playback.playingProperty().addListener(new WeakInvalidationListener(playing));
            play.getProperties().put(InvalidationListener.class, playing);
            if (side >= CARD_THUMBNAIL) {
                VBox stack = new VBox(8, speaker, play);
                stack.setAlignment(Pos.CENTER);
                media.getChildren().add(stack);
            } else {
                media.getChildren().add(play);
            }
        } else if (example.item() == null) {
            media.getStyleClass().add("thumbnail");
            FontIcon missing = new FontIcon(Feather.ALERT_TRIANGLE);
            missing.setIconSize(iconSize);
            Tooltip.install(media, new Tooltip("Item " + example.key() + " is not in the project any more"));
            media.getChildren().add(missing);
        } else {
            ThumbnailView thumbnail = new ThumbnailView(thumbnails, side, iconSize);
            thumbnail.show(example.item());
            media.getChildren().add(thumbnail);
        }
        return media;
    }

    /** Relative luminance (sRGB) above the middle: dark text reads better on it. */
    static boolean isLight(String hex) {
        try {
            int rgb = Integer.parseInt(hex.substring(1), 16);
            double r = channel((rgb >> 16) & 0xff);
            double g = channel((rgb >> 8) & 0xff);
            double b = channel(rgb & 0xff);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
