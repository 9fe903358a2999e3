package org.labelbench.ui.label;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.labelbench.labeling.Guideline;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.labeling.QueueProgress;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueTask;
import org.labelbench.labeling.SubmittedLabel;
import org.labelbench.labeling.Suggestion;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.audio.AudioTransport;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.ExecutorJobRunner;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.preview.MediaFiles;

/**
 * One labeler working one queue: the item on screen, the class buttons, the guideline, and
 * every decision. Calls on the {@link LabelingSession} run in order on the {@link SessionWorker}'s
 * thread; the FX thread never waits on SQLite. While a decision is being committed (and while
 * the next item's media is still loading) class keys are ignored, so a fast labeler never labels
 * an item they have not seen. After each item is shown the next few are decoded in the background.
 */
public final class LabelingViewModel {
    /** Skip reasons offered first (keys 1, 2, 3 in the skip dialog). */
    public static final List<String> SKIP_REASONS = List.of("can't tell", "bad media", "not in schema");
    /** Said once in the status line when Java Sound has no output; the reason is the transport's problem. */
    public static final String NO_AUDIO_OUTPUT = "No audio output device: labeling goes on without sound";
    /** Items decoded ahead of the one on screen. */
    static final int PREFETCHED = 3;
    /** Decoded items kept: the prefetched ones, the current one and a few behind it (for going back). */
    private static final int CACHED = 8;

    private final ProjectStore store;
    private final SessionWorker<LabelingSession> worker;
    private final ShownMedia itemMedia;
    private final AudioTransport audio;
    private final LabelingHeader header = new LabelingHeader();
    private final ShownGuideline guideline;
    private final StatusLine status = new StatusLine();
    private final ClassButtons buttons = new ClassButtons();
    private final GuidelineService guidelines = new GuidelineService();
    private final QueueService queues = new QueueService();
    private final BackgroundRetrainer retrainer;

    private final ReadOnlyObjectWrapper<QueueTask> task = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper transcriptShown = new ReadOnlyBooleanWrapper();
    private final StringProperty transcript = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper unsure = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper audioProblem = new ReadOnlyStringWrapper("");
    /** The run whose suggestions the open queue shows; empty: it shows none. */
    private final ReadOnlyStringWrapper suggestionsRun = new ReadOnlyStringWrapper("");
    /** The line about the shown item's suggestion ("Model suggests coat · 92 %"); empty without a suggestions run. */
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasSuggestion = new ReadOnlyBooleanWrapper();
    /** The item whose media the view last reported on screen (-1: none yet): its time is counted once. */
    private long renderedItem = -1;

    /** {@code jobs} runs the background retraining rounds (see {@link BackgroundRetrainer}). */
    public LabelingViewModel(ProjectStore store, MediaFiles media, UiExecutors executors, JobRunner jobs) {
        this(store, media, executors, jobs, SessionWorker.onOwnThread("labelbench-labeling", executors.fx()));
    }

    /** Tests pass a direct executor for the session thread: everything runs on their thread. */
    LabelingViewModel(ProjectStore store, MediaFiles media, UiExecutors executors, Executor sessionThread) {
        this(store, media, executors, new ExecutorJobRunner(executors.reads(), executors.fx()),
                new SessionWorker<>(sessionThread, executors.fx()));
    }

    private LabelingViewModel(ProjectStore store, MediaFiles media, UiExecutors executors, JobRunner jobs,
            SessionWorker<LabelingSession> worker) {
        this.store = store;
        this.worker = worker;
        this.retrainer = new BackgroundRetrainer(store, executors, jobs);
        this.guideline = new ShownGuideline(store.directory());
        this.itemMedia = new ShownMedia(new PrefetchCache(new ItemMediaDecoder(media), executors.media(), CACHED),
                executors.fx());
        this.audio = new AudioTransport(executors.media(), executors.fx());
        audioProblem.bind(Bindings.when(audio.problemProperty().isEmpty()).then("").otherwise(NO_AUDIO_OUTPUT));
    }

    // ---------------------------------------------------------------- opening and closing

