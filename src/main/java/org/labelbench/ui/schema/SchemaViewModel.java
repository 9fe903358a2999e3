package org.labelbench.ui.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;

/**
 * The Schema view's state: the classes in order with their use, the selected class, the form
 * for a new class and the project's options. Every change is one service call on the reads
 * thread (the store's writer serialises with its reads); the table is re-read after each, and
 * a refusal becomes the one-line {@link #messageProperty() message}, with nothing changed.
 */
public final class SchemaViewModel {
    private final SchemaCatalog catalog;
    private final UiExecutors executors;

    private final ObservableList<ClassRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ClassRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper multiLabel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper transcript = new ReadOnlyBooleanWrapper();
    /** Null until the count answered; then whether the project has any label. */
    private final ReadOnlyObjectWrapper<Boolean> anyLabels = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newHotkey = new SimpleStringProperty("");
    /** "#rrggbb", or null for the next colour of the palette. */
    private final ObjectProperty<String> newColor = new SimpleObjectProperty<>();

    private final BooleanBinding canRetire;
    private final BooleanBinding canRestore;
    private final BooleanBinding canRemove;
    private final StringBinding removeBlockedReason;
    private final StringBinding multiLabelLockReason;

    /** Bumped on every reload: an answer for an older one is dropped. */
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();
    private Runnable onSchemaChanged = () -> { };

    public SchemaViewModel(SchemaCatalog catalog, UiExecutors executors) {
        this.catalog = catalog;
        this.executors = executors;
        canRetire = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().retired(), selected);
        canRestore = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().retired(), selected);
        canRemove = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().removable(), selected);
        removeBlockedReason = Bindings.createStringBinding(
                () -> selected.get() == null ? "" : selected.get().removeBlockedReason(), selected);
        multiLabelLockReason = Bindings.createStringBinding(() -> Boolean.TRUE.equals(anyLabels.get())
                ? "Locked: the project has labels, and single- and multi-label labels are recorded differently" : "",
                anyLabels);
    }

    /** Reads the schema (shown at once), then counts the labels of each class (filled in when done). */
    public void reload() {
        BackgroundCall.Latest.Token token = loads.next();
        BackgroundCall.of(catalog::schema).onSuccess(schema -> {
            show(schema, null);
            BackgroundCall.of(catalog::usage).onSuccess(usage -> show(schema, usage))
                    .onFailure(failure -> say(oneLine(failure), true)).unlessStale(token).runOn(executors);
        }).onFailure(failure -> say(oneLine(failure), true)).unlessStale(token).runOn(executors);
    }

    public void select(ClassRow row) {
        selected.set(row);
    }

    /** Adds the class the form describes; the form is cleared when the service accepted it. */
    public void addClass() {
        String name = newName.get() == null ? "" : newName.get().strip();
        String hotkey = newHotkey.get() == null || newHotkey.get().isBlank() ? null : newHotkey.get().strip();
        String color = newColor.get();
        change(() -> {
            LabelClass added = catalog.addClass(name, hotkey, color);
            return "Added class '" + added.name() + "'"
                    + (added.hotkey() == null ? " without a hotkey" : " with hotkey '" + added.hotkey() + "'");
        }, () -> {
            newName.set("");
            newHotkey.set("");
            newColor.set(null);
        });
    }

    /** Gives the selected class {@code key} (null clears it). A key another class holds is refused. */
    public void setHotkey(String key) {
        withSelected(name -> change(() -> {
            catalog.setHotkey(name, key);
            return key == null ? "Class '" + name + "' has no hotkey now"
                    : "Hotkey of '" + name + "' is '" + key.strip().toLowerCase(Locale.ROOT) + "'";
        }));
    }

    public void setColor(String color) {
        withSelected(name -> change(() -> {
            catalog.setColor(name, color);
            return "Colour of '" + name + "' is " + color;
        }));
    }

    public void retire() {
        withSelected(name -> {
            String hotkey = selected.get().labelClass().hotkey();
            change(() -> {
                catalog.retire(name);
                return "Class '" + name + "' retired: it is no longer offered"
                        + (hotkey == null ? "" : "; hotkey '" + hotkey + "' is free");
            });
        });
    }

    public void restore() {
        withSelected(name -> change(() -> {
            catalog.restore(name);
            return "Class '" + name + "' is offered again";
        }));
    }

    public void remove() {
        withSelected(name -> change(() -> {
            catalog.remove(name);
            return "Removed class '" + name + "'";
        }));
    }

    public void setMultiLabel(boolean on) {
        change(() -> {
            catalog.setMultiLabel(on);
            return on ? "Labelers may now give several classes per item" : "Labelers now give one class per item";
        });
    }

    public void setTranscript(boolean on) {
        change(() -> {
            catalog.setTranscript(on);
            return on ? "Audio items now take a transcript" : "Audio items no longer take a transcript";
        });
    }

    public void dismissMessage() {
        message.set("");
    }

    /** Called after a change the service accepted (other views re-read their class lists). */
    public void setOnSchemaChanged(Runnable action) {
        onSchemaChanged = action;
    }

    private void withSelected(Consumer<String> action) {
        ClassRow row = selected.get();
        if (row != null) {
            action.accept(row.name());
        }
    }

    private void change(Supplier<String> work) {
        change(work, () -> { });
    }

    /** Runs one service call off the FX thread; then says what happened and re-reads the table. */
    private void change(Supplier<String> work, Runnable onSuccess) {
        busy.set(true);
        BackgroundCall.of(work).onSuccess(done -> {
            onSuccess.run();
            finished(done, false);
            onSchemaChanged.run();
        }).onFailure(failure -> finished(failure instanceof BadInputException ? failure.getMessage()
                : oneLine(failure), true)).runOn(executors);
    }

    private void finished(String text, boolean error) {
        busy.set(false);
        say(text, error);
        reload();
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    private void show(LabelSchema schema, SchemaCatalog.Usage usage) {
        String selectedName = selected.get() == null ? null : selected.get().name();
        // Until the count answers, a class keeps the figures it had, so the table does not flicker.
        Map<String, ClassRow> before = new HashMap<>();
        rows.forEach(row -> before.put(row.name(), row));
        List<ClassRow> next = schema.classes().stream().map(lc -> {
            if (usage != null) {
                return new ClassRow(lc, usage.currentLabels().getOrDefault(lc.name(), 0L),
                        usage.used().getOrDefault(lc.name(), true));
            }
            ClassRow old = before.get(lc.name());
            return new ClassRow(lc, old == null ? null : old.labels(), old == null ? null : old.used());
        }).toList();
        rows.setAll(next);
        selected.set(next.stream().filter(row -> row.name().equals(selectedName)).findFirst().orElse(null));
        multiLabel.set(schema.multiLabel());
        transcript.set(schema.transcript());
        anyLabels.set(usage == null ? anyLabels.get() : Boolean.valueOf(usage.anyLabels()));
        loaded.set(true);
    }

    static String oneLine(Throwable e) {
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }

    public ObservableList<ClassRow> rows() {
        return rows;
    }

    public ObjectProperty<ClassRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty multiLabelProperty() {
        return multiLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> anyLabelsProperty() {
        return anyLabels.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newHotkeyProperty() {
        return newHotkey;
    }

    public ObjectProperty<String> newColorProperty() {
        return newColor;
    }

    public BooleanBinding canRetireProperty() {
        return canRetire;
    }

    public BooleanBinding canRestoreProperty() {
        return canRestore;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    public StringBinding removeBlockedReasonProperty() {
        return removeBlockedReason;
    }

    public StringBinding multiLabelLockReasonProperty() {
        return multiLabelLockReason;
    }
}
