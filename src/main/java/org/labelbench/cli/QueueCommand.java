package org.labelbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.analysis.UncertaintyPriority;
import org.labelbench.labeling.AnnotatorProgress;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueProgress;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "queue", description = "Labeling queues: create one, list them, show a queue's progress.",
        subcommands = {QueueCommand.Create.class, QueueCommand.ListQueues.class, QueueCommand.Status.class})
final class QueueCommand {
    private QueueCommand() {
    }

    static Map<String, Object> describe(Queue q) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", q.name());
        facts.put("strategy", q.strategy().id());
        facts.put("overlap", q.overlap());
        facts.put("seed", q.seed());
        facts.put("scope", q.scope());
        facts.put("annotators", q.annotators());
        facts.put("items", q.items());
        facts.put("created", q.created().toString());
        facts.put("suggestions", q.suggestionsRun());
        return facts;
    }

    /** ", suggestions from run R" when the queue shows a run's suggestions, else nothing. */
    static String suggestionsText(Queue q) {
        return q.showsSuggestions() ? ", suggestions from run " + q.suggestionsRun() : "";
    }

    @Command(name = "create", description = "Create a queue over all items, a filter, a list of keys, or a tag's items.")
    static final class Create implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--name", required = true,
            description = "The queue's name, unique in the project.")
        String name;

        @Option(names = "--strategy", defaultValue = "sequential",
                description = "sequential, random, needs-labels or disagreements (default: ${DEFAULT-VALUE}).")
        String strategy;

        @Option(names = "--overlap", defaultValue = "1", description = "Different annotators per item.")
        int overlap;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the random order.")
        long seed;

        @Option(names = "--media", paramLabel = "image|audio",
            description = "Only items of this media type.")
        String media;

        @Option(names = "--attr", paramLabel = "NAME=VALUE", description = "Only items with this attribute value.")
        String attribute;

        @Option(names = "--unlabeled",
            description = "Only items that no annotator's current answer labels (never answered, only skipped,"
                    + " or only adjudicated).")
        boolean unlabeled;

        @Option(names = "--tag", paramLabel = "NAME",
            description = "The items carrying this tag (manual, rule or metadata) when the queue is created.")
        String tag;

        @Option(names = "--items-file", paramLabel = "F.txt", description = "Item keys, one per line, in order.")
        Path itemsFile;

        @Option(names = "--annotators", paramLabel = "A,B", description = "Who may work it (default: anyone).")
        String annotators;

        @Option(names = "--uncertain-first", paramLabel = "RUN",
            description = "Serve the items a prediction run is least sure of first (active learning; the run needs"
                + " probabilities).")
        String uncertainFirst;

        @Option(names = "--uncertainty", defaultValue = "margin", paramLabel = "least-confidence|margin|entropy",
            description = "With --uncertain-first: how unsure is measured (default: ${DEFAULT-VALUE}).")
        String uncertainty;

        @Option(names = "--suggestions", paramLabel = "RUN",
            description = {"Show this prediction run's class and confidence to the labelers as a suggestion (one key",
                "accepts it). An item the run did not predict shows none. Not for multi-label projects or",
                "disagreements queues."})
        String suggestions;

        @Option(names = "--created-by", paramLabel = "NAME",
            description = "Who made the queue (default: the operating-system user).")
        String createdBy = System.getProperty("user.name", "unknown");

        @Mixin
        JsonOption output;

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            QueueDefinition definition = new QueueDefinition(name, scope(), QueueStrategy.parse(strategy), overlap, seed,
                    annotators == null ? List.of() : Arrays.asList(annotators.split(","))).withSuggestions(suggestions);
            Uncertainty measure = Uncertainty.parse(uncertainty);
            try (ProjectStore store = ProjectStore.open(project)) {
                Queue queue = new QueueService().create(store, definition, createdBy,
                        uncertainFirst == null ? null : new UncertaintyPriority(uncertainFirst, measure));
                if (output.json) {
                    context.console().json(describe(queue));
                } else {
                    context.console().line("Created queue '" + queue.name() + "': " + queue.items() + " items ("
                            + queue.scope() + "), " + queue.strategy().id() + ", overlap " + queue.overlap()
                            + suggestionsText(queue));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }

        private QueueScope scope() {
            if (tag != null) {
                if (itemsFile != null || media != null || attribute != null || unlabeled) {
                    throw new BadInputException("--tag cannot be combined with --items-file, --media, --attr or"
                            + " --unlabeled");
                }
                return QueueScope.tag(tag);
            }
            if (itemsFile != null) {
                if (media != null || attribute != null || unlabeled) {
                    throw new BadInputException("--items-file cannot be combined with --media, --attr or --unlabeled");
                }
                return QueueScope.keys(readKeys(itemsFile));
            }
            ItemQuery query = ItemQuery.all();
            if (media != null) {
                String kind = media.strip().toLowerCase(Locale.ROOT);
                if (!kind.equals("image") && !kind.equals("audio")) {
                    throw new BadInputException("--media takes image or audio, not '" + media + "'");
                }
                query = query.withMedia(kind);
            }
            if (attribute != null) {
                int eq = attribute.indexOf('=');
                if (eq <= 0) {
                    throw new BadInputException("--attr takes NAME=VALUE, not '" + attribute + "'");
                }
                query = query.withAttribute(attribute.substring(0, eq).strip(), attribute.substring(eq + 1).strip());
            }
            if (unlabeled) {
                query = query.withLabel(ItemQuery.UNLABELED);
            }
            return QueueScope.filter(query);
        }

        private static List<String> readKeys(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file + ": no such file");
            }
            try {
                List<String> keys = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                if (keys.isEmpty()) {
                    throw new BadInputException(file + ": no item keys in the file");
                }
                return keys;
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new BadInputException(file + ": cannot be read as UTF-8 text: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", description = "Every queue with its progress (read-only).")
    static final class ListQueues implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Mixin
        JsonOption output;

        ListQueues(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                QueueService service = new QueueService();
                List<Queue> queues = service.list(store);
                if (output.json) {
                    context.console().json(queues.stream().map(q -> {
                        Map<String, Object> facts = describe(q);
                        QueueProgress p = service.progress(store, q.name());
                        facts.put("labels_done", p.labelsDone());
                        facts.put("labels_wanted", p.labelsWanted());
                        return facts;
                    }).toList());
                    return LabelbenchCli.EXIT_OK;
                }
                if (queues.isEmpty()) {
                    context.console().line("No queues yet; create one with: queue create PROJECT --name N");
                }
                for (Queue q : queues) {
                    QueueProgress p = service.progress(store, q.name());
                    context.console().line(String.format(Locale.ROOT, "%-20s %-13s overlap %-2d %7d items  %5.1f %% done"
                            + "  (%s)%s", q.name(), q.strategy().id(), q.overlap(), q.items(), 100 * p.fractionDone(),
                            q.scope(), suggestionsText(q)));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "status", description = "A queue's progress, per annotator: done, skipped, pace (read-only).")
    static final class Status implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--name", required = true,
            description = "The queue to report on.")
        String name;

        @Mixin
        JsonOption output;

        Status(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                QueueProgress p = new QueueService().progress(store, name);
                if (output.json) {
                    Map<String, Object> facts = QueueCommand.describe(p.queue());
                    facts.put("complete", p.complete());
                    facts.put("labels_wanted", p.labelsWanted());
                    facts.put("labels_done", p.labelsDone());
                    facts.put("skipped", p.skipped());
                    facts.put("fraction_done", p.fractionDone());
                    facts.put("by_annotator", p.annotators().stream().map(Status::annotatorFacts).toList());
                    context.console().json(facts);
                    return LabelbenchCli.EXIT_OK;
                }
                context.console().line(String.format(Locale.ROOT, "%s: %d of %d labels (%.1f %%), %d of %d items complete,"
                        + " %d skipped", p.queue().name(), p.labelsDone(), p.labelsWanted(), 100 * p.fractionDone(),
                        p.complete(), p.items(), p.skipped()) + suggestionsText(p.queue()));
                for (AnnotatorProgress a : p.annotators()) {
                    context.console().line(String.format(Locale.ROOT, "  %-16s %6d done %5d skipped  %s labels/h  %s s/item",
                            a.annotator(), a.done(), a.skipped(), a.labelsPerHour() == null ? "-"
                                    : String.format(Locale.ROOT, "%.0f", a.labelsPerHour()),
                            a.medianSecondsPerItem() == null ? "-"
                                    : String.format(Locale.ROOT, "%.1f", a.medianSecondsPerItem())));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }

        private static Map<String, Object> annotatorFacts(AnnotatorProgress a) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("annotator", a.annotator());
            facts.put("done", a.done());
            facts.put("skipped", a.skipped());
            facts.put("labels_per_hour", a.labelsPerHour());
            facts.put("median_seconds_per_item", a.medianSecondsPerItem());
            return facts;
        }
    }
}
