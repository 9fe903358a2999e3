package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.ItemCondition;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.RuleTagRepository;
import org.labelbench.project.RuleTagRepository.TagDefinition;

/**
 * Computed tags. A rule tag holds the items meeting its {@link RuleExpression}; a metadata tag
 * {@code NAME=value} the items whose attribute NAME has that value. Both are evaluated in SQL, one
 * DELETE and one INSERT ... SELECT per rule tag and per attribute. They are snapshots: the refresh
 * methods re-evaluate them after the data changed, in full or for the items that changed. Each
 * call is one transaction (its own, or the caller's); a refused request changes nothing.
 */
public final class RuleTagService {
    private final RuleTagRepository tags = new RuleTagRepository();
    private final ItemRepository items = new ItemRepository();
    private final RuleCompiler compiler = new RuleCompiler();
    private final AttributeTags attributeTags = new AttributeTags();

    /** A rule tag as defined and evaluated; {@code run} is null when the rule reads no predictions. */
    public record RuleTag(String tag, String rule, String run, int items) {
    }

    /** The metadata tags of one attribute with their item counts, by tag name. */
    public record MetadataTags(String attribute, Map<String, Integer> itemsByTag) {
    }

    /**
     * One computed tag after a refresh: its new item count, or (items null) why it could not be
     * evaluated, in which case it keeps its items (a rule naming a class that was since renamed).
     */
    public record Refreshed(String tag, String kind, Integer items, String problem) {
    }

    /** Defines (or redefines) the rule tag and tags the items that meet the rule. */
    public RuleTag defineRule(ProjectStore store, String name, String expression, String runName, String author) {
        String tag = TagService.validName(name);
        RuleExpression rule = RuleExpression.parse(expression);
        return store.write(tx -> {
            refuseOtherKind(tx, tag);
            RuleContext.Run run = compiler.runFor(tx, rule, runName);
            ItemCondition condition = compiler.compileNew(tx, rule, run);
            Instant now = Instant.now();
            long id = tags.saveRule(tx, tag, rule.text(), run == null ? null : run.id(), author, now);
            return new RuleTag(tag, rule.text(), run == null ? null : run.name(),
                    tags.replaceRuleItems(tx, id, condition, author, now));
        });
    }

    /** One metadata tag per value of the attribute ({@code speaker=ana}); re-running it re-derives them. */
    public MetadataTags fromAttribute(ProjectStore store, String attribute, String author) {
        String name = attribute == null ? "" : attribute.strip();
        if (name.isEmpty()) {
            throw new BadValueException("tag rule", "", " needs an attribute name");
        }
        return store.write(tx -> {
            List<String> known = items.attributeNames(tx);
            if (!known.contains(name)) {
                throw new BadInputException("no attribute '" + name + "'; "
                        + (known.isEmpty() ? "the project has no attributes" : "attributes: " + String.join(", ", known)));
            }
            return new MetadataTags(name, attributeTags.derive(tx, name, author, Instant.now()));
        });
    }

    /**
     * Re-evaluates every rule tag and re-derives every metadata tag, in one transaction: after items
     * or attributes were imported (a new item may meet any rule). A predictions import needs no
     * refresh: a rule keeps the run it was defined with, and a run never changes.
     */
    public List<Refreshed> refresh(ProjectStore store) {
        return store.write(this::refresh);
    }

    /**
     * The same inside a caller's transaction, so an import and the tags it changes commit together.
     * A tag that cannot be evaluated any more is reported, not fatal: the import that triggered the
     * refresh must not fail for it.
     */
    public List<Refreshed> refresh(Transaction tx) {
        Instant now = Instant.now();
        List<Refreshed> refreshed = refreshMetadata(tx, now);
        refreshed.addAll(refreshRules(tx, rule -> true, now));
        refreshed.sort(Comparator.comparing(Refreshed::tag));
        return refreshed;
    }

