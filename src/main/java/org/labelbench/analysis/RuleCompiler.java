package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemCondition;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.RuleTagRepository;
import org.labelbench.project.RuleTagRepository.TagDefinition;

/**
 * Turns rules into item conditions against a project: a new rule against the run it names (or the newest),
 * with its attributes checked; a stored rule against its stored run, attributes unchecked (one no
 * item has any more simply matches nothing).
 */
final class RuleCompiler {
    private final RuleTagRepository tags = new RuleTagRepository();
    private final PredictionRepository predictions = new PredictionRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final ItemRepository items = new ItemRepository();

    /** The run the rule's prediction fields read: the one named (which must exist), else the newest; null if it reads none. */
    RuleContext.Run runFor(Transaction tx, RuleExpression rule, String runName) {
        String named = runName == null || runName.isBlank() ? null : runName.strip();
        RuleContext.Run run = named == null ? null : run(tx, named);
        if (rule.predictionFields().isEmpty()) {
            return null;
        }
        if (run != null) {
            return run;
        }
        String newest = tags.newestRun(tx).orElseThrow(() -> RuleError.of(rule.text(),
                String.join(", ", rule.predictionFields()) + " reads predictions, and the project has no prediction"
                + " run; import one with 'predictions import'"));
        return run(tx, newest);
    }

    ItemCondition compileNew(Transaction tx, RuleExpression rule, RuleContext.Run run) {
        return rule.toSql(context(tx, run, new LinkedHashSet<>(items.attributeNames(tx))));
    }

    ItemCondition compileStored(Transaction tx, TagDefinition tag) {
        RuleContext.Run run = tag.run() == null ? null : new RuleContext.Run(tag.run().id(), tag.run().name(),
                probabilityClasses(tag.run().name(), tag.run().classes()));
        return RuleExpression.parse(tag.rule()).toSql(context(tx, run, null));
    }

    private RuleContext.Run run(Transaction tx, String name) {
        var found = predictions.findRun(tx, name);
        if (found.isEmpty()) {
            List<String> names = predictions.listRuns(tx).stream().map(PredictionRun::name).toList();
            throw new BadInputException("no prediction run named '" + name + "'; "
                    + (names.isEmpty() ? "the project has none" : "runs: " + String.join(", ", names)));
        }
        PredictionRun run = found.get();
        return new RuleContext.Run(run.id(), run.name(), probabilityClasses(run.name(), run.classes()));
    }

    private RuleContext context(Transaction tx, RuleContext.Run run, Set<String> attributes) {
        Map<String, Long> classIds = new LinkedHashMap<>();
        for (LabelClass labelClass : classes.list(tx)) {
            classIds.put(labelClass.name(), labelClass.id());
        }
        return new RuleContext(classIds, run, attributes);
    }

    /**
     * Made on the first rule that reads probabilities: the compiler is built whenever a store
     * opens (rule tags follow labels), and a mapper costs a short command a fifth of its start-up.
     */
    private static final class ClassesJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The classes of a run's probability vectors, from their stored JSON array (null: none). */
    private static List<String> probabilityClasses(String run, String classesJson) {
        if (classesJson == null) {
            return List.of();
        }
        try {
            return ClassesJson.MAPPER.readValue(classesJson, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run '" + run + "' stores unreadable classes: " + classesJson, e);
        }
    }
}
