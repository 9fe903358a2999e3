package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The labeling screen's logic without a window: every executor runs on the test's thread (the
 * session "thread" too, unless a test holds its work back), and the media files do not exist,
 * so each item shows "File not found" and can still be labeled.
 */
class LabelingViewModelTest {
    static final Labeler ANA = new Labeler("ana", "labeler");

    @TempDir
    Path dir;
    ProjectStore store;
    LabelingViewModel viewModel;
    /** Work for the session thread, held until {@link #runSessionWork} when a test wants a commit in flight. */
    final Queue<Runnable> held = new ArrayDeque<>();
    boolean holding;

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        store.close();
    }

    void open(int items, String media, boolean multiLabel, boolean transcript) {
        store = LabelProjects.rowsOnly(dir, items, media, multiLabel, transcript);
        Executor session = work -> {
            if (holding) {
                held.add(work);
            } else {
                work.run();
            }
        };
        viewModel = new LabelingViewModel(store, new MediaFiles(store.directory()),
                new UiExecutors(Runnable::run, Runnable::run, Runnable::run), session);
        viewModel.open("round 1", ANA);
    }

    void runSessionWork() {
        holding = false;
        while (!held.isEmpty()) {
            held.poll().run();
        }
    }

    @Test
    void labelsAdvanceGoesBackAndRelabelsWithTheOldLabelShown() {
        open(6, "image", false, false);
        assertThat(viewModel.header().queueNameProperty().get()).isEqualTo("round 1");
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_00.png");
        assertThat(viewModel.header().positionProperty().get()).isEqualTo("item 1 · 0 done by you · 0 % of queue");
        assertThat(viewModel.guideline().versionProperty().get()).isEqualTo("Guideline v1");
        assertThat(viewModel.contentProperty().get()).isInstanceOfSatisfying(LabelingContent.Unavailable.class,
                unavailable -> assertThat(unavailable.message()).startsWith("File not found: ")
                        .endsWith("img_00.png"));
        assertThat(viewModel.classes()).extracting(ClassChoice::hotkey, ClassChoice::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "coat"),
                        org.assertj.core.groups.Tuple.tuple("2", "shirt"),
                        org.assertj.core.groups.Tuple.tuple("3", "bag"));

        viewModel.pressHotkey("1");
        viewModel.pressHotkey("2");
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_02.png");
        assertThat(viewModel.header().positionProperty().get()).isEqualTo("item 3 · 2 done by you · 33 % of queue");

        viewModel.back();
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_01.png");
        assertThat(viewModel.header().ownLabelProperty().get()).isEqualTo("Your label: shirt");
        assertThat(viewModel.classes()).filteredOn(ClassChoice::isChosen).extracting(ClassChoice::name)
                .containsExactly("shirt");

        viewModel.pressHotkey("2"); // the same key: nothing new is recorded, it just advances
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_02.png");
        viewModel.back();
        viewModel.pressHotkey("3");
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_02.png");
        assertThat(viewModel.header().ownLabelProperty().get()).isEmpty();
        assertThat(viewModel.header().positionProperty().get()).isEqualTo("item 3 · 2 done by you · 33 % of queue");

        assertThat(LabelProjects.annotations(store, "ana")).extracting(row -> row.get(0) + " " + row.get(2))
                .containsExactly("img_00.png coat", "img_01.png shirt", "img_01.png bag");
    }

    @Test
    void classKeysAreIgnoredWhileACommitIsInFlight() {
        open(4, "image", false, false);
        holding = true;

        viewModel.pressHotkey("1");
        assertThat(viewModel.busyProperty().get()).isTrue();
        viewModel.pressHotkey("2");
        viewModel.pressHotkey("3");
        viewModel.back();
        runSessionWork();

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_01.png");
        assertThat(LabelProjects.annotations(store, "ana")).extracting(row -> row.get(0) + " " + row.get(2))
                .containsExactly("img_00.png coat");
    }

    @Test
    void unsureAndNoteGoWithTheNextLabelAndSkipKeepsItsReason() {
        open(4, "image", false, false);
        viewModel.toggleUnsure();
        viewModel.setNote("sleeve hidden");
        assertThat(viewModel.unsureProperty().get()).isTrue();

        viewModel.pressHotkey("2");
        assertThat(viewModel.unsureProperty().get()).isFalse();
        assertThat(viewModel.noteProperty().get()).isEmpty();
        viewModel.skip("bad media");

        assertThat(LabelProjects.annotations(store, "ana")).containsExactly(
                java.util.Arrays.asList("img_00.png", "class", "shirt", null, "1", "sleeve hidden", null),
                java.util.Arrays.asList("img_01.png", "skip", null, "bad media", "0", null, null));
        assertThat(viewModel.header().positionProperty().get()).isEqualTo("item 3 · 1 done by you · 25 % of queue");
        viewModel.back();
        assertThat(viewModel.header().ownLabelProperty().get()).isEqualTo("You skipped it: bad media");
        viewModel.back();
        assertThat(viewModel.header().ownLabelProperty().get()).isEqualTo("Your label: shirt (unsure)");
        assertThat(viewModel.unsureProperty().get()).isTrue();
        assertThat(viewModel.noteProperty().get()).isEqualTo("sleeve hidden");
    }

    @Test
    void multiLabelKeysToggleAndEnterSubmitsTheSet() {
        open(3, "image", true, false);
        viewModel.pressHotkey("1");
        viewModel.pressHotkey("3");
        viewModel.pressHotkey("2");
        viewModel.pressHotkey("2");
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_00.png");
        assertThat(viewModel.classes()).filteredOn(ClassChoice::isChosen).extracting(ClassChoice::name)
                .containsExactly("coat", "bag");

        viewModel.submitChosen();

        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_01.png");
        assertThat(viewModel.classes()).noneMatch(ClassChoice::isChosen);
        assertThat(LabelProjects.rows(store, "SELECT lc.name FROM annotation_label al JOIN label_class lc"
                + " ON lc.id = al.label_class ORDER BY lc.name")).extracting(row -> row.get(0))
                .containsExactly("bag", "coat");
    }

    @Test
    void withTranscriptsAKeyChoosesTheClassAndEnterSubmitsBoth() {
        open(3, "audio", false, true);
        assertThat(viewModel.transcriptShownProperty().get()).isTrue();

        viewModel.pressHotkey("1");
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_00.png");
        viewModel.transcriptProperty().set("a coat, I think");
        viewModel.submitChosen();
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_01.png");
        assertThat(viewModel.transcriptProperty().get()).isEmpty();

        viewModel.transcriptProperty().set("shirt");
        viewModel.pressHotkey("2"); // typed first: the key labels at once

        assertThat(LabelProjects.annotations(store, "ana")).extracting(row -> row.get(2) + ": " + row.get(6))
                .containsExactly("coat: a coat, I think", "shirt: shirt");
        assertThat(viewModel.submitChosen()).isFalse();
        assertThat(viewModel.status().messageProperty().get()).isEqualTo("Press a class key to label this item (then Enter)");
    }

    @Test
    void theEndOfTheQueueSaysSoAndBackspaceStillWorks() {
        open(2, "image", false, false);
        viewModel.pressHotkey("1");
        viewModel.pressHotkey("1");

        assertThat(viewModel.taskProperty().get()).isNull();
        assertThat(viewModel.contentProperty().get()).isInstanceOf(LabelingContent.Finished.class);
        assertThat(viewModel.header().positionProperty().get()).isEqualTo("Queue done · 2 done by you · 100 % of queue");
        viewModel.pressHotkey("2"); // nothing to label: ignored
        viewModel.back();
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_01.png");
    }

    @Test
    void jumpingAndResumingMoveThroughTheQueue() {
        open(6, "image", false, false);
        viewModel.jumpTo("img_04.png");
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_04.png");
        viewModel.jumpTo("nope.png");
        assertThat(viewModel.status().messageProperty().get()).isEqualTo("no item with key 'nope.png'");
        assertThat(viewModel.status().isErrorProperty().get()).isTrue();
        assertThat(viewModel.header().itemKeyProperty().get()).isEqualTo("img_04.png");

        viewModel.pressHotkey("1");
        viewModel.back();
        viewModel.back();
        viewModel.resume();

        assertThat(viewModel.header().ownLabelProperty().get()).isEmpty();
        assertThat(viewModel.taskProperty().get().isOpen()).isTrue();
    }

    @Test
    void theQueueListShowsProgressAndRefusesBadQueuesWithTheirReason() {
        open(4, "image", false, false);
        viewModel.pressHotkey("1");
        QueueListViewModel list = new QueueListViewModel(store, new UiExecutors(Runnable::run, Runnable::run,
                Runnable::run));
        list.refresh();
        assertThat(list.queues()).singleElement().satisfies(progress -> {
            assertThat(progress.labelsDone()).isEqualTo(1);
            assertThat(progress.labelsWanted()).isEqualTo(4);
        });
        assertThat(list.annotators()).singleElement().satisfies(a -> assertThat(a.annotator()).isEqualTo("ana"));

        NewQueueForm form = list.newForm();
        assertThat(form.attributeNames()).containsExactly(NewQueueForm.ANY_ATTRIBUTE, "split");
        form.nameProperty().set("round 1");
        assertThat(list.create(form, "lead").toCompletableFuture().join()).isFalse();
        assertThat(form.errorProperty().get()).isEqualTo("a queue named 'round 1' already exists");

        form.nameProperty().set("tests");
        form.scopeProperty().set(NewQueueForm.ScopeKind.FILTER);
        form.attributeNameProperty().set("split");
        assertThat(form.attributeValues()).containsExactly("test", "train");
        form.attributeValueProperty().set("test");
        form.overlapProperty().set(2);
        form.annotatorsProperty().set("ana");
        assertThat(list.create(form, "lead").toCompletableFuture().join()).isFalse();
        assertThat(form.errorProperty().get()).isEqualTo(
                "overlap 2 needs at least 2 annotators, but only 1 may work the queue");

        form.annotatorsProperty().set("ana, ben");
        assertThat(list.create(form, "lead").toCompletableFuture().join()).isTrue();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(list.queues()).extracting(q -> q.queue().name() + " " + q.items() + " " + q.queue().scope())
                .containsExactly("round 1 4 all items", "tests 2 attr.split=test");
        assertThat(list.selectedProperty().get().queue().name()).isEqualTo("tests");
    }

    @Test
    void theLabelerIsRememberedAndAQueueForOthersIsRefusedWithItsReason() {
        open(4, "image", false, false);
        new org.labelbench.labeling.QueueService().create(store, new org.labelbench.labeling.QueueDefinition("for ben",
                org.labelbench.labeling.QueueScope.all(), org.labelbench.labeling.QueueStrategy.SEQUENTIAL, 1, 1,
                List.of("ben")), "lead");
        UiExecutors direct = new UiExecutors(Runnable::run, Runnable::run, Runnable::run);
        LabelerFile file = new LabelerFile(dir.resolve("home").resolve("labeler.properties"));
        LabelScreenViewModel screen = new LabelScreenViewModel(new QueueListViewModel(store, direct), viewModel, file);
        assertThat(screen.labelerTextProperty().get()).isEqualTo("Not signed in");

        screen.setLabeler(new Labeler(" ana ", "reviewer"));
        assertThat(new LabelerFile(dir.resolve("home").resolve("labeler.properties")).load())
                .contains(new Labeler("ana", "reviewer"));
        assertThat(screen.start("for ben").toCompletableFuture().join()).isFalse();
        assertThat(screen.labelingShownProperty().get()).isFalse();
        assertThat(screen.queueList().messageProperty().get())
                .isEqualTo("Cannot label 'for ben': 'ana' may not work queue 'for ben' (it is for ben)");

        assertThat(screen.start("round 1").toCompletableFuture().join()).isTrue();
        assertThat(screen.labelingShownProperty().get()).isTrue();
        assertThat(screen.labelerTextProperty().get()).isEqualTo("Labeling as ana (reviewer)");
    }
}
