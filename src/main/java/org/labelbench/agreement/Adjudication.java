package org.labelbench.agreement;

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
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

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
    /** Who may set gold: a labeler's answer is one opinion among the others, not the reference. */
    public static final List<String> ADJUDICATING_ROLES = List.of("reviewer", "lead");

    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotatorRepository annotators = new AnnotatorRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final GuidelineService guidelines = new GuidelineService();
    private final boolean ownItemsAllowed;

    public Adjudication() {
        this(false);
    }

    private Adjudication(boolean ownItemsAllowed) {
        this.ownItemsAllowed = ownItemsAllowed;
    }

    /**
     * The same, but an adjudicator may also set the gold of an item they labeled themselves (a
     * lead working alone says so on purpose; by default someone else settles it).
     */
    public Adjudication allowingOwnItems() {
        return new Adjudication(true);
    }

    /** Whether someone with {@code role} may set gold labels. */
    public static boolean mayAdjudicate(String role) {
        return ADJUDICATING_ROLES.contains(role);
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
     * Refuses an unknown item, an unknown or retired class, a multi-label project, a source
     * (import, model) as adjudicator, a {@code role} that may not adjudicate (a labeler), and an
     * item the adjudicator labeled themselves (unless {@link #allowingOwnItems}), changing nothing.
     */
    public Outcome setGold(ProjectStore store, String itemKey, String className, String adjudicator, String role,
            Instant shownAt) {
        String key = itemKey == null ? "" : itemKey.strip();
        String name = className == null ? "" : className.strip();
        return store.write(tx -> {
            SingleLabelOnly.require(tx, "adjudication");
            Item item = items.findByKey(tx, key)
                    .orElseThrow(() -> new BadInputException("no item with key '" + key + "'"));
            LabelClass labelClass = offeredClass(tx, name, key);
            String acting = role == null ? DEFAULT_ROLE : role;
            if (adjudicator == null || adjudicator.isBlank()) {
                throw new BadInputException("an annotator name is empty");
            }
            Optional<Annotator> known = annotators.find(tx, adjudicator.strip());
            if (known.isPresent() && !PEOPLE.contains(known.get().role())) {
                throw new BadInputException("'" + known.get().name() + "' is a " + known.get().role()
                        + " source, not a person who adjudicates");
            }
            if (!mayAdjudicate(acting)) {
                throw new BadInputException("only a reviewer or lead sets gold labels; " + adjudicator + " is a "
                        + acting);
            }
            if (known.isPresent() && !ownItemsAllowed && annotations.hasOpinion(tx, item.id(), known.get().id())) {
                throw new BadInputException("'" + key + "': " + known.get().name() + " labeled it; another reviewer"
                        + " or lead sets its gold");
            }
            Optional<DisagreementVerdict> previous = currentGold(tx, item);
            if (previous.isPresent() && previous.get().label().equals(labelClass.name())) {
                return new Outcome(item.key(), previous.get(), previous.get().label(), false);
            }
            Annotator who = known.isPresent() ? known.get() : annotators.findOrCreate(tx, adjudicator, acting);
            Instant now = Instant.now();
            Long durationMs = shownAt == null ? null : Math.max(0, Duration.between(shownAt, now).toMillis());
            long id = annotations.appendOne(tx, new NewAnnotation(item.id(), who.id(), "class", labelClass.id(), null,
                    GuidelineService.currentVersion(tx).orElse(null), "adjudicated", shownAt, now, durationMs, false,
                    null, null, List.of(), previous.map(DisagreementVerdict::annotationId).orElse(null)));
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

    private LabelClass offeredClass(Transaction tx, String name, String itemKey) {
        LabelClass labelClass = classes.list(tx).stream().filter(lc -> lc.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("'" + itemKey + "': no class '" + name + "' in the schema"));
        if (labelClass.retired()) {
            throw new BadInputException("'" + itemKey + "': class '" + name + "' is retired");
        }
        return labelClass;
    }

    private static Optional<DisagreementVerdict> currentGold(Transaction tx, Item item) {
        return new Disagreements().currentGold(tx, item.id());
    }
}
