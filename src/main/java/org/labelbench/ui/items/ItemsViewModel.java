package org.labelbench.ui.items;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.labelbench.project.ItemQuery;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The Items view's state: the filters and the sort (together an {@link ItemQuery}), the paged
 * list they select, the choices the filter boxes offer, the selected position and its preview.
 * It knows nothing of nodes; every read goes through {@link ItemsCatalog} on the reads executor.
 */
public final class ItemsViewModel {
    public static final int PAGE_SIZE = 200;
    /** Pages kept in memory: several screens of rows in either direction. */
    private static final int CACHED_PAGES = 16;
    /** The attribute-value box lists at most this many values (the SQL skip-scan stops there). */
    private static final int ATTRIBUTE_VALUES_SHOWN = 1_000;

    private final ItemsCatalog catalog;
    private final UiExecutors executors;
    private final PagedItemList items;
    private final ItemPreviewViewModel preview;

    private final StringProperty keySearch = new SimpleStringProperty("");
    private final ObjectProperty<FilterChoice> mediaFilter = new SimpleObjectProperty<>(FilterChoice.ALL_MEDIA);
    private final ObjectProperty<FilterChoice> labelFilter = new SimpleObjectProperty<>(FilterChoice.ANY_LABEL);
    private final ObjectProperty<FilterChoice> attributeFilter = new SimpleObjectProperty<>(FilterChoice.NO_ATTRIBUTE);
    private final ObjectProperty<FilterChoice> attributeValueFilter =
            new SimpleObjectProperty<>(FilterChoice.ANY_VALUE);
    private final ObjectProperty<ItemSort> sort = new SimpleObjectProperty<>(ItemSort.BY_KEY);
    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(ViewMode.TABLE);
    private final ReadOnlyObjectWrapper<ItemQuery> query = new ReadOnlyObjectWrapper<>(ItemQuery.all());
    private final ObjectProperty<FilterChoice> splitFilter = new SimpleObjectProperty<>(FilterChoice.ANY_SPLIT);
    private final ObservableList<FilterChoice> splitChoices = FXCollections.observableArrayList(
            FilterChoice.ANY_SPLIT);
    private final ObservableList<FilterChoice> mediaChoices = FXCollections.observableArrayList(
            FilterChoice.ALL_MEDIA, FilterChoice.IMAGES, FilterChoice.AUDIO);
    private final ObservableList<FilterChoice> labelChoices = FXCollections.observableArrayList(
            FilterChoice.ANY_LABEL, FilterChoice.UNLABELED);
    private final ObservableList<FilterChoice> attributeChoices = FXCollections.observableArrayList(
            FilterChoice.NO_ATTRIBUTE);
    private final ObservableList<FilterChoice> attributeValueChoices = FXCollections.observableArrayList(
            FilterChoice.ANY_VALUE);
    private final ObservableList<String> attributeNames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("Loading items…");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(-1);
    private final IntegerProperty allItems = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper rowRangeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper scrollTarget = new ReadOnlyIntegerWrapper(-1);
    /** Why the filter choices (or the project's total) could not be read; empty when they were. */
    private final StringProperty choicesError = new SimpleStringProperty("");
    private final BackgroundCall.Latest choiceReads = new BackgroundCall.Latest();
    /** The values of the attribute chosen last; an answer for another one is dropped. */
    private final BackgroundCall.Latest valueReads = new BackgroundCall.Latest();
    private int firstVisibleRow = -1;
    private int lastVisibleRow = -1;

    public ItemsViewModel(ItemsCatalog catalog, MediaFiles media, UiExecutors executors) {
        this.catalog = catalog;
        this.executors = executors;
        this.items = new PagedItemList(catalog::page, executors.reads(), executors.fx(), PAGE_SIZE, CACHED_PAGES);
        this.preview = new ItemPreviewViewModel(media, executors);

        InvalidationListener requery = observable -> applyQuery();
        keySearch.addListener(requery);
        mediaFilter.addListener(requery);
        labelFilter.addListener(requery);
        splitFilter.addListener(requery);
        attributeValueFilter.addListener(requery);
        sort.addListener(requery);
        attributeFilter.addListener((observable, was, now) -> {
            attributeValueChoices.setAll(FilterChoice.ANY_VALUE);
            attributeValueFilter.set(FilterChoice.ANY_VALUE);
            applyQuery();
            loadAttributeValues(now == null ? null : now.value());
        });

        InvalidationListener recount = observable -> updateCountText();
        items.totalProperty().addListener(recount);
        items.loadingProperty().addListener(recount);
        items.errorProperty().addListener(recount);
        allItems.addListener(recount);
        choicesError.addListener(recount);
        items.addListener(this::itemsChanged);
        items.totalProperty().addListener(observable -> updateRowRange());
    }

    /**
     * The table or grid reports the positions it shows (0-based, inclusive; -1 for none), for the
     * "Rows 250,001–250,040 of 1,000,000" readout: on a large project the scroll thumb alone says
     * little.
     */
    public void visibleRows(int first, int last) {
        firstVisibleRow = first;
        lastVisibleRow = last;
        updateRowRange();
    }

