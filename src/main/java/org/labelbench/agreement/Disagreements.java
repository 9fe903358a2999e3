package org.labelbench.agreement;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.DisagreementRepository;
import org.labelbench.project.DisagreementRepository.OpinionDetail;
import org.labelbench.project.GoldRepository;
import org.labelbench.project.GoldRepository.GoldLabel;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.StatementCache;
import org.labelbench.project.Transaction;

/**
 * Reads the items whose annotators disagree. "Opinions" are as in {@link LabelMatrix#read}: the
 * newest class label of each (item, annotator) among labels by people and imports; the gold
 * (origin {@code adjudicated}) and model labels are not opinions. An item is contested when its
 * opinions hold two or more classes. Current opinions that are accepted suggestions count only
 * when the filter says so ({@link DisagreementFilter#suggestions}); the details of a listed item
 * show every current opinion with its origin.
 *
 * <p>The order is computed once, by one set-based statement that returns ids only
 * ({@link DisagreementRepository#forEachContested}): most contested first (1 − plurality
 * share), then more annotators, then more distinct classes, then item key. Details (labels,
 * notes, time spent, the gold) are read a page of ids at a time.
 */
public final class Disagreements {
    /** Ids per attribute read: ItemRepository.attributes binds one parameter per id. */
    private static final int ATTRIBUTE_CHUNK = 500;

    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final DisagreementRepository contested = new DisagreementRepository();
    private final GoldRepository gold = new GoldRepository();

    public DisagreementList list(ProjectStore store, DisagreementFilter filter) {
        return store.read(tx -> list(tx, filter));
    }

    /** The contested items {@code filter} matches, in order; refuses multi-label projects and unknown classes. */
    public DisagreementList list(Transaction tx, DisagreementFilter filter) {
        SingleLabelOnly.require(tx, "the disagreement list");
        Long classId = classId(tx, filter.className());
        Long otherClassId = classId(tx, filter.otherClassName());
        Listed listed = new Listed(filter.includeResolved());
        contested.forEachContested(tx, classId, otherClassId, filter.suggestions(), listed::add);
        return new DisagreementList(Arrays.copyOf(listed.ids, listed.size), listed.contested, listed.resolved, filter);
    }

    /** The ids listed in order, with every contested item counted (resolved or not). */
    private static final class Listed {
        private final boolean includeResolved;
        long[] ids = new long[1024];
        int size;
        long contested;
        long resolved;

        Listed(boolean includeResolved) {
            this.includeResolved = includeResolved;
        }

        void add(long item, boolean isResolved) {
            contested++;
            if (isResolved) {
                resolved++;
                if (!includeResolved) {
                    return;
                }
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = item;
        }
    }

    /** The id of the class named {@code name}; null for null; refuses a name the schema does not have. */
    private Long classId(Transaction tx, String name) {
        if (name == null) {
            return null;
        }
        return classes.list(tx).stream().filter(lc -> lc.name().equals(name)).findFirst().map(LabelClass::id)
                .orElseThrow(() -> new BadInputException("no class '" + name + "' in the schema"));
    }

    /**
     * The newest annotation's id (0 when there is none). Annotations are append-only, so the
     * contested list of a filter stays the same while this does: a view re-reads it only then.
     */
    public long labelsVersion(ProjectStore store) {
        return store.read(annotations::labelsStamp);
    }

    public List<Disagreement> details(ProjectStore store, List<Long> itemIds) {
        return store.read(tx -> details(tx, itemIds));
    }

    /**
     * The items with {@code itemIds}, in that order, each with its current opinions (annotators in
     * name order) and its gold. An id that is no item is left out.
     */
    public List<Disagreement> details(Transaction tx, List<Long> itemIds) {
        Map<Long, List<OpinionDetail>> opinions = contested.currentClassOpinions(tx, itemIds);
        Map<Long, GoldLabel> verdicts = gold.currentGold(tx, itemIds);
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        for (int from = 0; from < itemIds.size(); from += ATTRIBUTE_CHUNK) {
            attributes.putAll(items.attributes(tx, itemIds.subList(from, Math.min(itemIds.size(),
                    from + ATTRIBUTE_CHUNK))));
        }
        List<Disagreement> details = new ArrayList<>(itemIds.size());
        try (StatementCache statements = new StatementCache()) {
            ItemRepository byId = new ItemRepository(statements); // one prepared lookup for the page
            for (long id : itemIds) {
                Item item = byId.findById(tx, id).orElse(null);
                if (item != null) {
                    GoldLabel verdict = verdicts.get(id);
                    details.add(new Disagreement(item, attributes.getOrDefault(id, Map.of()),
                            opinions.getOrDefault(id, List.of()).stream().map(Disagreements::opinion).toList(),
                            verdict == null ? null : verdict(verdict)));
                }
            }
        }
        return details;
    }

    /** The item's current gold, if it has one. */
    Optional<DisagreementVerdict> currentGold(Transaction tx, long itemId) {
        return Optional.ofNullable(gold.currentGold(tx, List.of(itemId)).get(itemId)).map(Disagreements::verdict);
    }

    private static DisagreementOpinion opinion(OpinionDetail o) {
        return new DisagreementOpinion(o.annotator(), o.label(), o.unsure(), o.note(), o.durationMs(),
                o.guidelineVersion(), instant(o.submitted()), o.origin());
    }

    private static DisagreementVerdict verdict(GoldLabel g) {
        return new DisagreementVerdict(g.annotation(), g.label(), g.adjudicator(), instant(g.submitted()));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // written by another tool in another format: shown without a time
        }
    }
}
