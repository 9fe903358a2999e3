package org.labelbench.ui.guidelines;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.ui.preview.SingleAudioPlayer;
import org.labelbench.labeling.Guideline;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.GuidelineService.ExampleSpec;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The Guidelines view's state: the versions (newest first) and the pending examples, what the
 * selected one shows, the editor's draft of the next version and the form for a new example.
 * Reads and writes go through {@link GuidelinesCatalog} on the reads thread; refusals become a
 * one-line message where the user is looking (the view, the editor or the form).
 */
public final class GuidelinesViewModel {
    /** The class choice of an example that shows what to skip. */
    public static final String NO_CLASS_CHOICE = "(no class: an example of what to skip)";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int SUGGESTIONS = 12;

    /** How the shown entry stands: the current version, an older one, or the pending examples. */
    public enum Standing { NONE, CURRENT, OLD, PENDING }

    private final GuidelinesCatalog catalog;
    private final UiExecutors executors;
    /** Who publishes and adds examples: the person signed in on the Label page, asked when it is needed. */
    private final Supplier<String> author;
    private final Path baseDirectory;
    private final ZoneId zone;
    /** One audio example at a time, keyed by the example's id. */
    private final SingleAudioPlayer playback;

    private final ObservableList<GuidelineEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<GuidelineEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper byline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changeNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper standingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Standing> standing = new ReadOnlyObjectWrapper<>(Standing.NONE);
    private final ReadOnlyStringWrapper markdown = new ReadOnlyStringWrapper("");
    private final ObservableList<ExampleCard> shownExamples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper examplesHeading = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper noVersions = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<GuidelineDraft> draft = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper editLabel = new ReadOnlyStringWrapper("Write v1…");

    private final BooleanProperty formOpen = new SimpleBooleanProperty();
    private final StringProperty formKey = new SimpleStringProperty("");
    private final StringProperty formLabel = new SimpleStringProperty();
    private final StringProperty formNote = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper formBusy = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> classChoices = FXCollections.observableArrayList();

    private GuidelinesCatalog.Snapshot snapshot;
    private List<ExampleCard> pendingCards = List.of();
    private Map<Integer, List<ExampleCard>> versionCards = Map.of();
    /** Every reload: an answer for an older one is dropped. */
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();

    public GuidelinesViewModel(GuidelinesCatalog catalog, MediaFiles media, Path baseDirectory,
            Supplier<String> author, UiExecutors executors) {
        this(catalog, media, baseDirectory, author, executors, ZoneId.systemDefault());
    }

    GuidelinesViewModel(GuidelinesCatalog catalog, MediaFiles media, Path baseDirectory, String author,
            UiExecutors executors, ZoneId zone) {
        this(catalog, media, baseDirectory, () -> author, executors, zone);
    }

    private GuidelinesViewModel(GuidelinesCatalog catalog, MediaFiles media, Path baseDirectory,
            Supplier<String> author, UiExecutors executors, ZoneId zone) {
        this.catalog = catalog;
        this.executors = executors;
        this.author = author;
        this.baseDirectory = baseDirectory;
        this.zone = zone;
        this.playback = new SingleAudioPlayer(media, executors);
        selected.addListener((observable, was, entry) -> show(entry));
    }

    /** Reads the versions and pending examples again; the selection stays on the same version. */
    public void reload() {
        reload(null, false);
    }

    private void reload(Integer selectVersion, boolean selectPending) {
        BackgroundCall.of(catalog::snapshot).onSuccess(read -> apply(read, selectVersion, selectPending))
                .onFailure(failure -> say(oneLine(failure), true)).unlessStale(loads.next()).runOn(executors);
    }

    private void apply(GuidelinesCatalog.Snapshot read, Integer selectVersion, boolean selectPending) {
        snapshot = read;
        Function<GuidelineExample, ExampleCard> toCard = example -> card(read, example);
        pendingCards = read.pending().stream().map(toCard).toList();
        versionCards = read.versions().stream().collect(Collectors.toMap(Guideline::version,
                g -> g.examples().stream().map(toCard).toList()));
        int newest = read.versions().isEmpty() ? 0 : read.versions().get(read.versions().size() - 1).version();

        List<GuidelineEntry> next = new ArrayList<>();
        if (!read.pending().isEmpty()) {
            next.add(new GuidelineEntry.Pending(read.pending().size(), newest + 1));
        }
        for (int i = read.versions().size() - 1; i >= 0; i--) {
            Guideline g = read.versions().get(i);
            next.add(new GuidelineEntry.Version(g, g.version() == newest));
        }
        GuidelineEntry before = selected.get();
        entries.setAll(next);
        selected.set(null);
        selected.set(choose(next, before, selectVersion, selectPending));

        List<String> choices = new ArrayList<>(read.schema().offered().stream().map(LabelClass::name).toList());
        choices.add(NO_CLASS_CHOICE);
        classChoices.setAll(choices);
        if (formLabel.get() == null || !choices.contains(formLabel.get())) {
            formLabel.set(choices.get(0));
        }
        editLabel.set(newest == 0 ? "Write v1…" : "Edit → new version…");
        noVersions.set(read.versions().isEmpty());
        loaded.set(true);
        if (draft.get() != null) {
            draft.get().showPending(pendingCards);
        }
    }

