package org.labelbench.ui.label;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.analysis.UncertaintyPriority;
import org.labelbench.labeling.ItemPriority;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemQuery;

/**
 * What the "New queue" dialog asks, as plain properties: a name, the items (all, a filter by
 * media, attribute value and "unlabeled", keys pasted one per line, or a tag's items), the strategy, overlap,
 * seed, who may work it, and the prediction run whose suggestions it shows (pre-labeling). {@link #definition} turns it into the core's definition or says,
 * in one line, what is wrong.
 */
public final class NewQueueForm {
    /** Which items the queue covers. */
    public enum ScopeKind {
        ALL("All items"), FILTER("Items matching a filter"), KEYS("A list of item keys"),
        TAG("Items carrying a tag");

        private final String text;

        ScopeKind(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The media filter's choices. */
    public static final List<String> MEDIA = List.of("any media", "image", "audio");
    public static final String ANY_ATTRIBUTE = "(no attribute filter)";

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<ScopeKind> scope = new SimpleObjectProperty<>(ScopeKind.ALL);
    private final StringProperty media = new SimpleStringProperty(MEDIA.get(0));
    private final StringProperty attributeName = new SimpleStringProperty(ANY_ATTRIBUTE);
    private final StringProperty attributeValue = new SimpleStringProperty("");
    private final BooleanProperty unlabeledOnly = new SimpleBooleanProperty();
    private final StringProperty keys = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty();
    private final ObjectProperty<QueueStrategy> strategy = new SimpleObjectProperty<>(QueueStrategy.SEQUENTIAL);
    private final IntegerProperty overlap = new SimpleIntegerProperty(1);
    private final StringProperty seed = new SimpleStringProperty("1");
    private final StringProperty annotators = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> attributeNames = FXCollections.observableArrayList(ANY_ATTRIBUTE);
    private final ObservableList<String> attributeValues = FXCollections.observableArrayList();
    private final ObservableList<String> tagNames = FXCollections.observableArrayList();
    /** The prediction runs with probabilities, by which the queue may be ordered most uncertain first. */
    private final ObservableList<String> uncertaintyRuns = FXCollections.observableArrayList();
    /** The run that orders the queue most uncertain first; null: the strategy's own order. */
    private final StringProperty uncertainRun = new SimpleStringProperty();
    private final ObjectProperty<Uncertainty> uncertainty = new SimpleObjectProperty<>(Uncertainty.MARGIN);
    /** Every prediction run, whose suggestions the queue may show its labelers. */
    private final ObservableList<String> suggestionRuns = FXCollections.observableArrayList();
    /** The run whose suggestions the queue shows; null or empty: none. */
    private final StringProperty suggestionsRun = new SimpleStringProperty();

    /** The core's definition of what the form says; a {@link BadInputException} names what is wrong. */
    public QueueDefinition definition() {
        long seedValue;
        try {
            seedValue = seed.get() == null || seed.get().isBlank() ? 1 : Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("the seed '" + seed.get().strip() + "' is not a whole number");
        }
        List<String> allowed = Arrays.stream(annotators.get() == null ? new String[0] : annotators.get().split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        return new QueueDefinition(name.get(), scope(), strategy.get(), overlap.get(), seedValue, allowed,
                suggestionsRun.get());
    }

    /** The order the form asks for beyond the strategy's: most uncertain first by a run, or none (null). */
    public ItemPriority priority() {
        String run = uncertainRun.get();
        return run == null || run.isBlank() ? null
                : new UncertaintyPriority(run, uncertainty.get() == null ? Uncertainty.MARGIN : uncertainty.get());
    }

    public ObservableList<String> uncertaintyRuns() {
        return uncertaintyRuns;
    }

    public StringProperty uncertainRunProperty() {
        return uncertainRun;
    }

    public ObjectProperty<Uncertainty> uncertaintyProperty() {
        return uncertainty;
    }

    /** The project's prediction runs, for the Suggestions choice. */
    public ObservableList<String> suggestionRuns() {
        return suggestionRuns;
    }

    /** The run whose suggestions the queue shows its labelers; null or empty: none. */
    public StringProperty suggestionsRunProperty() {
        return suggestionsRun;
    }

    private QueueScope scope() {
        return switch (scope.get()) {
            case ALL -> QueueScope.all();
            case TAG -> {
                if (tag.get() == null || tag.get().isBlank()) {
                    throw new BadInputException("choose the tag whose items the queue covers");
                }
                yield QueueScope.tag(tag.get());
            }
            case KEYS -> QueueScope.keys(keys.get() == null ? List.of() : keys.get().lines().map(String::strip)
                    .filter(k -> !k.isEmpty()).toList());
            case FILTER -> {
                ItemQuery query = ItemQuery.all();
                if (media.get() != null && !MEDIA.get(0).equals(media.get())) {
                    query = query.withMedia(media.get());
                }
                String attribute = attributeName.get();
                if (attribute != null && !attribute.isBlank() && !ANY_ATTRIBUTE.equals(attribute)) {
                    String value = attributeValue.get() == null || attributeValue.get().isBlank() ? null
                            : attributeValue.get().strip();
                    query = query.withAttribute(attribute, value);
                }
                if (unlabeledOnly.get()) {
                    query = query.withLabel(ItemQuery.UNLABELED);
                }
                yield QueueScope.filter(query);
            }
        };
    }

    void showError(String message) {
        error.set(message == null ? "" : message);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ScopeKind> scopeProperty() {
        return scope;
    }

    /** "any media", "image" or "audio". */
    public StringProperty mediaProperty() {
        return media;
    }

    public StringProperty attributeNameProperty() {
        return attributeName;
    }

    public StringProperty attributeValueProperty() {
        return attributeValue;
    }

    public BooleanProperty unlabeledOnlyProperty() {
        return unlabeledOnly;
    }

    /** Item keys, one per line. */
    public StringProperty keysProperty() {
        return keys;
    }

    /** The chosen tag's name (with {@link ScopeKind#TAG}). */
    public StringProperty tagProperty() {
        return tag;
    }

    public ObjectProperty<QueueStrategy> strategyProperty() {
        return strategy;
    }

    public IntegerProperty overlapProperty() {
        return overlap;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** Who may work the queue, comma-separated; empty: anyone. */
    public StringProperty annotatorsProperty() {
        return annotators;
    }

    /** The one-line reason the last attempt was refused; empty when there was none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The project's attribute names, after {@link #ANY_ATTRIBUTE}. */
    public ObservableList<String> attributeNames() {
        return attributeNames;
    }

    /** The project's tag names, for the tag box. */
    public ObservableList<String> tagNames() {
        return tagNames;
    }

    /** Values of the chosen attribute (at most a thousand), for the value box's drop-down. */
    public ObservableList<String> attributeValues() {
        return attributeValues;
    }
}
