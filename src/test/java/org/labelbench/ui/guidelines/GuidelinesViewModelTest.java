package org.labelbench.ui.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.ui.preview.SingleAudioPlayer;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.project.ImportBatchRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.NewItem;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;
import org.labelbench.ui.TestProjects;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.MediaFiles;

/** The Guidelines view model without a window: direct executors, a project of 40 items. */
class GuidelinesViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    GuidelinesViewModel viewModel;

    @BeforeEach
    void open() {
        store = ProjectStore.open(TestProjects.withItems(dir, "guide", 40, 4));
        viewModel = new GuidelinesViewModel(new GuidelinesCatalog(store), new MediaFiles(store.directory()),
                store.directory(), "lead", new UiExecutors(Runnable::run, Runnable::run, Runnable::run),
                ZoneOffset.UTC);
        viewModel.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEmptyProjectOffersToWriteTheFirstVersion() {
        assertThat(viewModel.loadedProperty().get()).isTrue();
        assertThat(viewModel.noVersionsProperty().get()).isTrue();
        assertThat(viewModel.entries()).isEmpty();
        assertThat(viewModel.editLabelProperty().get()).isEqualTo("Write v1…");

        viewModel.startEditing();

        GuidelineDraft draft = viewModel.draftProperty().get();
        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.basedOn()).isNull();
        assertThat(draft.markdownProperty().get()).isEmpty();
        assertThat(draft.examples()).isEmpty();
    }

    @Test
    void publishesTheFirstVersionAndShowsIt() {
        viewModel.startEditing();
        GuidelineDraft draft = viewModel.draftProperty().get();
        draft.markdownProperty().set("# Coats and shirts\n\nA **coat** opens at the front.");
        draft.changeProperty().set("  First version ");

        viewModel.publish();

        assertThat(viewModel.editingProperty().get()).isFalse();
        assertThat(viewModel.draftProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Published v1 \u201cCoats and shirts\u201d with 0 examples");
        assertThat(viewModel.entries()).singleElement().isInstanceOfSatisfying(GuidelineEntry.Version.class, v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.current()).isTrue();
            assertThat(v.guideline().author()).isEqualTo("lead");
            assertThat(v.guideline().change()).isEqualTo("First version");
        });
        assertThat(viewModel.headingProperty().get()).isEqualTo("Version 1");
        assertThat(viewModel.bylineProperty().get()).startsWith("Published ").endsWith(" by lead");
        assertThat(viewModel.changeNoteProperty().get()).isEqualTo("First version");
        assertThat(viewModel.standingProperty().get()).isEqualTo(GuidelinesViewModel.Standing.CURRENT);
        assertThat(viewModel.markdownProperty().get()).startsWith("# Coats and shirts");
        assertThat(viewModel.editLabelProperty().get()).isEqualTo("Edit → new version…");
        assertThat(viewModel.details((GuidelineEntry.Version) viewModel.entries().get(0)))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d · lead · 0 examples");
    }

    @Test
    void anEmptyTextIsRefusedInTheEditor() {
        viewModel.startEditing();
        viewModel.draftProperty().get().markdownProperty().set("   ");

        viewModel.publish();

        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(viewModel.draftProperty().get().errorProperty().get()).isEqualTo("the guideline text is empty");
        assertThat(viewModel.draftProperty().get().publishingProperty().get()).isFalse();
        assertThat(viewModel.entries()).isEmpty();
    }

    @Test
    void cancelDiscardsTheDraft() {
        viewModel.startEditing();
        viewModel.draftProperty().get().markdownProperty().set("# Not kept");

        viewModel.cancelEditing();

        assertThat(viewModel.editingProperty().get()).isFalse();
        assertThat(new GuidelineService().list(store)).isEmpty();
        viewModel.startEditing();
        assertThat(viewModel.draftProperty().get().markdownProperty().get()).isEmpty();
    }

    @Test
    void pendingExamplesAreCountedShownAndJoinTheNextVersion() {
        addExample(TestProjects.key(1), "coat", "Buttons down the front: coat");
        addExample(TestProjects.key(2), GuidelinesViewModel.NO_CLASS_CHOICE, "Blank image: skip it");

        assertThat(viewModel.formOpenProperty().get()).isFalse();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Added " + TestProjects.key(2) + " as an example for the next version");
        assertThat(viewModel.entries()).singleElement().isEqualTo(new GuidelineEntry.Pending(2, 1));
        assertThat(viewModel.selectedProperty().get()).isEqualTo(new GuidelineEntry.Pending(2, 1));
        assertThat(viewModel.standingProperty().get()).isEqualTo(GuidelinesViewModel.Standing.PENDING);
        assertThat(viewModel.headingProperty().get()).isEqualTo("Pending examples for v1");
        assertThat(viewModel.shownExamples()).extracting(ExampleCard::key, ExampleCard::labelText, ExampleCard::pending)
                .containsExactly(Tuple.tuple(TestProjects.key(1), "coat", true),
                        Tuple.tuple(TestProjects.key(2), ExampleCard.NO_CLASS, true));
        assertThat(viewModel.shownExamples().get(0).color()).startsWith("#");
        assertThat(viewModel.shownExamples().get(0).item().key()).isEqualTo(TestProjects.key(1));

        viewModel.startEditing();
        assertThat(viewModel.draftProperty().get().examples()).extracting(ExampleCard::pending)
                .containsExactly(true, true);
        viewModel.draftProperty().get().markdownProperty().set("# Guide");
        viewModel.publish();

        assertThat(viewModel.entries()).singleElement().isInstanceOf(GuidelineEntry.Version.class);
        assertThat(viewModel.examplesHeadingProperty().get()).isEqualTo("Examples of v1 (2)");
        assertThat(viewModel.shownExamples()).extracting(ExampleCard::pending).containsExactly(false, false);
    }

    @Test
    void aRefusedExampleKeepsTheFormOpenWithTheReason() {
        viewModel.openExampleForm();
        viewModel.formKeyProperty().set("nope.png");
        viewModel.formNoteProperty().set("why");

        viewModel.submitExample();

        assertThat(viewModel.formOpenProperty().get()).isTrue();
        assertThat(viewModel.formErrorProperty().get()).isEqualTo("example: no item with key 'nope.png'");

        viewModel.formKeyProperty().set(TestProjects.key(3));
        viewModel.formNoteProperty().set(" ");
        viewModel.submitExample();
        assertThat(viewModel.formErrorProperty().get())
                .isEqualTo("example for '" + TestProjects.key(3) + "' has no note; say why it is an example");
        assertThat(new GuidelineService().pendingExamples(store)).isEmpty();
    }

    @Test
    void aNewVersionWithoutOneExampleLeavesTheOldVersionAsItWas() {
        addExample(TestProjects.key(1), "coat", "Long, buttons: coat");
        addExample(TestProjects.key(2), "shirt", "Collar: shirt");
        publish("# Version one\n\nOld text.", "first");
        viewModel.startEditing();
        GuidelineDraft draft = viewModel.draftProperty().get();
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.basedOn()).isEqualTo(1);
        assertThat(draft.markdownProperty().get()).isEqualTo("# Version one\n\nOld text.");
        assertThat(draft.examples()).extracting(ExampleCard::key).containsExactly(TestProjects.key(1),
                TestProjects.key(2));

        draft.remove(draft.examples().get(0));
        addExample(TestProjects.key(5), "bag", "Handles: bag");
        assertThat(draft.examples()).as("an example added while editing joins the draft as new")
                .extracting(ExampleCard::key, ExampleCard::pending)
                .containsExactly(Tuple.tuple(TestProjects.key(5), true),
                        Tuple.tuple(TestProjects.key(2), false));
        draft.markdownProperty().set("# Version two\n\nNew text.");
        draft.changeProperty().set("second");
        viewModel.publish();

        assertThat(viewModel.entries()).extracting(e -> ((GuidelineEntry.Version) e).number()).containsExactly(2, 1);
        assertThat(viewModel.headingProperty().get()).isEqualTo("Version 2");
        assertThat(viewModel.shownExamples()).extracting(ExampleCard::key).containsExactly(TestProjects.key(5),
                TestProjects.key(2));

        viewModel.selectedProperty().set(viewModel.entries().get(1));
        assertThat(viewModel.headingProperty().get()).isEqualTo("Version 1");
        assertThat(viewModel.markdownProperty().get()).isEqualTo("# Version one\n\nOld text.");
        assertThat(viewModel.standingProperty().get()).isEqualTo(GuidelinesViewModel.Standing.OLD);
        assertThat(viewModel.standingTextProperty().get()).startsWith("Not the current version: v2 is.");
        assertThat(viewModel.shownExamples()).extracting(ExampleCard::key).containsExactly(TestProjects.key(1),
                TestProjects.key(2));

        viewModel.reload();
        assertThat(viewModel.headingProperty().get()).as("a reload keeps the selection").isEqualTo("Version 1");
    }

    @Test
    void keepingEveryExampleCarriesThemOverUnchanged() {
        addExample(TestProjects.key(1), "coat", "Long, buttons: coat");
        publish("# One", null);
        viewModel.startEditing();

        assertThat(viewModel.draftProperty().get().replaceExamples()).isNull();
        viewModel.draftProperty().get().remove(viewModel.draftProperty().get().examples().get(0));
        assertThat(viewModel.draftProperty().get().replaceExamples()).isEmpty();
    }

    @Test
    void suggestsItemKeysContainingTheTypedText() {
        assertThat(viewModel.suggestKeys("0003")).containsExactly(TestProjects.key(3), TestProjects.key(30),
                TestProjects.key(31), TestProjects.key(32), TestProjects.key(33), TestProjects.key(34),
                TestProjects.key(35), TestProjects.key(36), TestProjects.key(37), TestProjects.key(38),
                TestProjects.key(39));
        assertThat(viewModel.suggestKeys(" ")).isEmpty();
        assertThat(viewModel.classChoices()).containsExactly("coat", "shirt", "bag",
                GuidelinesViewModel.NO_CLASS_CHOICE);
    }

    @Test
    void anAudioExamplePlaysFromItsCardOrSaysWhyNot() throws Exception {
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, "audio", "audio", Instant.now().toString(), "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                inserter.insert(new NewItem("yes.wav", "audio", "wav", "audio/yes.wav", "f".repeat(64), 100L, null,
                        null, 500L, 16_000, 1, 16, batch, Map.of()));
            }
            return null;
        });
        addExample("yes.wav", "coat", "A clear yes");
        ExampleCard card = viewModel.shownExamples().get(0);
        assertThat(card.isAudio()).isTrue();
        SingleAudioPlayer playback = viewModel.playback();

        viewModel.togglePlayback(card);
        assertThat(playback.playingProperty().get()).isNull();
        assertThat(playback.problemProperty().get())
                .isEqualTo("File not found: " + store.directory().resolve("audio/yes.wav"));

        TestMedia.wav(store.directory().resolve("audio/yes.wav"), 16_000, 0.5, 440);
        viewModel.togglePlayback(card);
        // Where the machine has no sound card the card says so; elsewhere it plays until stopped.
        if (playback.playingProperty().get() == null) {
            assertThat(playback.problemProperty().get()).isEqualTo(ItemPreviewViewModel.NO_AUDIO_DEVICE);
        } else {
            assertThat(playback.playingProperty().get()).isEqualTo(card.id());
            viewModel.togglePlayback(card);
            assertThat(playback.playingProperty().get()).isNull();
        }
    }

    private void addExample(String key, String label, String note) {
        viewModel.openExampleForm();
        viewModel.formKeyProperty().set(key);
        viewModel.formLabelProperty().set(label);
        viewModel.formNoteProperty().set(note);
        viewModel.submitExample();
        assertThat(viewModel.formErrorProperty().get()).isEmpty();
    }

    private void publish(String markdown, String change) {
        viewModel.startEditing();
        viewModel.draftProperty().get().markdownProperty().set(markdown);
        viewModel.draftProperty().get().changeProperty().set(change);
        viewModel.publish();
        assertThat(viewModel.editingProperty().get()).isFalse();
    }
}
