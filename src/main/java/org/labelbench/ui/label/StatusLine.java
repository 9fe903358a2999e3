package org.labelbench.ui.label;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one line under a screen that says what just happened, or what went wrong (shown as an error). */
public final class StatusLine {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();

    void info(String text) {
        message.set(text);
        error.set(false);
    }

    void error(String text) {
        message.set(text);
        error.set(true);
    }

    void clear() {
        info("");
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isErrorProperty() {
        return error.getReadOnlyProperty();
    }
}
