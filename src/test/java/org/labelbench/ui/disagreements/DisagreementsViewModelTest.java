package org.labelbench.ui.disagreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.agreement.DisagreementOpinion;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.items.FilterChoice;
import org.labelbench.ui.label.Labeler;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.preview.PreviewContent;

/**
 * The disagreement browser's logic on a real project without a window: every executor runs on
 * the test's thread (reads and writes can be held back to put a write in flight), and the media
 * files are removed, so each item shows "File not found" and can still be adjudicated.
 */
class DisagreementsViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    DisagreementsViewModel viewModel;
    final SimpleObjectProperty<Labeler> adjudicator = new SimpleObjectProperty<>();
    final List<String> errors = new ArrayList<>();
    final Queue<Runnable> held = new ArrayDeque<>();
    boolean holding;
    int labelsChanged;

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (store != null) {
            store.close();
        }
    }

    void open() throws IOException {
        Path project = DisagreementProjects.clothes(dir);
        try (Stream<Path> files = Files.walk(dir.resolve("clothes"))) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        store = ProjectStore.open(project);
        open(store);
    }

    void open(ProjectStore opened) {
        Executor reads = work -> {
            if (holding) {
                held.add(work);
            } else {
                work.run();
            }
        };
        viewModel = new DisagreementsViewModel(opened, new MediaFiles(opened.directory()),
                new UiExecutors(reads, Runnable::run, Runnable::run), adjudicator, adjudicator::set);
        viewModel.setOnError(errors::add);
        viewModel.setOnLabelsChanged(() -> labelsChanged++);
        viewModel.reload();
    }

    void runHeldWork() {
        holding = false;
        while (!held.isEmpty()) {
            held.poll().run();
        }
    }

    List<String> listedKeys() {
        return viewModel.items().stream().map(slot -> slot.disagreement().key()).toList();
    }

    String selectedKey() {
        return viewModel.selectedProperty().get() == null ? null : viewModel.selectedProperty().get().key();
    }

    List<List<String>> goldRows() {
        return SqlRows.of(store, "SELECT i.key, n.name, n.role, lc.name, a.kind, a.guideline_version,"
                + " a.duration_ms IS NOT NULL FROM annotation a JOIN item i ON i.id = a.item"
                + " JOIN annotator n ON n.id = a.annotator JOIN label_class lc ON lc.id = a.label_class"
                + " WHERE a.origin = 'adjudicated' ORDER BY a.id");
    }

    @Test
    void listsTheMostContestedFirstAndShowsEachAnnotatorsLabel() throws IOException {
        open();

        assertThat(listedKeys()).containsExactlyElementsOf(DisagreementProjects.CONTESTED);
        assertThat(viewModel.countTextProperty().get()).isEqualTo("4 contested, 0 resolved");
        assertThat(selectedKey()).isEqualTo("c.png");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("contest 0.67 · 3 annotators · 3 classes");
        assertThat(viewModel.opinions()).extracting(DisagreementOpinion::annotator, DisagreementOpinion::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", "shirt"),
                        org.assertj.core.groups.Tuple.tuple("ben", "t-shirt"),
                        org.assertj.core.groups.Tuple.tuple("cy", "coat"));
        DisagreementOpinion ana = viewModel.opinions().get(0);
        assertThat(ana.unsure()).isTrue();
        assertThat(ana.note()).isEqualTo("short sleeves, though");
        assertThat(ana.durationMs()).isEqualTo(4200L);
        assertThat(ana.guidelineVersion()).isEqualTo(1);
        assertThat(viewModel.verdictTextProperty().get()).startsWith("Not adjudicated yet");
        assertThat(viewModel.classes()).extracting(LabelClass::hotkey, LabelClass::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "coat"), org.assertj.core.groups.Tuple.tuple("2", "shirt"),
                org.assertj.core.groups.Tuple.tuple("3", "t-shirt"));
        assertThat(viewModel.media().contentProperty().get()).isInstanceOfSatisfying(PreviewContent.Unavailable.class,
                unavailable -> assertThat(unavailable.message()).startsWith("File not found").endsWith("c.png"));
        assertThat(DisagreementsViewModel.labelsText(viewModel.items().get(1).disagreement())).isEqualTo("t-shirt ×2 · shirt ×2");

        viewModel.move(1);
        assertThat(selectedKey()).isEqualTo("d.png");
        viewModel.move(-5);
        assertThat(selectedKey()).isEqualTo("c.png");

        Object listed = viewModel.items().list();
        viewModel.reload(); // shown again with no label changed: the order is not computed again
        assertThat(viewModel.items().list()).isSameAs(listed);
        assertThat(selectedKey()).isEqualTo("c.png");
    }

    @Test
    void aClassKeySetsTheGoldAndMovesOn() throws IOException {
        open();
        assertThat(viewModel.pressHotkey("2")).isTrue();
        assertThat(goldRows()).as("nobody is adjudicating yet: nothing written").isEmpty();

        adjudicator.set(new Labeler("lena", "lead"));
        assertThat(viewModel.pressHotkey("2")).isTrue();

        assertThat(goldRows()).containsExactly(List.of("c.png", "lena", "lead", "shirt", "class", "1", "1"));
        assertThat(selectedKey()).isEqualTo("d.png");
        assertThat(viewModel.countTextProperty().get()).isEqualTo("4 contested, 1 resolved");
        assertThat(viewModel.items().get(0).disagreement().adjudicated()).hasValueSatisfying(
                verdict -> assertThat(verdict.label()).isEqualTo("shirt"));
        assertThat(viewModel.messageProperty().get()).isEqualTo("c.png: gold shirt");
        assertThat(viewModel.pressHotkey("x")).isFalse();

        viewModel.move(-1); // back to c.png: its gold is shown, and another key re-adjudicates
        assertThat(viewModel.verdictTextProperty().get()).isEqualTo("Gold: shirt (by lena)");
        assertThat(viewModel.goldClassProperty().get()).isEqualTo("shirt");
        viewModel.pressHotkey("3");
        assertThat(goldRows()).extracting(row -> row.get(3)).containsExactly("shirt", "t-shirt");
        assertThat(viewModel.countTextProperty().get()).as("still one item resolved").isEqualTo("4 contested, 1 resolved");

        assertThat(labelsChanged).isZero();
        viewModel.left();
        assertThat(labelsChanged).as("other views read labels again once the page is left").isEqualTo(1);
        viewModel.left();
        assertThat(labelsChanged).isEqualTo(1);

        viewModel.reload(); // shown again: the resolved item is gone from the unresolved list
        assertThat(listedKeys()).containsExactly("d.png", "a.png", "e.png");
        assertThat(selectedKey()).isEqualTo("d.png");
    }

    @Test
    void keysAreIgnoredWhileAWriteIsInFlight() throws IOException {
        open();
        adjudicator.set(new Labeler("lena", "lead"));
        holding = true;

        viewModel.pressHotkey("2");
        assertThat(viewModel.busyProperty().get()).isTrue();
        viewModel.pressHotkey("1");
        viewModel.pressHotkey("3");
        runHeldWork();

        assertThat(goldRows()).extracting(row -> row.get(0) + "=" + row.get(3)).containsExactly("c.png=shirt");
        assertThat(selectedKey()).isEqualTo("d.png");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void acceptedSuggestionsMakeAnItemContestedOnlyWhenTicked() throws IOException {
        open();
        // b.png: ana and ben said coat; cy accepted a model's shirt.
        store.write(tx -> {
            long cy = new org.labelbench.project.AnnotatorRepository().findOrCreate(tx, "cy", "labeler").id();
            long item = new org.labelbench.project.ItemRepository().findByKey(tx, "b.png").orElseThrow().id();
            long shirt = new org.labelbench.project.LabelClassRepository().list(tx).stream()
                    .filter(c -> c.name().equals("shirt")).findFirst().orElseThrow().id();
            new org.labelbench.project.AnnotationRepository().appendOne(tx, org.labelbench.project.NewAnnotation
                    .classLabel(item, cy, shirt, 1, "accepted-suggestion", java.time.Instant.now()));
            return null;
        });
        viewModel.reload();
        assertThat(listedKeys()).containsExactlyElementsOf(DisagreementProjects.CONTESTED);
        assertThat(viewModel.includeSuggestionsProperty().get()).isFalse();

        viewModel.includeSuggestionsProperty().set(true);
        assertThat(listedKeys()).hasSize(DisagreementProjects.CONTESTED.size() + 1).contains("b.png");
        viewModel.includeSuggestionsProperty().set(false);
        assertThat(listedKeys()).containsExactlyElementsOf(DisagreementProjects.CONTESTED);
    }

    @Test
    void showResolvedAndTheClassFilterReadTheListAgain() throws IOException {
        open();
        adjudicator.set(new Labeler("lena", "lead"));
        viewModel.pressHotkey("2");
        viewModel.reload();
        assertThat(listedKeys()).containsExactly("d.png", "a.png", "e.png");

        viewModel.showResolvedProperty().set(true);
        assertThat(listedKeys()).containsExactlyElementsOf(DisagreementProjects.CONTESTED);
        assertThat(selectedKey()).as("the selected item stays selected").isEqualTo("d.png");
        assertThat(viewModel.items().get(0).disagreement().isResolved()).isTrue();

        assertThat(viewModel.classFilterChoices()).extracting(FilterChoice::label)
                .containsExactly("All classes", "coat", "shirt", "t-shirt");
        viewModel.classFilterProperty().set(FilterChoice.of("coat"));
        assertThat(listedKeys()).containsExactly("c.png");
        assertThat(viewModel.countTextProperty().get()).isEqualTo("1 contested, 1 resolved");
        viewModel.showResolvedProperty().set(false);
        assertThat(listedKeys()).isEmpty();
        assertThat(selectedKey()).isNull();
        assertThat(viewModel.placeholderProperty().get())
                .isEqualTo("All 1 contested items involving 'coat' are adjudicated. Tick \"Show resolved\" to review them.");
    }

    @Test
    void anExampleForTheNextGuidelineSetsTheGoldWhenNeededAndStays() throws IOException {
        open();
        adjudicator.set(new Labeler("lena", "lead"));
        LabelClass shirt = viewModel.classes().get(1);

        viewModel.addExample(shirt, "a collar makes it a shirt");

        assertThat(selectedKey()).isEqualTo("c.png");
        assertThat(goldRows()).extracting(row -> row.get(0) + "=" + row.get(3)).containsExactly("c.png=shirt");
        assertThat(SqlRows.of(store, "SELECT e.version IS NULL, i.key, lc.name, e.note, e.author FROM guideline_example e"
                + " JOIN item i ON i.id = e.item JOIN label_class lc ON lc.id = e.label_class"))
                .containsExactly(List.of("1", "c.png", "shirt", "a collar makes it a shirt", "lena"));
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Added c.png as an example of shirt for the next guideline version");

        viewModel.addExample(shirt, "  "); // refused in one line, nothing written
        assertThat(errors).containsExactly("the example for 'c.png' has no note; say why it is one");
        assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM guideline_example")).containsExactly(List.of("1"));
    }

    @Test
    void aRefusedGoldIsReportedAndChangesNothing() throws IOException {
        open();
        adjudicator.set(new Labeler("lena", "lead"));
        new LabelSchemaService().retireClass(store, "coat"); // retired after the page read the schema

        viewModel.pressHotkey("1");

        assertThat(errors).containsExactly("'c.png': class 'coat' is retired");
        assertThat(goldRows()).isEmpty();
        assertThat(selectedKey()).isEqualTo("c.png");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aMultiLabelProjectSaysWhyItHasNoList() {
        store = ProjectStore.create(dir.resolve("multi.lbproj"), new ProjectSettings("m", List.of("a", "b"), true));
        open(store);

        assertThat(viewModel.items()).isEmpty();
        assertThat(viewModel.placeholderProperty().get()).contains("multi-label");
    }
}
