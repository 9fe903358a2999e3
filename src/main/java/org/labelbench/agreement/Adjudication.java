package org.labelbench.agreement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelChangeListener;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectStore;

/**
 * Settles a disagreement: the adjudicated (gold) label of an item is an annotation with origin
 * {@code adjudicated}, appended like every other (nothing is overwritten; the newest gold wins,
 * and it records the one it supersedes). The gold is not an opinion, so it never enters
 * agreement; HLP measures the annotators against it.
 */
public final class Adjudication {
    /** The role a new adjudicator is recorded with, when the caller does not say. */
    public static final String DEFAULT_ROLE = "lead";
    private static final List<String> PEOPLE = List.of("labeler", "reviewer", "lead");

    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotatorRepository annotators = new AnnotatorRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final GuidelineService guidelines = new GuidelineService();
    private final LabelChangeListener labelChanges;

    public Adjudication() {
        this(LabelChangeListener.NONE);
    }

    /** {@code labelChanges} hears of every gold set, in the transaction that stores it. */
    public Adjudication(LabelChangeListener labelChanges) {
        this.labelChanges = labelChanges;
    }

    /**
     * What {@link #setGold} did: the item's gold now, the class it had before (null if none), and
     * whether a row was written (not when the item already had that gold).
     */
    public record Outcome(String itemKey, DisagreementVerdict gold, String previous, boolean written) {
    }

    public Outcome setGold(ProjectStore store, String itemKey, String className, String adjudicator) {
        return setGold(store, itemKey, className, adjudicator, DEFAULT_ROLE, null);
    }

    /**
     * Makes {@code className} the gold label of the item with {@code itemKey}, by {@code adjudicator}
     * (created with {@code role} on first use), in one durable transaction. {@code shownAt}, when
     * known, is when the adjudicator saw the item: the time spent is recorded as for labels.
     * Refuses an unknown item, an unknown or retired class, a multi-label project and a source
     * (import, model) as adjudicator, changing nothing.
     */
    public Outcome setGold(ProjectStore store, String itemKey, String className, String adjudicator, String role,
            Instant shownAt) {
        String key = itemKey == null ? "" : itemKey.strip();
        String name = className == null ? "" : className.strip();
        return store.write(c -> {
            Disagreements.refuseMultiLabel(c, "adjudications");
            Item item = items.findByKey(c, key)
                    .orElseThrow(() -> new BadInputException("no item with key '" + key + "'"));
            LabelClass labelClass = offeredClass(c, name, key);
            Optional<DisagreementVerdict> previous = currentGold(c, item);
            if (previous.isPresent() && previous.get().label().equals(labelClass.name())) {
                return new Outcome(item.key(), previous.get(), previous.get().label(), false);
            }
            Annotator who = annotators.findOrCreate(c, adjudicator, role == null ? DEFAULT_ROLE : role);
            if (!PEOPLE.contains(who.role())) {
                throw new BadInputException("'" + who.name() + "' is a " + who.role()
                        + " source, not a person who adjudicates");
            }
            Instant now = Instant.now();
            Long durationMs = shownAt == null ? null : Math.max(0, Duration.between(shownAt, now).toMillis());
            long id = annotations.appendOne(c, new NewAnnotation(item.id(), who.id(), "class", labelClass.id(), null,
                    GuidelineService.currentVersion(c).orElse(null), "adjudicated", shownAt, now, durationMs, false,
                    null, null, List.of(), previous.map(DisagreementVerdict::annotationId).orElse(null)));
            labelChanges.labelsChanged(c, item.id());
            return new Outcome(item.key(), new DisagreementVerdict(id, labelClass.name(), who.name(), now),
                    previous.map(DisagreementVerdict::label).orElse(null), true);
        });
    }

    /**
     * "Add as guideline example": the item with its adjudicated class and the lead's note, waiting
     * for the next guideline version ({@link GuidelineService#addPendingExample}).
     */
    public GuidelineExample addExample(ProjectStore store, String itemKey, String className, String note,
            String author) {
        return guidelines.addPendingExample(store, new GuidelineService.ExampleSpec(itemKey, className, note), author);
    }

    private LabelClass offeredClass(Connection c, String name, String itemKey) throws SQLException {
        LabelClass labelClass = classes.list(c).stream().filter(lc -> lc.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("'" + itemKey + "': no class '" + name + "' in the schema"));
        if (labelClass.retired()) {
            throw new BadInputException("'" + itemKey + "': class '" + name + "' is retired");
        }
        return labelClass;
    }

    private static Optional<DisagreementVerdict> currentGold(Connection c, Item item) throws SQLException {
        List<Disagreement> details = new Disagreements().details(c, List.of(item.id()));
        return details.isEmpty() ? Optional.empty() : details.get(0).adjudicated();
    }
}