    private static GuidelineEntry choose(List<GuidelineEntry> entries, GuidelineEntry before, Integer version,
            boolean pending) {
        Integer wanted = version;
        boolean wantPending = pending;
        if (wanted == null && !wantPending && before != null) {
            wanted = before instanceof GuidelineEntry.Version v ? Integer.valueOf(v.number()) : null;
            wantPending = before instanceof GuidelineEntry.Pending;
        }
        for (GuidelineEntry entry : entries) {
            if (wantPending && entry instanceof GuidelineEntry.Pending) {
                return entry;
            }
            if (wanted != null && entry instanceof GuidelineEntry.Version v && v.number() == wanted) {
                return entry;
            }
        }
        // Otherwise the current version; with none yet, the pending examples (or nothing).
        return entries.stream().filter(e -> e instanceof GuidelineEntry.Version).findFirst()
                .orElse(entries.isEmpty() ? null : entries.get(0));
    }

    private ExampleCard card(GuidelinesCatalog.Snapshot read, GuidelineExample example) {
        LabelClass labelClass = example.label() == null ? null : read.schema().byName(example.label()).orElse(null);
        return new ExampleCard(example, read.items().get(example.itemId()),
                labelClass == null ? null : labelClass.color(), labelClass != null && labelClass.retired());
    }

    private void show(GuidelineEntry entry) {
        playback.stop();
        if (entry instanceof GuidelineEntry.Version v) {
            Guideline g = v.guideline();
            // The text's own first heading follows, so the heading names the version only.
            heading.set("Version " + g.version());
            byline.set("Published " + when(g.created()) + (g.author() == null ? "" : " by " + g.author()));
            changeNote.set(g.change() == null ? "" : g.change());
            standing.set(v.current() ? Standing.CURRENT : Standing.OLD);
            standingText.set(v.current() ? "Current version: labels made now record v" + g.version()
                    : "Not the current version: v" + newestVersion() + " is. This is the text labels marked v"
                            + g.version() + " were made under.");
            markdown.set(g.markdown());
            List<ExampleCard> cards = versionCards.getOrDefault(g.version(), List.of());
            shownExamples.setAll(cards);
            examplesHeading.set("Examples of v" + g.version() + " (" + cards.size() + ")");
        } else if (entry instanceof GuidelineEntry.Pending p) {
            heading.set("Pending examples for v" + p.nextVersion());
            byline.set("");
            changeNote.set("");
            standing.set(Standing.PENDING);
            standingText.set("Collected for the next version: they join v" + p.nextVersion()
                    + " when it is published");
            markdown.set("");
            shownExamples.setAll(pendingCards);
            examplesHeading.set("Pending examples (" + pendingCards.size() + ")");
        } else {
            heading.set("");
            byline.set("");
            changeNote.set("");
            standing.set(Standing.NONE);
            standingText.set("");
            markdown.set("");
            shownExamples.clear();
            examplesHeading.set("");
        }
    }

    /** Opens the editor on the current text, its examples and the pending ones. */
    public void startEditing() {
        if (editing.get()) {
            return;
        }
        Guideline current = currentGuideline();
        List<ExampleCard> carried = current == null ? List.of()
                : versionCards.getOrDefault(current.version(), List.of());
        draft.set(new GuidelineDraft(current == null ? 1 : current.version() + 1,
                current == null ? null : current.version(), current == null ? "" : current.markdown(), carried,
                pendingCards));
        editing.set(true);
    }

    /** Discards the draft. */
    public void cancelEditing() {
        editing.set(false);
        draft.set(null);
    }

