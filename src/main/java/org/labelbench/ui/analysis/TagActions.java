package org.labelbench.ui.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.labelbench.analysis.PredictionService.ImportedRun;
import org.labelbench.analysis.TagMembership;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TagService;
import org.labelbench.analysis.TruthSource;
import org.labelbench.jobs.Job;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * What the Error analysis screen does with tags and runs beyond tagging rows: a labeling queue
 * over a tag's items, a rule tag, one tag per value of an attribute, and importing a prediction
 * run. The writes that can take long (an import, a rule over every item) run as jobs through the
 * {@link JobRunner}, with a step, a progress and Cancel, never on the reads thread; each is one
 * transaction, so a cancelled one leaves the project as it was. One job runs at a time.
 */
final class TagActions {
    private static final long QUEUE_SEED = 1;

    private final AnalysisCatalog catalog;
    private final UiExecutors executors;
    private final Supplier<String> author;
    private final MessageLine message;
    /** The tags on screen: what a queue from a tag covers. FX thread. */
    private final Supplier<TagMembership> shownTags;
    /** Tags were defined: read them again and show them. FX thread. */
    private final Runnable tagsChanged;

    /** The one job this screen runs at a time, as its job bar shows it. */
    private final ShownJob job;

    TagActions(AnalysisCatalog catalog, UiExecutors executors, JobRunner jobs, Supplier<String> author,
            MessageLine message, Supplier<TagMembership> shownTags, Runnable tagsChanged) {
        this.catalog = catalog;
        this.executors = executors;
        this.job = new ShownJob(jobs);
        this.author = author;
        this.message = message;
        this.shownTags = shownTags;
        this.tagsChanged = tagsChanged;
    }

    /** How many items carry {@code tag} (all of them, predicted or not): what a queue over it covers. */
    long taggedCount(String tag) {
        return TagService.itemsWith(shownTags.get(), tag).length;
    }

    /**
     * Creates a labeling queue over every item that carries {@code tag} (stored as "tag NAME"), as
     * a job. Completes with null when the queue was created, or with the core's one-line reason
     * when it was refused or cancelled (then no queue is left behind).
     */
    CompletionStage<String> createQueueFromTag(String tag, String queueName, QueueStrategy strategy, int overlap) {
        long tagged = taggedCount(tag);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        QueueDefinition definition = new QueueDefinition(queueName, QueueScope.tag(tag), strategy, overlap, QUEUE_SEED,
                List.of());
        String who = author.get();
        start("Creating queue '" + queueName + "'", context -> catalog.createQueue(definition, who, context),
                new Finish<>(outcome) {
                    @Override
                    public void succeeded(Queue queue) {
                        String items = DisplayFormats.count(tagged, "item", "items") + " tagged '" + tag + "'";
                        String covered = queue.items() == tagged ? "the " + items
                                : DisplayFormats.count(queue.items()) + " of the " + items
                                        + " (the others have enough labels)";
                        message.info("Queue '" + queue.name() + "' created over " + covered
                                + ": open it on the Label page");
                        outcome.complete(null);
                    }

                    @Override
                    public void cancelled() {
                        outcome.complete("Cancelled: queue '" + queueName + "' was not created");
                    }
                });
        return outcome;
    }

    /**
     * Defines a rule tag over {@code run}'s predictions, as a job. Completes with null when it was
     * defined, or with the one-line reason it was refused (the column of a syntax error, an
     * unknown field) or that it was cancelled.
     */
    CompletionStage<String> defineRuleTag(String name, String expression, String run) {
        String shownName = name == null ? "" : name.strip();
        return runTagJob("Defining rule tag '" + shownName + "'", context -> {
            context.checkCancelled();
            int items = catalog.defineRuleTag(name, expression, run, author.get());
            return "Rule tag '" + shownName + "': " + DisplayFormats.count(items, "item", "items");
        }, "Rule tag not defined: cancelled");
    }

