package org.labelbench.ui.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.RuleTagService;
import org.labelbench.labeling.Guideline;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.labeling.QueueProgress;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueTask;
import org.labelbench.labeling.SubmittedLabel;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.audio.AudioTransport;
import org.labelbench.ui.preview.MediaFiles;

/**
 * One labeler working one queue: the item on screen, the class buttons, the header, the
 * guideline, audio playback, and every decision. The {@link LabelingSession} is not thread-safe,
 * so every call on it runs on one background thread owned here, in order; the FX thread never
 * waits on SQLite. While a decision is being committed (and while the next item's media is
 * still loading) class keys are ignored, so a fast labeler never labels an item they have not
 * seen. After each item is shown the next few are decoded in the background.
 */
public final class LabelingViewModel {
    /** Skip reasons offered first (keys 1, 2, 3 in the skip dialog). */
    public static final List<String> SKIP_REASONS = List.of("can't tell", "bad media", "not in schema");
    /** Said once in the status line when Java Sound has no output; the reason is in {@link #audioProblemDetailProperty}. */
    public static final String NO_AUDIO_OUTPUT = "No audio output device: labeling goes on without sound";
    /** Items decoded ahead of the one on screen. */
    static final int PREFETCHED = 3;
    /** Decoded items kept: the prefetched ones, the current one and a few behind it (for going back). */
    private static final int CACHED = 8;

    private final ProjectStore store;
    private final MediaFiles media;
    private final UiExecutors executors;
    private final Executor sessionThread;
    private final ExecutorService ownedSessionThread;
    private final PrefetchCache cache;
    private final GuidelineService guidelines = new GuidelineService();
    private final QueueService queues = new QueueService();

    /** Only ever touched on the session thread. */
    private LabelingSession session;

    private final ReadOnlyStringWrapper queueName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper labelerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<QueueTask> task = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper itemKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper guidelineVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper othersLabels = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper attributes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LabelingContent> content =
            new ReadOnlyObjectWrapper<>(new LabelingContent.Loading());
    private final ObservableList<ClassChoice> classes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper multiLabel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper transcriptShown = new ReadOnlyBooleanWrapper();
    private final StringProperty transcript = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper unsure = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper guidelineMarkdown = new ReadOnlyStringWrapper("");
    private final ObservableList<GuidelineExample> guidelineExamples = FXCollections.observableArrayList();
    private final BooleanProperty guidelineShown = new SimpleBooleanProperty(true);
    private final AudioTransport audio;
    private final ReadOnlyStringWrapper audioProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper renderedItem = new ReadOnlyLongWrapper(-1);
    /** The view's size in device pixels: images are decoded no larger. */
    private final DoubleProperty viewWidth = new SimpleDoubleProperty(1600);
    private final DoubleProperty viewHeight = new SimpleDoubleProperty(1200);

    /** Bumped when a session opens or closes: answers for an older session are dropped. */
    private long generation;
    /** Bumped on every item shown: media arriving for an earlier one is dropped. */
    private long showing;
    private LabelSchema schema;
    private long finishedByMe;
    private long labelsDone;
    private long labelsWanted;

    public LabelingViewModel(ProjectStore store, MediaFiles media, UiExecutors executors) {
        this(store, media, executors, null);
    }