    /** Publishes the draft as the next version; the editor closes when the service took it. */
    public void publish() {
        GuidelineDraft d = draft.get();
        if (d == null || d.publishingProperty().get()) {
            return;
        }
        String text = d.markdownProperty().get();
        String change = d.changeNote();
        List<ExampleSpec> replace = d.replaceExamples();
        d.setError("");
        d.setPublishing(true);
        BackgroundCall.of(() -> catalog.publish(text, author.get(), change, replace)).onSuccess(published -> {
            if (draft.get() == d) {
                editing.set(false);
                draft.set(null);
            }
            int examples = published.examples().size();
            say("Published v" + published.version() + " \u201c" + published.title() + "\u201d with "
                    + examples + (examples == 1 ? " example" : " examples"), false);
            reload(published.version(), false);
        }).onFailure(failure -> {
            d.setPublishing(false);
            d.setError(refusal(failure));
        }).runOn(executors);
    }

    public void openExampleForm() {
        formKey.set("");
        formNote.set("");
        formError.set("");
        formOpen.set(true);
    }

    public void closeExampleForm() {
        formOpen.set(false);
        formError.set("");
    }

    /** Adds the form's example to those pending for the next version. */
    public void submitExample() {
        if (formBusy.get()) {
            return;
        }
        String key = formKey.get() == null ? "" : formKey.get().strip();
        String label = formLabel.get() == null || NO_CLASS_CHOICE.equals(formLabel.get()) ? null : formLabel.get();
        String note = formNote.get();
        if (key.isEmpty()) {
            formError.set("the example needs an item key");
            return;
        }
        formBusy.set(true);
        formError.set("");
        boolean whileEditing = editing.get();
        BackgroundCall.of(() -> catalog.addPendingExample(new ExampleSpec(key, label, note), author.get()))
                .onSuccess(added -> {
                    formBusy.set(false);
                    formOpen.set(false);
                    say("Added " + added.itemKey() + " as an example for the next version", false);
                    reload(null, !whileEditing);
                }).onFailure(failure -> {
                    formBusy.set(false);
                    formError.set(refusal(failure));
                }).runOn(executors);
    }

    /**
     * Item keys containing {@code text}, for the key box's completion. Blocks its caller (the
     * completion's own background thread) until the reads thread answers.
     */
    public List<String> suggestKeys(String text) {
        CompletableFuture<List<String>> keys = CompletableFuture.supplyAsync(
                () -> catalog.keysContaining(text, SUGGESTIONS), executors.reads());
        try {
            return keys.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    public void dismissMessage() {
        message.set("");
    }

    public void dispose() {
        playback.stop();
    }

    private Guideline currentGuideline() {
        if (snapshot == null || snapshot.versions().isEmpty()) {
            return null;
        }
        return snapshot.versions().get(snapshot.versions().size() - 1);
    }

    private int newestVersion() {
        Guideline current = currentGuideline();
        return current == null ? 0 : current.version();
    }

    private String when(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    /** A refusal in the core's own words; anything else in one line. */
    private static String refusal(Throwable failure) {
        return failure instanceof BadInputException ? failure.getMessage() : oneLine(failure);
    }

    static String oneLine(Throwable e) {
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }

    /** The list cell's lines for a version: date, author and examples. */
    public String details(GuidelineEntry.Version entry) {
        Guideline g = entry.guideline();
        int examples = g.examples().size();
        return when(g.created()) + (g.author() == null ? "" : " · " + g.author()) + " · " + examples
                + (examples == 1 ? " example" : " examples");
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    public SingleAudioPlayer playback() {
        return playback;
    }

    /** The card's Play button: plays its audio, or stops it when it is the one playing. */
    public void togglePlayback(ExampleCard card) {
        playback.toggle(card.id(), card.item(), "Item " + card.key() + " is not in the project any more");
    }

    public ObservableList<GuidelineEntry> entries() {
        return entries;
    }

    public ObjectProperty<GuidelineEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bylineProperty() {
        return byline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeNoteProperty() {
        return changeNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty standingTextProperty() {
        return standingText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Standing> standingProperty() {
        return standing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty markdownProperty() {
        return markdown.getReadOnlyProperty();
    }

    public ObservableList<ExampleCard> shownExamples() {
        return shownExamples;
    }

    public ReadOnlyStringProperty examplesHeadingProperty() {
        return examplesHeading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noVersionsProperty() {
        return noVersions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GuidelineDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** "Write v1…" before the first version, "Edit → new version…" after. */
    public ReadOnlyStringProperty editLabelProperty() {
        return editLabel.getReadOnlyProperty();
    }

    public BooleanProperty formOpenProperty() {
        return formOpen;
    }

    public StringProperty formKeyProperty() {
        return formKey;
    }

    public StringProperty formLabelProperty() {
        return formLabel;
    }

    public StringProperty formNoteProperty() {
        return formNote;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty formBusyProperty() {
        return formBusy.getReadOnlyProperty();
    }

    public ObservableList<String> classChoices() {
        return classChoices;
    }
}