    /** Re-derives the metadata tags of every attribute that has them; an attribute that cannot be is reported. */
    private List<Refreshed> refreshMetadata(Transaction tx, Instant now) {
        List<Refreshed> refreshed = new ArrayList<>();
        for (String attribute : new LinkedHashSet<>(tags.ofKind(tx, RuleTagRepository.METADATA).stream()
                .map(TagDefinition::rule).toList())) {
            try {
                attributeTags.derive(tx, attribute, null, now).forEach((tag, count) ->
                        refreshed.add(new Refreshed(tag, RuleTagRepository.METADATA, count, null)));
            } catch (BadInputException e) {
                for (TagDefinition tag : tags.metadataTagsOf(tx, attribute)) {
                    refreshed.add(new Refreshed(tag.name(), RuleTagRepository.METADATA, null, e.getMessage()));
                }
            }
        }
        return refreshed;
    }

    /** Re-evaluates the rule tags that read labels, in the caller's transaction: after labels were imported or adjudicated. */
    public List<Refreshed> refreshLabelRules(Transaction tx) {
        return refreshRules(tx, RuleExpression::readsLabels, Instant.now());
    }

    /**
     * Re-evaluates every rule tag for one item, in the caller's transaction: after a label was
     * submitted or adjudicated on it, so a labeler's tags stay current at the cost of a few index
     * lookups per rule. A rule that no longer compiles is left for the next full refresh to report.
     */
    public void refreshItem(Transaction tx, long item) {
        refreshRulesIn(tx, ItemCondition.item(item), Instant.now());
    }

    /** {@link #refreshItem} for a few items at once: one statement per rule for all of them. */
    public void refreshItems(Transaction tx, java.util.Collection<Long> items) {
        refreshRulesIn(tx, ItemCondition.items(items), Instant.now());
    }

    /**
     * After an import, in its transaction: every rule tag for the items it added (an import never
     * changes the items already there, so no other item can have moved in or out of a rule), and
     * every metadata tag (its attributes may bring new values).
     */
    public List<Refreshed> refreshImportBatch(Transaction tx, long batch) {
        Instant now = Instant.now();
        List<Refreshed> refreshed = refreshMetadata(tx, now);
        refreshRulesIn(tx, ItemCondition.importBatch(batch), now);
        return refreshed;
    }

    private void refreshRulesIn(Transaction tx, ItemCondition scope, Instant now) {
        for (TagDefinition tag : tags.ofKind(tx, RuleTagRepository.RULE)) {
            ItemCondition condition;
            try {
                condition = compiler.compileStored(tx, tag);
            } catch (BadInputException stale) {
                continue;
            }
            tags.replaceRuleItemsIn(tx, tag.id(), condition, scope, tag.author(), now);
        }
    }

    private List<Refreshed> refreshRules(Transaction tx, Predicate<RuleExpression> which,
            Instant now) {
        List<Refreshed> refreshed = new ArrayList<>();
        for (TagDefinition tag : tags.ofKind(tx, RuleTagRepository.RULE)) {
            try {
                if (!which.test(RuleExpression.parse(tag.rule()))) {
                    continue;
                }
                refreshed.add(new Refreshed(tag.name(), RuleTagRepository.RULE,
                        tags.replaceRuleItems(tx, tag.id(), compiler.compileStored(tx, tag), tag.author(), now), null));
            } catch (BadInputException e) {
                refreshed.add(new Refreshed(tag.name(), RuleTagRepository.RULE, null, e.getMessage()));
            }
        }
        return refreshed;
    }

    /** The run of each rule tag that reads predictions, by tag name. */
    public Map<String, String> runsOfRuleTags(ProjectStore store) {
        return store.read(tx -> {
            Map<String, String> runs = new LinkedHashMap<>();
            for (TagDefinition tag : tags.ofKind(tx, RuleTagRepository.RULE)) {
                if (tag.run() != null) {
                    runs.put(tag.name(), tag.run().name());
                }
            }
            return runs;
        });
    }

    private void refuseOtherKind(Transaction tx, String tag) {
        var existing = tags.find(tx, tag);
        if (existing.isPresent() && !existing.get().kind().equals(RuleTagRepository.RULE)) {
            throw new BadInputException("tag '" + tag + "' is a " + existing.get().kind() + " tag; choose another name");
        }
    }
}
