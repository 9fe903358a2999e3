package org.labelbench.ui.label;

import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.labelbench.analysis.Uncertainty;

/** A choice of how unsure a model is measured, shown by the names the command line uses. */
final class UncertaintyChoice {
    private UncertaintyChoice() {
    }

    static ComboBox<Uncertainty> create(String id) {
        ComboBox<Uncertainty> measure = new ComboBox<>();
        measure.setId(id);
        measure.getItems().setAll(Uncertainty.values());
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(Uncertainty value) {
                return value == null ? "" : value.id();
            }

            @Override
            public Uncertainty fromString(String text) {
                return Uncertainty.parse(text);
            }
        });
        return measure;
    }
}
