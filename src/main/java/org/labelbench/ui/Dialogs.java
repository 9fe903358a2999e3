package org.labelbench.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Message dialogs: a one-line reason for bad input, a list for import reports. */
public final class Dialogs {
    private Dialogs() {
    }

    public static void error(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.setTitle("Labelbench");
        alert.show();
    }

    public static void details(Window owner, String header, String details) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle("Labelbench");
        alert.setHeaderText(header);
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(720, 320);
        area.setId("reportDetails");
        alert.getDialogPane().setContent(area);
        alert.show();
    }

    /** The message users should read: a BadInputException's one line, or the failure's kind. */
    public static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof org.labelbench.project.BadInputException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
