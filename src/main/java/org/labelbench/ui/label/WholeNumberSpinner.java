package org.labelbench.ui.label;

import java.util.function.UnaryOperator;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * An editable spinner for a whole number in a range that refuses bad input where it is typed:
 * a character that is not a digit is not taken, and a number out of range is not committed; the
 * reason shows in {@code reason} (a label beside it) until the next good edit. It always holds
 * a valid value, so a form using it never sees "abc" or an empty field.
 */
public final class WholeNumberSpinner {
    private static final String REASON = "whole-number-reason";

    private WholeNumberSpinner() {
    }

    /** {@code what} names the field in the reason: "overlap". */
    public static Spinner<Integer> create(String what, int min, int max, int initial, Label reason) {
        Spinner<Integer> spinner = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial);
        String range = what + " is a whole number from " + min + " to " + max;
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : String.valueOf(value);
            }

            @Override
            public Integer fromString(String text) {
                String typed = text == null ? "" : text.strip();
                Integer current = values.getValue();
                if (typed.isEmpty()) {
                    return current;
                }
                int parsed = Integer.parseInt(typed); // only digits get this far
                if (parsed < min || parsed > max) {
                    reason.setText(range + ", not " + typed);
                    return current;
                }
                return parsed;
            }
        });
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        UnaryOperator<TextFormatter.Change> digitsOnly = change -> {
            String next = change.getControlNewText();
            if (!next.matches("\\d{0,4}")) {
                String refused = change.getText().replaceAll("\\d", "");
                reason.setText(range + (refused.isEmpty() ? "" : ": '" + refused + "' is not a digit"));
                return null;
            }
            if (change.isContentChange()) {
                reason.setText("");
            }
            return change;
        };
        spinner.getEditor().setTextFormatter(new TextFormatter<>(digitsOnly));
        spinner.getEditor().setText(String.valueOf(initial));
        // Leaving the field commits what it holds (or puts the value back), so a typed number counts without Enter.
        spinner.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                commit(spinner);
            }
        });
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        spinner.getProperties().put(REASON, reason);
        reason.getStyleClass().add("form-error");
        reason.setWrapText(true);
        reason.managedProperty().bind(reason.visibleProperty());
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        return spinner;
    }

    /** Takes the typed number if it is in range, else shows the value again; returns the value. */
    public static int commit(Spinner<Integer> spinner) {
        SpinnerValueFactory<Integer> values = spinner.getValueFactory();
        Integer typed = values.getConverter().fromString(spinner.getEditor().getText());
        values.setValue(typed);
        String shown = values.getConverter().toString(values.getValue());
        if (!shown.equals(spinner.getEditor().getText())) {
            Label reason = (Label) spinner.getProperties().get(REASON);
            String why = reason.getText();
            spinner.getEditor().setText(shown);
            reason.setText(why); // putting the value back is no good edit: the reason stays
        }
        return values.getValue();
    }
}
