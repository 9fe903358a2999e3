package org.labelbench.ui.items;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ItemRow;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.Dialogs;

/**
 * The Items view's state: filters and sort as an {@link ItemQuery}, the paged rows, the choices
 * the filter boxes offer, and the selected item. Every read runs on one background thread.
 */
public final class ItemsViewModel {
    public static final String ANY = "Any";
    public static final String IMAGES = "Images";
    public static final String AUDIO = "Audio";
    public static final String UNLABELED = "Unlabeled";
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final ProjectStore store;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "items-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final PagedItemList rows;
    private final StringProperty keyFilter = new SimpleStringProperty("");
    private final StringProperty mediaFilter = new SimpleStringProperty(ANY);
    private final StringProperty labelFilter = new SimpleStringProperty(ANY);
    private final StringProperty attributeName = new SimpleStringProperty(ANY);
    private final StringProperty attributeValue = new SimpleStringProperty(ANY);
    private final StringProperty showing = new SimpleStringProperty("Loading…");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<ItemRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList(ANY, UNLABELED);
    private final ObservableList<String> attributeNames = FXCollections.observableArrayList();
    private final ObservableList<String> attributeValues = FXCollections.observableArrayList(ANY);
    private ItemQuery.SortColumn sort = ItemQuery.SortColumn.KEY;
    private String sortAttribute;
    private boolean ascending = true;
    private long projectTotal;

    public ItemsViewModel(ProjectStore store) {
        this.store = store;
        this.rows = new PagedItemList(store, reader, e -> error.set(Dialogs.reason(e)));
        rows.setOnReloaded(this::updateShowing);
        attributeName.addListener((obs, old, name) -> loadAttributeValues(name));
        refresh();
    }

    /** Re-reads everything: after an import, or on opening. */
    public void refresh() {
        reader.execute(() -> {
            List<String> classes = store.read(c -> new LabelClassRepository().list(c)).stream()
                    .map(LabelClass::name).toList();
            List<String> names = store.read(c -> new ItemRepository().attributeNames(c));
            long total = store.read(c -> new ItemRepository().count(c, ItemQuery.all()));
            Platform.runLater(() -> {
                projectTotal = total;
                List<String> labels = new ArrayList<>(List.of(ANY, UNLABELED));
                labels.addAll(classes);
                labelChoices.setAll(labels);
                List<String> attrs = new ArrayList<>(List.of(ANY));
                attrs.addAll(names);
                attributeNames.setAll(attrs);
                applyFilters();
            });
        });
    }

    /** Turns the filter fields into the query and reloads the rows. */
    public void applyFilters() {
        rows.reload(query());
    }

    public void sortBy(ItemQuery.SortColumn column, String attribute, boolean asc) {
        sort = column;
        sortAttribute = attribute;
        ascending = asc;
        applyFilters();
    }

    ItemQuery query() {
        ItemQuery q = ItemQuery.all().withKeyContains(keyFilter.get());
        q = q.withMedia(switch (mediaFilter.get()) {
            case IMAGES -> "image";
            case AUDIO -> "audio";
            default -> null;
        });
        String label = labelFilter.get();
        q = q.withLabel(label == null || ANY.equals(label) ? null : UNLABELED.equals(label) ? ItemQuery.UNLABELED : label);
        String name = attributeName.get();
        if (name != null && !ANY.equals(name)) {
            String value = attributeValue.get();
            q = q.withAttribute(name, value == null || ANY.equals(value) ? null : value);
        }
        return q.sortedBy(sort, sortAttribute, ascending);
    }

    private void loadAttributeValues(String name) {
        if (name == null || ANY.equals(name)) {
            attributeValues.setAll(ANY);
            attributeValue.set(ANY);
            return;
        }
        reader.execute(() -> {
            List<String> values = store.read(c -> new ItemRepository().attributeValues(c, name, 500));
            Platform.runLater(() -> {
                List<String> choices = new ArrayList<>(List.of(ANY));
                choices.addAll(values);
                attributeValues.setAll(choices);
                attributeValue.set(ANY);
            });
        });
    }

    private void updateShowing() {
        showing.set("Showing " + COUNT.format(rows.size()) + " of " + COUNT.format(projectTotal) + " items");
    }

    /** Where the item's media is on disk. */
    public Path mediaPath(Item item) {
        return store.directory().resolve(item.path()).normalize();
    }

    /** Runs {@code work} on the view's background thread (decoding audio for the preview). */
    public <T> CompletableFuture<T> inBackground(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, reader);
    }

    public PagedItemList rows() {
        return rows;
    }

    public StringProperty keyFilterProperty() {
        return keyFilter;
    }

    public StringProperty mediaFilterProperty() {
        return mediaFilter;
    }

    public StringProperty labelFilterProperty() {
        return labelFilter;
    }

    public StringProperty attributeNameProperty() {
        return attributeName;
    }

    public StringProperty attributeValueProperty() {
        return attributeValue;
    }

    public ReadOnlyStringProperty showingProperty() {
        return showing;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<ItemRow> selectedProperty() {
        return selected;
    }

    public ObservableList<String> labelChoices() {
        return labelChoices;
    }

    public ObservableList<String> attributeNames() {
        return attributeNames;
    }

    public ObservableList<String> attributeValues() {
        return attributeValues;
    }

    public void dispose() {
        reader.shutdownNow();
    }
}
