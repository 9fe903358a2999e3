package org.labelbench.ui.guidelines;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.labeling.GuidelineService.ExampleSpec;

/**
 * The next guideline version while it is being written: the text, the change note and the
 * examples it will have. Examples carried over from the current version can be removed; the
 * pending ones (collected for this version) join it in any case and are marked as new.
 */
public final class GuidelineDraft {
    private final int version;
    private final Integer basedOn;
    private final StringProperty markdown = new SimpleStringProperty("");
    private final StringProperty change = new SimpleStringProperty("");
    private final ObservableList<ExampleCard> examples = FXCollections.observableArrayList();
    private final List<ExampleCard> carriedOver;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper();
    /** The text of the version this one starts from, to tell an unchanged draft. */
    private final String baseMarkdown;
    private final StringBinding notPublishable;

    GuidelineDraft(int version, Integer basedOn, String markdown, List<ExampleCard> carriedOver,
            List<ExampleCard> pending) {
        this.version = version;
        this.basedOn = basedOn;
        this.markdown.set(markdown == null ? "" : markdown);
        this.baseMarkdown = this.markdown.get();
        this.carriedOver = List.copyOf(carriedOver);
        // The published version lists the pending examples first (they were written first), so the draft does too.
        examples.setAll(pending);
        examples.addAll(carriedOver);
        notPublishable = Bindings.createStringBinding(this::whyNotPublishable, this.markdown, change, examples);
    }

    /**
     * Why this draft cannot be published yet, as the service would say it, or "" when it can: the
     * editor shows it before Publish is pressed.
     */
    public StringBinding notPublishableProperty() {
        return notPublishable;
    }

    private String whyNotPublishable() {
        String text = markdown.get() == null ? "" : markdown.get();
        if (text.isBlank()) {
            return "Write the guideline text to publish v" + version;
        }
        if (basedOn == null) {
            return "";
        }
        if (changeNote() == null) {
            return "Say what changed since v" + basedOn + " to publish v" + version;
        }
        boolean sameExamples = examples.stream().noneMatch(ExampleCard::pending) && replaceExamples() == null;
        if (text.strip().equals(baseMarkdown.strip()) && sameExamples) {
            return "v" + version + " would be the same as v" + basedOn + ": change the text or the examples first";
        }
        return "";
    }

    /** Drops a carried-over example from this version (pending ones cannot be dropped here). */
    public void remove(ExampleCard card) {
        if (!card.pending()) {
            examples.remove(card);
        }
    }

    /** The pending examples changed while editing (one was added): show the new list of them. */
    void showPending(List<ExampleCard> pending) {
        examples.removeIf(ExampleCard::pending);
        examples.addAll(0, pending);
    }

    /**
     * What {@code GuidelineService.publish} is given: null when every carried-over example was
     * kept (they are copied as they are, with their original author and date), else the kept ones.
     * Pending examples are never in the list: the service adds them itself.
     */
    List<ExampleSpec> replaceExamples() {
        List<ExampleCard> kept = examples.stream().filter(card -> !card.pending()).toList();
        if (kept.equals(carriedOver)) {
            return null;
        }
        return kept.stream().map(card -> new ExampleSpec(card.key(), card.example().label(), card.note())).toList();
    }

    /** The change note, or null when none was written. */
    String changeNote() {
        String text = change.get() == null ? "" : change.get().strip();
        return text.isEmpty() ? null : text;
    }

    void setError(String text) {
        error.set(text);
    }

    void setPublishing(boolean running) {
        publishing.set(running);
    }

    public int version() {
        return version;
    }

    /** The version this one starts from, or null for the first. */
    public Integer basedOn() {
        return basedOn;
    }

    public StringProperty markdownProperty() {
        return markdown;
    }

    public StringProperty changeProperty() {
        return change;
    }

    public ObservableList<ExampleCard> examples() {
        return examples;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }
}
