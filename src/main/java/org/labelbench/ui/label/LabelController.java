package org.labelbench.ui.label;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/** The Label page: the queue list, or the labeling screen while a queue is being labeled. */
public final class LabelController {
    private final LabelScreenViewModel screen;

    @FXML
    private StackPane root;
    @FXML
    private Parent queueList;
    @FXML
    private Parent labeling;
    /** The included queue list's controller (FXML injects it by the include's id). */
    @FXML
    private QueueListController queueListController;

    public LabelController(LabelScreenViewModel screen) {
        this.screen = screen;
    }

    @FXML
    private void initialize() {
        queueList.visibleProperty().bind(screen.labelingShownProperty().not());
        labeling.visibleProperty().bind(screen.labelingShownProperty());
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                screen.shown();
                if (!screen.labelingShownProperty().get()) {
                    // Reached from the navigation, whose button took the focus: Enter starts labeling.
                    javafx.application.Platform.runLater(queueListController::focusQueues);
                }
            }
        });
    }
}
