package org.labelbench.ui.disagreements;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.labelbench.agreement.Adjudication;
import org.labelbench.agreement.Disagreement;
import org.labelbench.agreement.DisagreementFilter;
import org.labelbench.agreement.DisagreementList;
import org.labelbench.agreement.DisagreementOpinion;
import org.labelbench.agreement.DisagreementVerdict;
import org.labelbench.agreement.Disagreements;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRow;
import org.labelbench.project.LabelClass;
import org.labelbench.project.Opinions;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.items.FilterChoice;
import org.labelbench.ui.label.Labeler;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.preview.PreviewContent;

/**
 * The disagreement browser: the contested items (most contested first, paged), the selected
 * one with each annotator's label and its media, and adjudication by class key. The list's
 * order is computed once per filter; reads and writes run in order on the reads thread, and
 * while a write is in flight (or the item is still loading) class keys are ignored, so a lead
 * never sets a gold label on an item they have not seen.
 */
public final class DisagreementsViewModel {
    static final int PAGE_SIZE = 100;
    /** The class filter's "no constraint" entry. */
    public static final FilterChoice ALL_CLASSES = new FilterChoice("All classes", null);
    private static final int CACHED_PAGES = 12;

    private final ProjectStore store;
    private final UiExecutors executors;
    private final Disagreements disagreements = new Disagreements();
    private final Adjudication adjudication = new Adjudication();
    private final LabelSchemaService schemas = new LabelSchemaService();
    private final PagedDisagreementList items;
    private final ItemPreviewViewModel media;
    private final ReadOnlyObjectProperty<Labeler> adjudicator;
    private final Consumer<Labeler> setAdjudicator;

    private final BooleanProperty showResolved = new SimpleBooleanProperty(false);
    /** Whether accepted model suggestions count towards a contest (off: human disagreements only). */
    private final BooleanProperty includeSuggestions = new SimpleBooleanProperty(false);
    private final ObjectProperty<FilterChoice> classFilter = new SimpleObjectProperty<>(ALL_CLASSES);
    private final ObservableList<FilterChoice> classFilterChoices = FXCollections.observableArrayList(ALL_CLASSES);
    private final ObservableList<LabelClass> classes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Reading contested items…");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Disagreement> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DisagreementOpinion> opinions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper attributes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<String> goldClass = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper adjudicatorText = new ReadOnlyStringWrapper("");

    /** Every list read: an answer for an older filter is dropped. */
    private final BackgroundCall.Latest lists = new BackgroundCall.Latest();
    /** Writes answer unless the page was closed meanwhile (each write waits for the last: busy). */
    private final BackgroundCall.Latest writes = new BackgroundCall.Latest();
    /** The labels version the list on screen was read at; -1: none read. */
    private long shownVersion = -1;
    private long contested;
    private long resolved;
    /** When the selected item was shown: the time the lead spent on it is recorded with the gold. */
    private Instant shownAt = Instant.now();
    /** True once a gold was written since other views were last told. */
    private boolean labelsChanged;
    private boolean autoPlay;
    private Runnable onLabelsChanged = () -> { };
    private Consumer<String> onError = message -> { };
    /** With the class filter, the second class of a pair chosen in the Agreement view; null for none. */
    private String otherClass;
    private boolean choosingPair;