    /**
     * Jumps to the 1-based {@code row} the user typed ("250,001" and "250001" both read): the
     * page there is asked for first, the row is selected and the view scrolls to it. Returns a
     * message when the text is not a row of the list, else empty.
     */
    public String goToRow(String typed) {
        String digits = typed == null ? "" : typed.strip().replace(",", "").replace("_", "").replace(" ", "");
        long row;
        try {
            row = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return "Type a row number";
        }
        if (items.size() == 0) {
            return "No rows to go to";
        }
        if (row < 1 || row > items.size()) {
            return "Rows go from 1 to " + DisplayFormats.count(items.size());
        }
        int index = (int) row - 1;
        items.prefetch(index);
        scrollTarget.set(-1); // so the same row twice still moves the view
        scrollTarget.set(index);
        select(index);
        return "";
    }

    private void updateRowRange() {
        int size = items.size();
        if (size == 0 || firstVisibleRow < 0 || lastVisibleRow < firstVisibleRow) {
            rowRangeText.set(size == 0 ? "" : DisplayFormats.count(size, "row", "rows"));
            return;
        }
        int first = Math.min(firstVisibleRow, size - 1) + 1;
        int last = Math.min(lastVisibleRow, size - 1) + 1;
        rowRangeText.set("Rows " + DisplayFormats.count(first) + "–" + DisplayFormats.count(last) + " of "
                + DisplayFormats.count(size));
    }

    /** Reads everything again: the filter choices, the project's total and the rows (after an import). */
    public void reload() {
        BackgroundCall.of(() -> new Choices(catalog.classNames(), catalog.attributeNames(), catalog.splitNames(),
                catalog.countAll()))
                .onSuccess(this::showChoices).onFailure(this::choicesFailed).unlessStale(choiceReads.next())
                .runOn(executors);
        ItemQuery current = buildQuery();
        query.set(current);
        items.show(current);
    }

    /** The query the filters and sort describe now. */
    public ItemQuery buildQuery() {
        ItemSort order = sort.get() == null ? ItemSort.BY_KEY : sort.get();
        return ItemQuery.all()
                .withKeyContains(keySearch.get())
                .withMedia(valueOf(mediaFilter.get()))
                .withLabel(valueOf(labelFilter.get()))
                .withAttribute(valueOf(attributeFilter.get()), valueOf(attributeValueFilter.get()))
                .withSplit(valueOf(splitFilter.get()))
                .sortedBy(order.column(), order.attribute(), order.ascending());
    }

    public void sortBy(ItemSort order) {
        sort.set(order == null ? ItemSort.BY_KEY : order);
    }

    /** Selects the item at {@code index} of the list (-1: none) and previews it. */
    public void select(int index) {
        selectedIndex.set(index);
        showSelected();
    }

    public void dispose() {
        preview.dispose();
    }

    private void applyQuery() {
        ItemQuery next = buildQuery();
        if (!next.equals(query.get())) {
            query.set(next);
            items.show(next);
        }
    }

    private void loadAttributeValues(String name) {
        BackgroundCall.Latest.Token token = valueReads.next(); // with no attribute too: a late answer is dropped
        if (name == null) {
            return;
        }
        BackgroundCall.of(() -> catalog.attributeValues(name, ATTRIBUTE_VALUES_SHOWN)).onSuccess(values -> {
            List<FilterChoice> choices = new ArrayList<>();
            choices.add(FilterChoice.ANY_VALUE);
            values.stream().map(FilterChoice::of).forEach(choices::add);
            attributeValueChoices.setAll(choices);
        }).onFailure(this::choicesFailed).unlessStale(token).runOn(executors);
    }

    /** What the filter boxes offer, and the project's total, read together. */
    private record Choices(List<String> classes, List<String> attributes, List<String> splits, long total) {
    }

    private void choicesFailed(Throwable failure) {
        choicesError.set(FailureText.of(failure));
    }

    private void showChoices(Choices read) {
        choicesError.set("");
        List<String> classes = read.classes();
        List<String> names = read.attributes();
        long total = read.total();
        List<FilterChoice> labels = new ArrayList<>(List.of(FilterChoice.ANY_LABEL, FilterChoice.UNLABELED));
        classes.stream().map(FilterChoice::of).forEach(labels::add);
        replaceIfChanged(labelChoices, labels, labelFilter, FilterChoice.ANY_LABEL);
        List<FilterChoice> attributes = new ArrayList<>(List.of(FilterChoice.NO_ATTRIBUTE));
        names.stream().map(FilterChoice::of).forEach(attributes::add);
        replaceIfChanged(attributeChoices, attributes, attributeFilter, FilterChoice.NO_ATTRIBUTE);
        List<FilterChoice> splits = new ArrayList<>(List.of(FilterChoice.ANY_SPLIT));
        if (!read.splits().isEmpty()) {
            read.splits().stream().map(FilterChoice::split).forEach(splits::add);
            splits.add(FilterChoice.NO_SPLIT);
        }
        if (!splitChoices.equals(splits)) {
            // A split replaced by another may drop the selected split: then show every split.
            FilterChoice selected = splitFilter.get();
            splitChoices.setAll(splits);
            splitFilter.set(splits.contains(selected) ? selected : FilterChoice.ANY_SPLIT);
        }
        if (!attributeNames.equals(names)) {
            attributeNames.setAll(names);
        }
        allItems.set((int) Math.min(total, Integer.MAX_VALUE));
    }

