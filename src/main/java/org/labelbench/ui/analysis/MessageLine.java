package org.labelbench.ui.analysis;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one line under the Error analysis toolbar: the outcome of the last action, or what went
 * wrong. Every part of the screen reports here, so no failure passes unseen. FX thread only.
 */
final class MessageLine {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();

    void info(String line) {
        show(line, false);
    }

    void error(String line) {
        show(line, true);
    }

    void dismiss() {
        text.set("");
    }

    private void show(String line, boolean isError) {
        error.set(isError);
        text.set(line);
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