    /**
     * {@code adjudicator} is who labels on this machine (the Label page's labeler), shared so both
     * pages record the same person; {@code setAdjudicator} changes it for both.
     */
    public DisagreementsViewModel(ProjectStore store, MediaFiles mediaFiles, UiExecutors executors,
            ReadOnlyObjectProperty<Labeler> adjudicator, Consumer<Labeler> setAdjudicator) {
        this.store = store;
        this.executors = executors;
        this.adjudicator = adjudicator;
        this.setAdjudicator = setAdjudicator;
        this.items = new PagedDisagreementList(ids -> disagreements.details(store, ids), executors.reads(),
                executors.fx(), PAGE_SIZE, CACHED_PAGES);
        this.media = new ItemPreviewViewModel(mediaFiles, executors);
        items.addListener(this::itemsChanged);
        items.errorProperty().addListener((observable, was, failure) -> {
            if (!failure.isEmpty()) {
                message.set("Cannot read the contested items: " + failure);
            }
        });
        showResolved.addListener(observable -> reload());
        includeSuggestions.addListener(observable -> reload());
        classFilter.addListener(observable -> {
            if (!choosingPair) {
                otherClass = null; // the user chose one class: the pair from the Agreement view no longer applies
                reload();
            }
        });
        adjudicator.addListener(observable -> showAdjudicator());
        showAdjudicator();
        // Audio plays as soon as it is decoded, as on the Label page; Space replays it.
        media.contentProperty().addListener((observable, was, now) -> {
            if (now instanceof PreviewContent.Sound && autoPlay && !media.playingProperty().get()) {
                autoPlay = false;
                media.togglePlayback();
            }
        });
    }

    // ---------------------------------------------------------------- the list

    /**
     * Reads the contested items again (the page was shown, or a filter changed), keeping the
     * selected item if it is still listed. The ordering aggregate runs only when the filter or
     * the labels changed since the list on screen was read: on a big project it takes seconds.
     */
    public void reload() {
        BackgroundCall.Latest.Token token = lists.next();
        DisagreementFilter filter = new DisagreementFilter(showResolved.get(),
                classFilter.get() == null ? null : classFilter.get().value(), otherClass)
                .withSuggestions(Opinions.Suggestions.included(includeSuggestions.get()));
        long keep = selected.get() == null ? -1 : selected.get().item().id();
        DisagreementList onScreen = items.list();
        long versionOnScreen = shownVersion;
        message.set("");
        BackgroundCall.of(() -> new Stamp(schemas.schema(store), disagreements.labelsVersion(store))).onSuccess(read -> {
            if (read.labelsVersion() == versionOnScreen && filter.equals(onScreen.filter())) {
                showSchema(read.schema());
                return;
            }
            placeholder.set("Reading contested items…");
            BackgroundCall.of(() -> listed(filter, keep)).onSuccess(listed -> {
                shownVersion = read.labelsVersion();
                showList(read.schema(), listed);
            }).onFailure(failure -> listFailed(filter, failure)).unlessStale(token).runOn(executors);
        }).onFailure(failure -> listFailed(filter, failure)).unlessStale(token).runOn(executors);
    }

    /** The schema and the labels version the list is read at. */
    private record Stamp(LabelSchema schema, long labelsVersion) {
    }

    /** A list read with the details of the page holding the item to keep ({@code keep}: its index, or -1). */
    private record Listed(DisagreementList list, int first, List<Disagreement> page, int keep) {
    }

    /** Off the FX thread: the ordering aggregate, then the page of the item to keep (or the first). */
    private Listed listed(DisagreementFilter filter, long keepItem) {
        DisagreementList list = disagreements.list(store, filter);
        int index = keepItem < 0 ? -1 : list.indexOf(keepItem);
        int first = Math.max(0, index) / PAGE_SIZE * PAGE_SIZE;
        return new Listed(list, first, disagreements.details(store, list.itemIds(first, PAGE_SIZE)), index);
    }

    private void listFailed(DisagreementFilter filter, Throwable failure) {
        shownVersion = -1;
        items.setList(DisagreementList.empty(filter), 0, List.of());
        countText.set("");
        placeholder.set(FailureText.of(failure));
        showAt(-1);
    }

    private void showList(LabelSchema schema, Listed listed) {
        DisagreementList list = listed.list();
        int keep = listed.keep();
        showSchema(schema);
        contested = list.contested();
        resolved = list.resolved();
        updateCount();
        // A new list clears the ListView's selection: the index is set afresh below, so the view selects it again.
        selectedIndex.set(-1);
        items.setList(list, listed.first(), listed.page()); // the page of the kept item was read with the list
        placeholder.set(emptyText(list.filter()));
        showAt(keep >= 0 ? keep : list.size() > 0 ? 0 : -1);
    }