    /**
     * Updates a filter's choices without losing what is selected. A ComboBox clears its value
     * (and shows nothing) when its selected item is removed from its list, so new choices are
     * appended when the old list is a prefix of the new one (classes and attributes only grow),
     * and otherwise the old selection, or the fallback, is selected again after the swap.
     */
    private static void replaceIfChanged(ObservableList<FilterChoice> list, List<FilterChoice> contents,
            ObjectProperty<FilterChoice> selected, FilterChoice fallback) {
        if (list.equals(contents)) {
            return;
        }
        if (contents.size() > list.size() && contents.subList(0, list.size()).equals(list)) {
            list.addAll(contents.subList(list.size(), contents.size()));
            return;
        }
        FilterChoice current = selected.get();
        list.setAll(contents);
        selected.set(current != null && contents.contains(current) ? current : fallback);
    }

    private void itemsChanged(ListChangeListener.Change<? extends ItemSlot> change) {
        int index = selectedIndex.get();
        while (change.next()) {
            if (change.wasAdded() || change.wasRemoved()) {
                selectedIndex.set(-1); // a new query: positions mean other items now
                showSelected();
                return;
            }
            if (change.wasUpdated() && index >= change.getFrom() && index < change.getTo()) {
                showSelected();
            }
        }
    }

    private void showSelected() {
        int index = selectedIndex.get();
        if (index < 0 || index >= items.size()) {
            preview.show(null);
            return;
        }
        ItemSlot slot = items.get(index);
        if (slot.isLoaded()) {
            preview.show(slot.row());
        } else {
            preview.showLoading();
        }
    }

    private void updateCountText() {
        if (!items.errorProperty().get().isEmpty()) {
            countText.set("Cannot read items: " + items.errorProperty().get());
        } else if (!choicesError.get().isEmpty()) {
            countText.set("Cannot read the filter choices: " + choicesError.get());
        } else if (items.loadingProperty().get() && allItems.get() < 0) {
            countText.set("Loading items…");
        } else if (allItems.get() < 0) {
            countText.set("Showing " + DisplayFormats.count(items.size(), "item", "items"));
        } else {
            countText.set("Showing " + DisplayFormats.count(items.size()) + " of "
                    + DisplayFormats.count(allItems.get(), "item", "items"));
        }
    }

    private static String valueOf(FilterChoice choice) {
        return choice == null ? null : choice.value();
    }

    public PagedItemList items() {
        return items;
    }

    public ItemPreviewViewModel preview() {
        return preview;
    }

    public StringProperty keySearchProperty() {
        return keySearch;
    }

    public ObjectProperty<FilterChoice> mediaFilterProperty() {
        return mediaFilter;
    }

    public ObjectProperty<FilterChoice> splitFilterProperty() {
        return splitFilter;
    }

    /** "Any split", then "split = NAME" per split and "No split"; only "Any split" without a split. */
    public ObservableList<FilterChoice> splitChoices() {
        return splitChoices;
    }

    public ObjectProperty<FilterChoice> labelFilterProperty() {
        return labelFilter;
    }

    public ObjectProperty<FilterChoice> attributeFilterProperty() {
        return attributeFilter;
    }

    public ObjectProperty<FilterChoice> attributeValueFilterProperty() {
        return attributeValueFilter;
    }

    public ObjectProperty<ItemSort> sortProperty() {
        return sort;
    }

    public ObjectProperty<ViewMode> viewModeProperty() {
        return viewMode;
    }

    public ReadOnlyObjectProperty<ItemQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public ObservableList<FilterChoice> mediaChoices() {
        return mediaChoices;
    }

    public ObservableList<FilterChoice> labelChoices() {
        return labelChoices;
    }

    public ObservableList<FilterChoice> attributeChoices() {
        return attributeChoices;
    }

    public ObservableList<FilterChoice> attributeValueChoices() {
        return attributeValueChoices;
    }

    /** Attribute names, one table column each. */
    public ObservableList<String> attributeNames() {
        return attributeNames;
    }

    /** "Showing 1,234 of 3,000 items". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** "Rows 250,001–250,040 of 1,000,000": what part of the list is on screen. */
    public ReadOnlyStringProperty rowRangeTextProperty() {
        return rowRangeText.getReadOnlyProperty();
    }

    /** The position {@link #goToRow} asked the view to scroll to (-1 between jumps). */
    public ReadOnlyIntegerProperty scrollTargetProperty() {
        return scrollTarget.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }
}
