package org.labelbench.ui.label;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.project.LabelClass;

/**
 * The class buttons of the labeling screen: one per class the schema offers, and which are
 * chosen. In a multi-label project choosing toggles a class; otherwise the one chosen is the
 * only one. FX thread only.
 */
final class ClassButtons {
    private final ObservableList<ClassChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper multiLabel = new ReadOnlyBooleanWrapper();
    private LabelSchema schema;

    void show(LabelSchema offered) {
        schema = offered;
        multiLabel.set(offered.multiLabel());
        choices.setAll(offered.offered().stream().map(ClassChoice::new).toList());
    }

    /** The offered class with {@code hotkey} ("1", "q"); empty when none has it or no queue is open. */
    Optional<LabelClass> withHotkey(String hotkey) {
        return schema == null ? Optional.empty() : schema.byHotkey(hotkey);
    }

    /** The button of {@code labelClass}; empty for a class no longer offered. */
    Optional<ClassChoice> of(LabelClass labelClass) {
        return choices.stream().filter(c -> c.labelClass().id() == labelClass.id()).findFirst();
    }

    /** Multi-label: toggles {@code choice}; else makes it the one chosen. */
    void choose(ClassChoice choice) {
        if (multiLabel.get()) {
            choice.chosenProperty().set(!choice.isChosen());
        } else {
            choices.forEach(c -> c.chosenProperty().set(c == choice));
        }
    }

    /** Chooses exactly the classes named (an earlier answer shown again); none for an empty list. */
    void chooseOnly(List<String> names) {
        choices.forEach(c -> c.chosenProperty().set(names.contains(c.name())));
    }

    /** Marks the button of the class named {@code name} as the model's suggestion (null: none). */
    void suggest(String name) {
        choices.forEach(c -> c.suggestedProperty().set(c.name().equals(name)));
    }

    List<LabelClass> chosen() {
        return choices.stream().filter(ClassChoice::isChosen).map(ClassChoice::labelClass).toList();
    }

    boolean isMultiLabel() {
        return multiLabel.get();
    }

    /** True when the project takes a transcript with each audio label. */
    boolean takeTranscripts() {
        return schema != null && schema.transcript();
    }

    ObservableList<ClassChoice> all() {
        return choices;
    }

    ReadOnlyBooleanProperty multiLabelProperty() {
        return multiLabel.getReadOnlyProperty();
    }
}