    private void showSchema(LabelSchema schema) {
        if (!schema.offered().equals(classes)) {
            classes.setAll(schema.offered());
        }
        // appended rather than replaced, so a ComboBox keeps showing its choice
        for (LabelClass labelClass : schema.classes()) {
            FilterChoice choice = FilterChoice.of(labelClass.name());
            if (!classFilterChoices.contains(choice)) {
                classFilterChoices.add(choice);
            }
        }
    }

    /**
     * Lists the items where one annotator gave {@code first} and another {@code second} (a cell
     * of the Agreement view's confusion map); choosing a class in the filter afterwards drops
     * the pair.
     */
    public void showPair(String first, String second) {
        FilterChoice choice = FilterChoice.of(first);
        if (!classFilterChoices.contains(choice)) {
            classFilterChoices.add(choice);
        }
        choosingPair = true;
        try {
            otherClass = second;
            classFilter.set(choice);
        } finally {
            choosingPair = false;
        }
        reload();
    }

    private String emptyText(DisagreementFilter filter) {
        String which = filter.className() == null ? "" : filter.otherClassName() == null
                ? " involving '" + filter.className() + "'"
                : " where '" + filter.className() + "' and '" + filter.otherClassName() + "' were both given";
        if (contested == 0) {
            return "No disagreements" + which + ": every item's annotators agree.";
        }
        return "All " + DisplayFormats.count(contested) + " contested items" + which
                + " are adjudicated. Tick \"Show resolved\" to review them.";
    }

    private void updateCount() {
        String pair = otherClass == null || classFilter.get() == null ? "" : " · '" + classFilter.get().value()
                + "' with '" + otherClass + "'";
        countText.set(DisplayFormats.count(contested) + " contested, " + DisplayFormats.count(resolved) + " resolved"
                + pair);
    }

    // ---------------------------------------------------------------- selection

    /** Shows the item at {@code index} of the list (-1: none). */
    public void select(int index) {
        if (index != selectedIndex.get()) {
            showAt(index);
        }
    }

    private void showAt(int index) {
        selectedIndex.set(index >= items.size() ? -1 : index);
        showSelected();
    }

    /** Up / Down: the previous or next item. */
    public void move(int delta) {
        if (items.isEmpty()) {
            return;
        }
        int target = Math.max(0, Math.min(items.size() - 1, selectedIndex.get() + delta));
        select(target);
    }