    /**
     * Opens {@code queue} for {@code labeler} and shows the item they left open (or the next).
     * Completes (on the FX thread) when the first item is shown, or exceptionally with the
     * core's one-line reason (not allowed on this queue, a source rather than a person...); is
     * cancelled when the screen was closed or another queue opened before this one was ready.
     */
    public CompletionStage<Void> open(String queue, Labeler labeler) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        audio.load(null);
        itemMedia.clear();
        status.clear();
        busy.set(true);
        worker.open(
                // Rule tags over labels follow each label in its own commit.
                () -> LabelingSession.open(store, queue, labeler.name(), labeler.role()),
                started -> new Opening(started.schema(), guidelines.current(store).orElse(null),
                        queues.progress(store, queue), started.finishedByMe(), started.current().orElse(null)),
                opening -> {
                    busy.set(false);
                    open.set(true);
                    QueueProgress progress = opening.progress();
                    header.opened(progress.queue().name(), opening.finishedByMe(), progress.labelsDone(),
                            progress.labelsWanted());
                    buttons.show(opening.schema());
                    String run = progress.queue().suggestionsRun();
                    suggestionsRun.set(run == null ? "" : run);
                    guideline.show(opening.guideline());
                    retrainer.opened(progress.queue().name(), labeler.name());
                    show(opening.task());
                    opened.complete(null);
                },
                error -> {
                    busy.set(false);
                    opened.completeExceptionally(new IllegalStateException(FailureText.of(error)));
                })
                .exceptionally(dropped -> {
                    opened.cancel(false); // a no-op after a failure: opened is complete then
                    return null;
                });
        return opened;
    }

    /** Leaves the queue: stops playback and closes the session (after a commit in flight). */
    public void close() {
        worker.close();
        retrainer.closed();
        suggestionsRun.set("");
        showSuggestion(null);
        audio.load(null);
        itemMedia.clear();
        open.set(false);
        busy.set(false);
        task.set(null);
    }

    /** The project is closing: close the session and stop its thread, after what is queued on it. */
    public void dispose() {
        close();
        retrainer.dispose();
        worker.dispose();
    }

    private record Opening(LabelSchema schema, Guideline guideline, QueueProgress progress, long finishedByMe,
            QueueTask task) {
    }

    // ---------------------------------------------------------------- decisions

    /**
     * A class key or button. Single-label: label and advance. Multi-label: toggle. With a
     * transcript field on an audio item: label and advance when a transcript is typed, else
     * choose the class and let the labeler type (Enter submits).
     */
    public void pressClass(LabelClass labelClass) {
        if (!acceptsDecisions()) {
            return;
        }
        buttons.of(labelClass).ifPresent(choice -> {
            if (buttons.isMultiLabel() || (transcriptShown.get() && transcript.get().isBlank())) {
                buttons.choose(choice); // the labeler goes on choosing, or types the transcript
            } else {
                commit(LabelDecision.single(labelClass));
            }
        });
    }

    /** The class with {@code hotkey} ("1", "q"), as {@link #pressClass}; false when no class has it. */
    public boolean pressHotkey(String hotkey) {
        Optional<LabelClass> labelClass = buttons.withHotkey(hotkey);
        labelClass.ifPresent(this::pressClass);
        return labelClass.isPresent();
    }

    /**
     * A class key pressed in the transcript field: chooses the class (toggles it, multi-label)
     * and never submits, so a mis-pressed key is corrected by the right one; Enter submits.
     * False when no class has that hotkey.
     */
    public boolean chooseHotkey(String hotkey) {
        Optional<LabelClass> labelClass = buttons.withHotkey(hotkey);
        if (labelClass.isPresent() && acceptsDecisions()) {
            buttons.of(labelClass.get()).ifPresent(buttons::choose);
        }
        return labelClass.isPresent();
    }

    /**
     * Enter: submits the chosen classes (multi-label), or the chosen class with the transcript;
     * on an item labeled before, its label again (which just advances). Says what is missing
     * otherwise. True when a decision is on its way.
     */
    public boolean submitChosen() {
        if (!acceptsDecisions()) {
            return false;
        }
        List<LabelClass> chosen = buttons.chosen();
        if (buttons.isMultiLabel()) {
            commit(LabelDecision.multi(chosen));
        } else if (chosen.size() == 1) {
            commit(LabelDecision.single(chosen.get(0)));
        } else {
            status.info("Press a class key to label this item" + (transcriptShown.get() ? " (then Enter)" : ""));
            return false;
        }
        return true;
    }

    /**
     * The accept key: answers the shown item with the model's suggestion (stored with origin
     * accepted-suggestion and its run). Without a suggestion on the item it says why and does
     * nothing. False when nothing was submitted.
     */
    public boolean acceptSuggestion() {
        if (!acceptsDecisions()) {
            return false;
        }
        Suggestion shown = task.get().suggestion();
        if (shown == null) {
            status.info(suggestionsRun.get().isEmpty() ? "This queue shows no suggestions"
                    : "No suggestion to accept: run " + suggestionsRun.get() + " did not predict this item");
            return false;
        }
        commit(LabelDecision.accept(shown));
        return true;
    }

    /** Skips the item with {@code reason} ("can't tell", or what the labeler typed). */
    public void skip(String reason) {
        if (!acceptsDecisions()) {
            return;
        }
        commit(LabelDecision.skip(reason));
    }

    /** Ctrl+U: marks the next label unsure (shown as a badge until then). */
    public void toggleUnsure() {
        if (task.get() != null) {
            unsure.set(!unsure.get());
        }
    }

    /** Ctrl+N: a note recorded with the next label (blank removes it). */
    public void setNote(String text) {
        if (task.get() != null) {
            note.set(text == null ? "" : text.strip());
        }
    }

    private boolean acceptsDecisions() {
        return open.get() && !busy.get() && task.get() != null && !itemMedia.isLoading();
    }

    private void commit(LabelDecision bare) {
        QueueTask from = task.get();
        LabelDecision decision = bare.withUnsure(unsure.get()).withNote(blankToNull(note.get()));
        if (transcriptShown.get() && !bare.isSkip()) {
            decision = decision.withTranscript(blankToNull(transcript.get()));
        }
        LabelDecision submitted = decision;
        move(session -> session.submit(submitted).orElse(null), () -> {
            header.answered(from, submitted.isSkip());
            retrainer.labeled();
        });
    }

    // ---------------------------------------------------------------- moving

    /** Backspace / Ctrl+Z: the previous item, with the label given to it (changeable). */
    public void back() {
        move(session -> session.back().orElse(null), NOTHING);
    }

    /** Ctrl+Right / End: back to the frontier, the first item not labeled yet. */
    public void resume() {
        move(session -> session.resume().orElse(null), NOTHING);
    }

    /** Ctrl+J: the item with {@code key}; a key not in the queue says why in the status line. */
    public void jumpTo(String key) {
        if (key != null && !key.isBlank()) {
            move(session -> session.jumpTo(key.strip()).orElse(null), NOTHING);
        }
    }

    /**
     * Keys of the queue's items starting with {@code prefix} (at most {@code limit}), for the jump
     * field; read on the session thread, answered on the FX thread (empty when nothing is open).
     */
    public CompletionStage<List<String>> completeKey(String prefix, int limit) {
        if (!open.get() || prefix == null || prefix.isBlank()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return worker.call(session -> session.completeKey(prefix, limit), keys -> { },
                        error -> status.error("Cannot list the keys: " + FailureText.of(error)))
                .handle((keys, failedOrDropped) -> keys == null ? List.<String>of() : keys);
    }

    private static final Runnable NOTHING = () -> { };

    /** Runs {@code step} on the session; its next item is shown (after {@code answered}), or its failure said. */
    private void move(Function<LabelingSession, QueueTask> step, Runnable answered) {
        if (!open.get() || busy.get()) {
            return;
        }
        busy.set(true);
        status.clear();
        worker.call(step, next -> {
            busy.set(false);
            answered.run();
            show(next);
        }, error -> {
            busy.set(false);
            status.error(FailureText.of(error));
        });
    }

    // ---------------------------------------------------------------- showing

    private void show(QueueTask next) {
        audio.load(null);
        task.set(next);
        renderedItem = -1;
        header.show(next);
        showSuggestion(next);
        resetItemState(next == null ? null : next.own());
        if (next == null) {
            transcriptShown.set(false);
            itemMedia.finished(header.doneMessage());
            return;
        }
        transcriptShown.set(buttons.takeTranscripts() && next.item().isAudio());
        itemMedia.show(next.item(), loaded -> {
            if (loaded instanceof LabelingContent.Sound sound) {
                audio.load(sound.audio());
                audio.autoPlay(); // silent once Java Sound said there is no output
            }
        });
        worker.call(session -> session.upcoming(PREFETCHED), itemMedia::prefetch,
                error -> status.error("Cannot read the next items ahead: " + FailureText.of(error)));
    }

    /** The view calls this once the item's media is on screen: the time on the item starts now. */
    public void contentRendered(long itemId) {
        QueueTask shown = task.get();
        if (shown == null || shown.item().id() != itemId || renderedItem == itemId) {
            return;
        }
        renderedItem = itemId;
        worker.call(session -> {
            if (session.current().map(t -> t.item().id() == itemId).orElse(false)) {
                session.markShown();
            }
            return null;
        }, done -> { }, error -> status.error(FailureText.of(error)));
    }

    private void showSuggestion(QueueTask next) {
        Suggestion shown = next == null ? null : next.suggestion();
        hasSuggestion.set(shown != null);
        buttons.suggest(shown == null ? null : shown.className());
        if (shown != null) {
            suggestion.set(shown.text());
        } else if (next != null && !suggestionsRun.get().isEmpty()) {
            suggestion.set("No suggestion for this item (run " + suggestionsRun.get() + " did not predict it)");
        } else {
            suggestion.set("");
        }
    }

    private void resetItemState(SubmittedLabel own) {
        List<String> ownClasses = own == null || own.isSkip() ? List.of() : own.classes();
        buttons.chooseOnly(ownClasses);
        unsure.set(own != null && own.unsure());
        note.set(own == null || own.note() == null ? "" : own.note());
        transcript.set(own == null || own.transcript() == null ? "" : own.transcript());
    }

    // ---------------------------------------------------------------- audio

    /** {@code [}: the next slower speed, said in the status line. */
    public void slower() {
        status.info("Playback speed " + AudioTransport.rateText(audio.slower()));
    }

    /** {@code ]}: the next faster speed, said in the status line. */
    public void faster() {
        status.info("Playback speed " + AudioTransport.rateText(audio.faster()));
    }

    // ---------------------------------------------------------------- plumbing

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---------------------------------------------------------------- properties

    /** The queue's name, the position and counts, and the item's own lines above it. */
    public LabelingHeader header() {
        return header;
    }

    /** The item on screen; null when the queue is done (or nothing is open). */
    public ReadOnlyObjectProperty<QueueTask> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** The guideline beside the item. */
    public ShownGuideline guideline() {
        return guideline;
    }

    /** What just happened, or why it could not. */
    public StatusLine status() {
        return status;
    }

    public ReadOnlyObjectProperty<LabelingContent> contentProperty() {
        return itemMedia.contentProperty();
    }

    /** The class buttons, in hotkey order, and which are chosen. */
    public ObservableList<ClassChoice> classes() {
        return buttons.all();
    }

    public ReadOnlyBooleanProperty multiLabelProperty() {
        return buttons.multiLabelProperty();
    }

    /** True for audio items in a project that takes transcripts. */
    public ReadOnlyBooleanProperty transcriptShownProperty() {
        return transcriptShown.getReadOnlyProperty();
    }

    /** The transcript field's text, recorded with the next label. */
    public StringProperty transcriptProperty() {
        return transcript;
    }

    public ReadOnlyBooleanProperty unsureProperty() {
        return unsure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True while a decision or a move is being committed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a session is open. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The item's audio: play, seek, speed, the playhead; its problem property has Java Sound's words. */
    public AudioTransport audio() {
        return audio;
    }

    /** {@link #NO_AUDIO_OUTPUT} once Java Sound had no output line; empty while sound plays. */
    public ReadOnlyStringProperty audioProblemProperty() {
        return audioProblem.getReadOnlyProperty();
    }

    /** The run whose suggestions the open queue shows; empty when it shows none. */
    public ReadOnlyStringProperty suggestionsRunProperty() {
        return suggestionsRun.getReadOnlyProperty();
    }

    /**
     * What the model suggests for the shown item ("Model suggests coat · 92 %"), or why there is
     * no suggestion; empty when the queue shows none. A suggestion, never a label.
     */
    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    /** True when the shown item has a suggestion the accept key would give. */
    public ReadOnlyBooleanProperty hasSuggestionProperty() {
        return hasSuggestion.getReadOnlyProperty();
    }

    /**
     * Where the open queue's background retraining stands ("Retrains 'm1' every 50 labels · 12 to
     * the next round", a round's progress, or what the last round did); empty when it retrains nothing.
     */
    public ReadOnlyStringProperty retrainingProperty() {
        return retrainer.lineProperty();
    }

    /** True when the retraining line says a round failed. */
    public ReadOnlyBooleanProperty retrainingFailedProperty() {
        return retrainer.failedProperty();
    }

    /** True while a background retraining round runs. */
    public ReadOnlyBooleanProperty retrainingRunningProperty() {
        return retrainer.runningProperty();
    }

    /** The media pane's size in device pixels: images are decoded no larger. */
    public void viewSize(double width, double height) {
        itemMedia.viewSize(width, height);
    }
}