    /**
     * Tags the run's likely label errors ("label errors: RUN"), as a job: the tag table then says
     * how the model does on them, the sheet shows them beside their media, and "Create queue"
     * sends them to review.
     */
    CompletionStage<String> tagLabelErrors(String run, TruthSource truth) {
        return runTagJob("Finding likely label errors of run '" + run + "'", context -> {
            context.checkCancelled();
            LabelErrors.Found found = catalog.tagLabelErrors(run, truth, author.get());
            return "Tag '" + LabelErrors.defaultTag(run) + "': " + DisplayFormats.count(found.errors().size(),
                    "likely label error", "likely label errors") + " among " + DisplayFormats.count(found.itemsConsidered(),
                    "item", "items") + " with probabilities (confident learning)";
        }, "No tag made: cancelled");
    }

    /** Turns every value of {@code attribute} into a tag ("attribute=value"), as a job: slices in one click. */
    CompletionStage<String> tagsFromAttribute(String attribute) {
        return runTagJob("Tagging by attribute '" + attribute + "'", context -> {
            context.checkCancelled();
            int tags = catalog.tagsFromAttribute(attribute, author.get());
            return DisplayFormats.count(tags, "tag", "tags") + " from attribute '" + attribute + "'";
        }, "No tags made: cancelled");
    }

    /** The project's attribute names, read off the FX thread; a failure says so and offers none. */
    CompletionStage<List<String>> attributeNames() {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        BackgroundCall.of(catalog::attributeNames)
                .onSuccess(names::complete)
                .onFailure(failure -> {
                    message.error("Cannot read the attribute names: " + FailureText.of(failure));
                    names.complete(List.of());
                })
                .runOn(executors);
        return names;
    }

    /**
     * Imports a prediction file as run {@code name}, as a job; {@code imported} shows it. Completes
     * with null when it was imported or cancelled, or with the one-line reason (naming the file)
     * when it was refused.
     */
    CompletionStage<String> importRun(Path file, String name, Consumer<ImportedRun> imported) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        start("Importing " + file.getFileName(), context -> catalog.importRun(name, file, context),
                new Finish<>(outcome) {
                    @Override
                    public void succeeded(ImportedRun run) {
                        message.info("Imported run '" + run.name() + "': " + DisplayFormats.count(run.predictions(),
                                "prediction", "predictions") + " from " + file.getFileName());
                        imported.accept(run);
                        outcome.complete(null);
                    }

                    @Override
                    public void cancelled() {
                        message.info("Import cancelled: nothing was changed");
                        outcome.complete(null);
                    }
                });
        return outcome;
    }

    /** Asks the running job to stop at its next check; it then rolls back. */
    void cancelJob() {
        job.cancel();
    }

    /** A tag definition as a job; then the tags are read again. Completes with the refusal, or null. */
    private CompletionStage<String> runTagJob(String step, Job<String> work, String cancelled) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        start(step, work, new Finish<>(outcome) {
            @Override
            public void succeeded(String done) {
                message.info(done);
                tagsChanged.run();
                outcome.complete(null);
            }

            @Override
            public void cancelled() {
                outcome.complete(cancelled);
            }
        });
        return outcome;
    }

    private <T> void start(String step, Job<T> work, Finish<T> finish) {
        if (!job.start(step, work, finish)) {
            finish.outcome.complete("Wait for '" + job.messageProperty().get() + "' to finish, or cancel it");
        }
    }

    /** A failed job of this screen: its one line is the outcome; success and cancel are the caller's. */
    private abstract static class Finish<T> implements ShownJob.Outcome<T> {
        final CompletableFuture<String> outcome;

        Finish(CompletableFuture<String> outcome) {
            this.outcome = outcome;
        }

        @Override
        public void failed(Throwable error) {
            outcome.complete(FailureText.of(error));
        }
    }

    ReadOnlyBooleanProperty jobRunningProperty() {
        return job.runningProperty();
    }

    /** From 0 to 1, or negative while the total is unknown. */
    ReadOnlyDoubleProperty jobProgressProperty() {
        return job.progressProperty();
    }

    ReadOnlyStringProperty jobMessageProperty() {
        return job.messageProperty();
    }
}