    private void showSelected() {
        int index = selectedIndex.get();
        Disagreement shown = index < 0 ? null : items.get(index).disagreement();
        Disagreement before = selected.get();
        boolean sameItem = before != null && shown != null && before.item().id() == shown.item().id();
        selected.set(shown);
        if (shown == null) {
            opinions.clear();
            summary.set(index < 0 ? "" : "Loading…");
            attributes.set("");
            verdictText.set("");
            goldClass.set(null);
            if (index < 0) {
                media.show(null);
            } else {
                media.showLoading();
            }
            return;
        }
        opinions.setAll(shown.opinions());
        summary.set(String.format(Locale.ROOT, "contest %.2f · %s · %s", shown.contest(),
                DisplayFormats.count(shown.opinions().size(), "annotator", "annotators"),
                DisplayFormats.count(shown.distinctLabels(), "class", "classes")));
        attributes.set(shown.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" · ")));
        Optional<DisagreementVerdict> verdict = shown.adjudicated();
        goldClass.set(verdict.map(DisagreementVerdict::label).orElse(null));
        verdictText.set(verdict.map(v -> "Gold: " + v.label() + " (by " + v.adjudicator() + ")")
                .orElse("Not adjudicated yet"));
        if (!sameItem) {
            shownAt = Instant.now();
            autoPlay = shown.item().isAudio();
            media.show(new ItemRow(shown.item(), shown.attributes(), List.of()));
        }
    }

    private void itemsChanged(ListChangeListener.Change<? extends DisagreementSlot> change) {
        int index = selectedIndex.get();
        while (change.next()) {
            if (change.wasUpdated() && index >= change.getFrom() && index < change.getTo()) {
                showSelected(); // its page arrived, or its gold changed
                return;
            }
        }
    }

    // ---------------------------------------------------------------- adjudication

    /** True when a class key would set the gold now: an item is shown, loaded, and nothing is being written. */
    public boolean acceptsDecisions() {
        return !busy.get() && selected.get() != null
                && !(media.contentProperty().get() instanceof PreviewContent.Loading);
    }

    /** A class key: the gold label of the selected item, then the next item. False when no offered class has it. */
    public boolean pressHotkey(String key) {
        Optional<LabelClass> labelClass = classWithHotkey(key);
        labelClass.ifPresent(this::adjudicate);
        return labelClass.isPresent();
    }

    /** The offered class with {@code key} ("1", "q"), if any. */
    public Optional<LabelClass> classWithHotkey(String key) {
        return classes.stream().filter(c -> key.equalsIgnoreCase(c.hotkey())).findFirst();
    }

    /**
     * Sets {@code labelClass} as the selected item's gold label (one durable write, off the FX
     * thread) and moves to the next item. Needs an adjudicator ({@link #adjudicatorProperty}).
     */
    public void adjudicate(LabelClass labelClass) {
        Labeler who = adjudicator.get();
        if (!acceptsDecisions() || who == null) {
            return;
        }
        if (!Adjudication.mayAdjudicate(who.role())) {
            message.set(notAllowed(who)); // the service refuses it too; say so before trying
            return;
        }
        Disagreement item = selected.get();
        int index = selectedIndex.get();
        Instant since = shownAt;
        write(() -> {
            Adjudication.Outcome outcome = adjudication.setGold(store, item.key(), labelClass.name(), who.name(),
                    who.role(), since);
            return new Written(outcome, refreshed(item));
        }, written -> {
            afterGold(index, written);
            message.set(written.outcome().written() ? item.key() + ": gold " + labelClass.name()
                    : item.key() + " already had the gold " + labelClass.name() + "; nothing written");
            if (index + 1 < items.size()) {
                select(index + 1);
            } else {
                message.set(message.get() + " · that was the last item in the list");
            }
        });
    }

    /**
     * "Add as guideline example": the selected item, with {@code labelClass} as its gold (set now
     * when it is not already) and {@code note}, waits for the next guideline version. Stays on the item.
     */
    public void addExample(LabelClass labelClass, String note) {
        Labeler who = adjudicator.get();
        if (!acceptsDecisions() || who == null || labelClass == null) {
            return;
        }
        if (!Adjudication.mayAdjudicate(who.role()) && !labelClass.name().equals(goldOf(selected.get()))) {
            message.set(notAllowed(who));
            return;
        }
        Disagreement item = selected.get();
        int index = selectedIndex.get();
        Instant since = shownAt;
        write(() -> {
            if (note == null || note.isBlank()) { // checked before the gold is set: a refusal changes nothing
                throw new BadInputException("the example for '" + item.key() + "' has no note; say why it is one");
            }
            Adjudication.Outcome outcome = labelClass.name().equals(goldOf(item)) ? null
                    : adjudication.setGold(store, item.key(), labelClass.name(), who.name(), who.role(), since);
            adjudication.addExample(store, item.key(), labelClass.name(), note, who.name());
            return new Written(outcome, refreshed(item));
        }, written -> {
            if (written.outcome() != null) {
                afterGold(index, written);
            }
            message.set("Added " + item.key() + " as an example of " + labelClass.name()
                    + " for the next guideline version");
        });
    }

    /** What a write did (null: no gold was set), and the item read again after it. */
    private record Written(Adjudication.Outcome outcome, Disagreement fresh) {
    }

    /** The classes given, most votes first: "shirt ×2 · t-shirt" (the list's second line). */
    static String labelsText(Disagreement d) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (DisagreementOpinion opinion : d.opinions()) {
            votes.merge(opinion.label(), 1, Integer::sum);
        }
        return votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getValue() > 1 ? e.getKey() + " ×" + e.getValue() : e.getKey())
                .collect(Collectors.joining(" · "));
    }

    private static String goldOf(Disagreement item) {
        return item.adjudicated().map(DisagreementVerdict::label).orElse(null);
    }

    private Disagreement refreshed(Disagreement item) {
        List<Disagreement> read = disagreements.details(store, List.of(item.item().id()));
        return read.isEmpty() ? item : read.get(0);
    }

    private void afterGold(int index, Written written) {
        if (written.outcome().written()) {
            labelsChanged = true;
            if (written.outcome().previous() == null) {
                resolved++;
                updateCount();
            }
        }
        items.replace(index, written.fresh());
    }

    private <T> void write(java.util.function.Supplier<T> work, Consumer<T> done) {
        busy.set(true);
        message.set("");
        BackgroundCall.of(work).onSuccess(result -> {
            busy.set(false);
            done.accept(result);
        }).onFailure(failure -> {
            busy.set(false);
            onError.accept(FailureText.of(failure));
        }).unlessStale(writes.next()).runOn(executors);
    }

    // ---------------------------------------------------------------- the page and its neighbours

    /** The page was left: if gold labels were set, the views that show labels read them again. */
    public void left() {
        media.stopPlayback();
        if (labelsChanged) {
            labelsChanged = false;
            onLabelsChanged.run();
        }
    }

    public void setOnLabelsChanged(Runnable action) {
        this.onLabelsChanged = action;
    }

    /** Where a refused write's one-line reason goes (the controller shows it in a dialog). */
    public void setOnError(Consumer<String> action) {
        this.onError = action;
    }

    public void setAdjudicator(Labeler who) {
        setAdjudicator.accept(who);
    }

    public void dispose() {
        lists.dropAll();
        writes.dropAll();
        media.dispose();
    }

    private void showAdjudicator() {
        Labeler who = adjudicator.get();
        adjudicatorText.set(who == null ? "Not signed in" : "Adjudicating as " + who.describe());
        if (who != null && !Adjudication.mayAdjudicate(who.role())) {
            message.set(notAllowed(who));
        }
    }

    /** Why a class key sets no gold for this person, and what to do about it. */
    static String notAllowed(Labeler who) {
        return "Only a reviewer or lead can set gold; you are " + who.describe() + " (Switch… to change)";
    }

    // ---------------------------------------------------------------- properties

    public PagedDisagreementList items() {
        return items;
    }

    public ItemPreviewViewModel media() {
        return media;
    }

    public BooleanProperty showResolvedProperty() {
        return showResolved;
    }

    /**
     * Whether labels that accepted a model's suggestion count towards a contest; off (the default)
     * the list is of human disagreements, as `disagreements` without --include-suggestions.
     */
    public BooleanProperty includeSuggestionsProperty() {
        return includeSuggestions;
    }

    /** The class the list is limited to, or {@link #ALL_CLASSES}. */
    public ObjectProperty<FilterChoice> classFilterProperty() {
        return classFilter;
    }

    /** "All classes", then every class of the schema. */
    public ObservableList<FilterChoice> classFilterChoices() {
        return classFilterChoices;
    }

    /** The classes offered as gold labels (not retired), in schema order. */
    public ObservableList<LabelClass> classes() {
        return classes;
    }

    /** "6 contested, 2 resolved". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the list says when it is empty: reading, nothing contested, all resolved, or why it cannot be shown. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Disagreement> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<DisagreementOpinion> opinions() {
        return opinions;
    }

    /** "contest 0.67 · 3 annotators · 3 classes". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "group=tops · ink=low". */
    public ReadOnlyStringProperty attributesProperty() {
        return attributes.getReadOnlyProperty();
    }

    /** "Gold: shirt (by lena)", or how to set it. */
    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    /** The selected item's gold class name, or null. */
    public ReadOnlyObjectProperty<String> goldClassProperty() {
        return goldClass.getReadOnlyProperty();
    }

    /** True while a gold label or an example is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did, in one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Labeler> adjudicatorProperty() {
        return adjudicator;
    }

    /** "Adjudicating as lena (lead)", or "Not signed in". */
    public ReadOnlyStringProperty adjudicatorTextProperty() {
        return adjudicatorText.getReadOnlyProperty();
    }
}