    /**
     * With {@code sessionThread} null the view model owns a single daemon thread for the session;
     * tests pass a direct executor and everything runs on their thread.
     */
    LabelingViewModel(ProjectStore store, MediaFiles media, UiExecutors executors, Executor sessionThread) {
        this.store = store;
        this.media = media;
        this.executors = executors;
        if (sessionThread == null) {
            ownedSessionThread = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "labelbench-labeling");
                thread.setDaemon(true);
                return thread;
            });
            this.sessionThread = ownedSessionThread;
        } else {
            ownedSessionThread = null;
            this.sessionThread = sessionThread;
        }
        this.cache = new PrefetchCache(new ItemMediaDecoder(media), executors.media(), CACHED);
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
        long token = ++generation;
        audio.load(null);
        cache.clear();
        clearMessage();
        busy.set(true);
        onSession(() -> {
            closeSessionNow();
            // Rule tags over labels follow each label in its own commit.
            LabelingSession started = LabelingSession.open(store, queue, labeler.name(), labeler.role(),
                    new RuleTagService()::refreshItem);
            session = started;
            Optional<Guideline> guideline = guidelines.current(store);
            QueueProgress progress = queues.progress(store, queue);
            long mine = started.finishedByMe();
            return new Opening(started.schema(), guideline.orElse(null), progress, mine, started.current().orElse(null));
        }, token, opening -> {
            busy.set(false);
            open.set(true);
            queueName.set(opening.progress().queue().name());
            labelerText.set("Labeling as " + labeler.name());
            showSchema(opening.schema());
            showGuideline(opening.guideline());
            finishedByMe = opening.finishedByMe();
            labelsDone = opening.progress().labelsDone();
            labelsWanted = opening.progress().labelsWanted();
            show(opening.task());
            opened.complete(null);
        }, error -> {
            busy.set(false);
            opened.completeExceptionally(new IllegalStateException(error));
        }, () -> opened.cancel(false));
        return opened;
    }

    /** Leaves the queue: stops playback and closes the session (after a commit in flight). */
    public void close() {
        generation++;
        showing++;
        audio.load(null);
        cache.clear();
        open.set(false);
        busy.set(false);
        task.set(null);
        content.set(new LabelingContent.Loading());
        try {
            sessionThread.execute(this::closeSessionNow);
        } catch (RejectedExecutionException alreadyGone) {
            // disposed
        }
    }

    /** The project is closing: close the session and stop the thread, after what is queued on it. */
    public void dispose() {
        close();
        if (ownedSessionThread != null) {
            ownedSessionThread.shutdown();
        }
    }

    private void closeSessionNow() {
        if (session != null) {
            session.close();
            session = null;
        }
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
        ClassChoice choice = choiceOf(labelClass);
        if (choice == null) {
            return;
        }
        if (multiLabel.get()) {
            choice.chosenProperty().set(!choice.isChosen());
            return;
        }
        if (transcriptShown.get() && transcript.get().isBlank()) {
            classes.forEach(c -> c.chosenProperty().set(c == choice));
            return;
        }
        commit(LabelDecision.single(labelClass));
    }

    /** The class with {@code hotkey} ("1", "q"), as {@link #pressClass}; false when no class has it. */
    public boolean pressHotkey(String hotkey) {
        if (schema == null) {
            return false;
        }
        Optional<LabelClass> labelClass = schema.byHotkey(hotkey);
        labelClass.ifPresent(this::pressClass);
        return labelClass.isPresent();
    }

    /**
     * A class key pressed in the transcript field: chooses the class (toggles it, multi-label)
     * and never submits, so a mis-pressed key is corrected by the right one; Enter submits.
     * False when no class has that hotkey.
     */
    public boolean chooseHotkey(String hotkey) {
        Optional<LabelClass> labelClass = schema == null ? Optional.empty() : schema.byHotkey(hotkey);
        if (labelClass.isEmpty()) {
            return false;
        }
        ClassChoice choice = acceptsDecisions() ? choiceOf(labelClass.get()) : null;
        if (choice != null) {
            if (multiLabel.get()) {
                choice.chosenProperty().set(!choice.isChosen());
            } else {
                classes.forEach(c -> c.chosenProperty().set(c == choice));
            }
        }
        return true;
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
        List<LabelClass> chosen = classes.stream().filter(ClassChoice::isChosen).map(ClassChoice::labelClass).toList();
        if (multiLabel.get()) {
            commit(LabelDecision.multi(chosen));
        } else if (chosen.size() == 1) {
            commit(LabelDecision.single(chosen.get(0)));
        } else {
            info("Press a class key to label this item" + (transcriptShown.get() ? " (then Enter)" : ""));
            return false;
        }
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
        return open.get() && !busy.get() && task.get() != null
                && !(content.get() instanceof LabelingContent.Loading);
    }

    private ClassChoice choiceOf(LabelClass labelClass) {
        return classes.stream().filter(c -> c.labelClass().id() == labelClass.id()).findFirst().orElse(null);
    }

    private void commit(LabelDecision bare) {
        QueueTask from = task.get();
        LabelDecision decision = bare.withUnsure(unsure.get()).withNote(blankToNull(note.get()));
        if (transcriptShown.get() && !bare.isSkip()) {
            decision = decision.withTranscript(blankToNull(transcript.get()));
        }
        LabelDecision submitted = decision;
        busy.set(true);
        clearMessage();
        onSession(() -> session.submit(submitted).orElse(null), generation, next -> {
            busy.set(false);
            count(from, submitted);
            show(next);
        }, error -> {
            busy.set(false);
            error(error);
        });
    }

    /**
     * Keeps the header's counts without asking SQLite on every key: the answer moved the task from
     * its old state. A skip is not a label, so it counts in neither.
     */
    private void count(QueueTask from, LabelDecision decision) {
        boolean wasDone = "done".equals(from.state());
        boolean isDone = !decision.isSkip();
        long change = (isDone ? 1 : 0) - (wasDone ? 1 : 0);
        finishedByMe += change;
        labelsDone += change;
    }

    // ---------------------------------------------------------------- moving

    /** Backspace / Ctrl+Z: the previous item, with the label given to it (changeable). */
    public void back() {
        move(() -> session.back().orElse(null));
    }

    /** Ctrl+Right / End: back to the frontier, the first item not labeled yet. */
    public void resume() {
        move(() -> session.resume().orElse(null));
    }

    /** Ctrl+J: the item with {@code key}; a key not in the queue says why in the status line. */
    public void jumpTo(String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        move(() -> session.jumpTo(key.strip()).orElse(null));
    }

    /**
     * Keys of the queue's items starting with {@code prefix} (at most {@code limit}), for the jump
     * field; read on the session thread, answered on the FX thread (empty when nothing is open).
     */
    public CompletionStage<List<String>> completeKey(String prefix, int limit) {
        CompletableFuture<List<String>> keys = new CompletableFuture<>();
        if (!open.get() || prefix == null || prefix.isBlank()) {
            keys.complete(List.of());
            return keys;
        }
        onSession(() -> session == null ? List.<String>of() : session.completeKey(prefix, limit), generation,
                keys::complete, error -> keys.complete(List.of()), () -> keys.complete(List.of()));
        return keys;
    }

    private void move(SessionWork<QueueTask> work) {
        if (!open.get() || busy.get()) {
            return;
        }
        busy.set(true);
        clearMessage();
        onSession(work, generation, next -> {
            busy.set(false);
            show(next);
        }, error -> {
            busy.set(false);
            error(error);
        });
    }

    // ---------------------------------------------------------------- showing

    private void show(QueueTask next) {
        audio.load(null);
        long token = ++showing;
        task.set(next);
        renderedItem.set(-1);
        if (next == null) {
            itemKey.set("");
            othersLabels.set("");
            attributes.set("");
            ownLabel.set("");
            transcriptShown.set(false);
            resetItemState(null);
            updatePosition();
            content.set(new LabelingContent.Finished("Queue done: nothing more for you in '" + queueName.get()
                    + "'. Backspace goes back to your last item; Escape returns to the queues."));
            return;
        }
        Item item = next.item();
        itemKey.set(item.key());
        othersLabels.set(othersText(next.othersLabels()));
        attributes.set(next.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" · ")));
        transcriptShown.set(schema != null && schema.transcript() && item.isAudio());
        resetItemState(next.own());
        ownLabel.set(ownText(next.own()));
        updatePosition();
        CompletableFuture<LabelingContent> loading = cache.get(item, viewWidth.get(), viewHeight.get());
        if (loading.isDone()) {
            apply(loading.join(), token);
        } else {
            content.set(new LabelingContent.Loading());
            loading.thenAcceptAsync(loaded -> {
                if (token == showing) {
                    apply(loaded, token);
                }
            }, executors.fx());
        }
        prefetchNext();
    }

    private void apply(LabelingContent loaded, long token) {
        content.set(loaded);
        if (loaded instanceof LabelingContent.Sound sound) {
            audio.load(sound.audio());
            audio.autoPlay(); // silent once Java Sound said there is no output
        }
    }

    /** The view calls this once the item's media is on screen: the time on the item starts now. */
    public void contentRendered(long itemId) {
        QueueTask shown = task.get();
        if (shown == null || shown.item().id() != itemId || renderedItem.get() == itemId) {
            return;
        }
        renderedItem.set(itemId);
        try {
            sessionThread.execute(() -> {
                if (session != null && session.current().map(t -> t.item().id() == itemId).orElse(false)) {
                    session.markShown();
                }
            });
        } catch (RejectedExecutionException closing) {
            // the project is closing
        }
    }

    private void prefetchNext() {
        long token = generation;
        try {
            sessionThread.execute(() -> {
                if (session == null) {
                    return;
                }
                List<Item> upcoming;
                try {
                    upcoming = session.upcoming(PREFETCHED);
                } catch (RuntimeException e) {
                    return; // only a prefetch: the item is read when it is shown
                }
                executors.fx().execute(() -> {
                    if (token == generation) {
                        cache.prefetch(upcoming, viewWidth.get(), viewHeight.get());
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            // the project is closing
        }
    }

    private void resetItemState(SubmittedLabel own) {
        List<String> ownClasses = own == null || own.isSkip() ? List.of() : own.classes();
        classes.forEach(c -> c.chosenProperty().set(ownClasses.contains(c.name())));
        unsure.set(own != null && own.unsure());
        note.set(own == null || own.note() == null ? "" : own.note());
        transcript.set(own == null || own.transcript() == null ? "" : own.transcript());
    }

    private void showSchema(LabelSchema newSchema) {
        schema = newSchema;
        multiLabel.set(newSchema.multiLabel());
        List<ClassChoice> choices = new ArrayList<>();
        for (LabelClass labelClass : newSchema.offered()) {
            choices.add(new ClassChoice(labelClass));
        }
        classes.setAll(choices);
    }

    private void showGuideline(Guideline guideline) {
        if (guideline == null) {
            guidelineVersion.set("No guideline yet");
            guidelineMarkdown.set("*No guideline has been written for this project yet.*");
            guidelineExamples.clear();
        } else {
            guidelineVersion.set("Guideline v" + guideline.version());
            guidelineMarkdown.set(guideline.markdown());
            guidelineExamples.setAll(guideline.examples());
        }
    }

    private void updatePosition() {
        String done = DisplayFormats.count(finishedByMe) + " done by you · " + percentText(labelsDone, labelsWanted)
                + " % of queue";
        QueueTask shown = task.get();
        position.set(shown == null ? "Queue done · " + done : "item " + DisplayFormats.count(shown.seq()) + " · " + done);
    }

    /** Rounded down, so 100 means complete: "12", and "0.5" below 10 % so early progress shows. */
    static String percentText(long done, long wanted) {
        if (wanted <= 0 || done >= wanted) {
            return "100";
        }
        long tenths = Math.max(0, done) * 1000 / wanted;
        return tenths >= 100 || tenths == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }

    private static String othersText(List<CurrentLabel> others) {
        if (others.isEmpty()) {
            return "";
        }
        return "Others said: " + others.stream().map(l -> l.annotator() + " → " + l.label())
                .collect(Collectors.joining(" · "));
    }

    private static String ownText(SubmittedLabel own) {
        if (own == null) {
            return "";
        }
        if (own.isSkip()) {
            return "You skipped it: " + own.skipReason();
        }
        String classesText = own.classes().isEmpty() ? "none apply" : String.join(", ", own.classes());
        return "Your label: " + classesText + (own.unsure() ? " (unsure)" : "");
    }

    // ---------------------------------------------------------------- audio

    /** {@code [}: the next slower speed, said in the status line. */
    public void slower() {
        info("Playback speed " + AudioTransport.rateText(audio.slower()));
    }

    /** {@code ]}: the next faster speed, said in the status line. */
    public void faster() {
        info("Playback speed " + AudioTransport.rateText(audio.faster()));
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface SessionWork<T> {
        T run();
    }

    /**
     * Runs {@code work} on the session thread; its result or its one-line failure comes back on
     * the FX thread, unless a newer session was opened (or this one closed) in the meantime.
     */
    private <T> void onSession(SessionWork<T> work, long token, Consumer<T> done, Consumer<String> failed) {
        onSession(work, token, done, failed, () -> { });
    }

    /** As above; {@code stale} runs instead when the answer came for an older session. */
    private <T> void onSession(SessionWork<T> work, long token, Consumer<T> done, Consumer<String> failed,
            Runnable stale) {
        try {
            sessionThread.execute(() -> {
                T result;
                try {
                    result = work.run();
                } catch (RuntimeException e) {
                    String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
                    executors.fx().execute(() -> {
                        if (token == generation) {
                            failed.accept(reason);
                        } else {
                            stale.run();
                        }
                    });
                    return;
                }
                executors.fx().execute(() -> {
                    if (token == generation) {
                        done.accept(result);
                    } else {
                        stale.run();
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            failed.accept("the project is closing");
        }
    }

    private void info(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void error(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    private void clearMessage() {
        message.set("");
        messageIsError.set(false);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyStringProperty queueNameProperty() {
        return queueName.getReadOnlyProperty();
    }

    /** "Labeling as ana". */
    public ReadOnlyStringProperty labelerTextProperty() {
        return labelerText.getReadOnlyProperty();
    }

    /** The item on screen; null when the queue is done (or nothing is open). */
    public ReadOnlyObjectProperty<QueueTask> taskProperty() {
        return task.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty itemKeyProperty() {
        return itemKey.getReadOnlyProperty();
    }

    /** "item 57 · 56 done by you · 12 % of queue". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** "Guideline v3", or "No guideline yet". */
    public ReadOnlyStringProperty guidelineVersionProperty() {
        return guidelineVersion.getReadOnlyProperty();
    }

    /** In a disagreement queue: "Others said: ana → coat · ben → shirt". */
    public ReadOnlyStringProperty othersLabelsProperty() {
        return othersLabels.getReadOnlyProperty();
    }

    /** The item's attributes, "speaker=s1 · device=phone". */
    public ReadOnlyStringProperty attributesProperty() {
        return attributes.getReadOnlyProperty();
    }

    /** On an item labeled before: "Your label: coat", or "You skipped it: bad media". */
    public ReadOnlyStringProperty ownLabelProperty() {
        return ownLabel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabelingContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public ObservableList<ClassChoice> classes() {
        return classes;
    }

    public ReadOnlyBooleanProperty multiLabelProperty() {
        return multiLabel.getReadOnlyProperty();
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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty guidelineMarkdownProperty() {
        return guidelineMarkdown.getReadOnlyProperty();
    }

    public ObservableList<GuidelineExample> guidelineExamples() {
        return guidelineExamples;
    }

    /** F1 toggles the guideline pane. */
    public BooleanProperty guidelineShownProperty() {
        return guidelineShown;
    }

    /** The item's audio: play, seek, speed, the playhead; its problem property has Java Sound's words. */
    public AudioTransport audio() {
        return audio;
    }

    /** {@link #NO_AUDIO_OUTPUT} once Java Sound had no output line; empty while sound plays. */
    public ReadOnlyStringProperty audioProblemProperty() {
        return audioProblem.getReadOnlyProperty();
    }

    /** The id of the item whose media was last reported on screen (-1: none yet). */
    public ReadOnlyLongProperty renderedItemProperty() {
        return renderedItem.getReadOnlyProperty();
    }

    public DoubleProperty viewWidthProperty() {
        return viewWidth;
    }

    public DoubleProperty viewHeightProperty() {
        return viewHeight;
    }

    /** Where relative links in the guideline point. */
    public java.nio.file.Path projectDirectory() {
        return store.directory();
    }

    public MediaFiles media() {
        return media;
    }
}
