package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SplitRepository;
import org.labelbench.testing.PatternPictures;

class TrainingServiceTest {
    @TempDir
    Path dir;
    Path projectFile;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < 60; i++) {
            PatternPictures.write(dir.resolve("images").resolve(String.format("p%03d.png", i)), i % 3, i);
        }
        projectFile = dir.resolve("p.lbproj");
        try (ProjectStore store = ProjectStore.create(projectFile, new ProjectSettings("p",
                List.of(PatternPictures.CLASSES), false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.IMAGES, dir.resolve("images")),
                    JobContext.silent());
        }
    }

    /** Labels the first {@code count} pictures with their true class, or all with {@code onlyClass}. */
    private void label(int count, Integer onlyClass) {
        try (ProjectStore store = ProjectStore.open(projectFile)) {
            store.write(tx -> {
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                long ann = new AnnotatorRepository().findOrCreate(tx, "ann", "labeler").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (Item item : new ItemRepository().page(tx, ItemQuery.all(), 0, count)) {
                    int kind = Integer.parseInt(item.key().substring(1, 4)) % 3;
                    long labelClass = classes.get(onlyClass != null ? onlyClass : kind).id();
                    labels.add(NewAnnotation.classLabel(item.id(), ann, labelClass, 1, "human", Instant.now()));
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
        }
    }

    private static TrainingOptions quick(int epochs, long seed) {
        return TrainingOptions.builder().epochs(epochs).seed(seed).device(DeviceChoice.CPU).build();
    }

    private StoredModel train(String name, TrainingOptions options, JobContext context) {
        try (ProjectStore store = ProjectStore.open(projectFile)) {
            return new TrainingService().train(store, name, options, "tester", context, EpochListener.NONE);
        }
    }

    @Test
    void theSameSeedGivesTheSameModelOnTheSameDevice() {
        label(60, null);
        StoredModel first = train("a", quick(2, 11), JobContext.silent());
        StoredModel second = train("b", quick(2, 11), JobContext.silent());
        StoredModel other = train("c", quick(2, 12), JobContext.silent());
        assertThat(second.modelSha256()).isEqualTo(first.modelSha256());
        assertThat(second.history()).extracting(EpochResult::trainLoss)
                .containsExactlyElementsOf(first.history().stream().map(EpochResult::trainLoss).toList());
        assertThat(other.modelSha256()).isNotEqualTo(first.modelSha256());
        // Judged on the same dev items whatever the seed: the holdout does not depend on it.
        assertThat(other.metrics().get("dev_items")).isEqualTo(first.metrics().get("dev_items"));
        assertThat(first.labelsFingerprint()).isEqualTo(other.labelsFingerprint());
    }

    @Test
    void withASplitTrainingStopsEarlyOnTheDevSplitAndNeverTouchesTheTestSplit() {
        label(60, null);
        Map<Long, String> splitOf;
        try (ProjectStore store = ProjectStore.open(projectFile)) {
            new SplitService().split(store, SplitRule.parse("0.6,0.2,0.2", null, 5, "label", null), "t",
                    JobContext.silent());
            splitOf = store.read(tx -> new SplitRepository().splitOfItems(tx));
        }
        long dev = splitOf.values().stream().filter("dev"::equals).count();
        long train = splitOf.values().stream().filter("train"::equals).count();
        StoredModel model = train("split", quick(2, 3), JobContext.silent());
        assertThat(model.metrics().get("dev_set_kind")).isEqualTo("dev split");
        assertThat(((Number) model.metrics().get("dev_items")).longValue()).isEqualTo(dev).isEqualTo(12);
        assertThat(((Number) model.metrics().get("train_items")).longValue()).isEqualTo(train).isEqualTo(36);
        assertThat(((Number) model.metrics().get("test_items_left_out")).longValue()).isEqualTo(12);
        // The model's dev answers are the run of its name: exactly the dev split's items.
        try (ProjectStore store = ProjectStore.openReadOnly(projectFile)) {
            List<Long> answered = store.read(tx -> {
                PredictionRepository runs = new PredictionRepository();
                List<Long> ids = new ArrayList<>();
                runs.forEach(tx, runs.findRun(tx, "split").orElseThrow().id(), false, (item, c, p, q) -> ids.add(item));
                return ids;
            });
            assertThat(answered).hasSize(12).allSatisfy(id -> assertThat(splitOf.get(id)).isEqualTo("dev"));
        }
        StoredModel without = trainAfterRemovingTheSplit();
        assertThat(without.metrics().get("dev_set_kind")).isEqualTo("holdout");
    }

    private StoredModel trainAfterRemovingTheSplit() {
        try (ProjectStore store = ProjectStore.open(projectFile)) {
            store.write(tx -> {
                try (var s = tx.connection().createStatement()) {
                    s.executeUpdate("DELETE FROM item_split");
                    s.executeUpdate("DELETE FROM split_rule");
                }
                return null;
            });
        }
        return train("holdout", quick(1, 3), JobContext.silent());
    }

    @Test
    void aCancelDuringTrainingLeavesTheProjectAndItsFolderAsTheyWere() throws Exception {
        label(60, null);
        AtomicInteger batches = new AtomicInteger();
        JobContext cancelsInTheSecondEpoch = new JobContext() {
            @Override
            public void progress(long done, long total) {
                batches.incrementAndGet();
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return batches.get() >= 2;
            }
        };
        assertThatThrownBy(() -> train("cancelled", quick(5, 1), cancelsInTheSecondEpoch))
                .isInstanceOf(JobCancelledException.class);
        try (ProjectStore store = ProjectStore.openReadOnly(projectFile)) {
            List<?> models = store.read(tx -> new ModelRepository().list(tx));
            List<?> runs = store.read(tx -> new PredictionRepository().listRuns(tx));
            assertThat(models).isEmpty();
            assertThat(runs).isEmpty();
        }
        try (Stream<Path> left = Files.list(ModelFiles.modelsFolder(projectFile))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void noLabelsOneClassOrTooFewLabelsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> train("none", quick(1, 1), JobContext.silent()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no labeled items");
        label(30, 2);
        assertThatThrownBy(() -> train("one", quick(1, 1), JobContext.silent()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("every labeled item is 'blob': a classifier needs labels of at least two classes");
    }

    @Test
    void unlabeledItemsAreNeverTrainedOn() {
        label(30, null);
        StoredModel model = train("half", quick(1, 1), JobContext.silent());
        assertThat(((Number) model.metrics().get("train_items")).intValue()
                + ((Number) model.metrics().get("dev_items")).intValue()).isEqualTo(30);
    }

    @Test
    void aTrainingDecodesEachPictureOnceForItsStatisticsItsTrainingAndItsDevReads() {
        label(60, null);
        try (ProjectStore store = ProjectStore.openReadOnly(projectFile)) {
            LabeledItems items = store.read(tx -> LabeledItems.read(tx, dir, org.labelbench.analysis.TruthSource.DEFAULT));
            Holdout holdout = Holdout.of(items, 0.1, 0);
            Recipe recipe = TrainingService.recipeFor(items, holdout.train(), quick(1, 1));
            ImageFeatures training = (ImageFeatures) recipe.trainFeatures();
            ImageFeatures plain = (ImageFeatures) recipe.plainFeatures();
            // The statistics sample is every training picture here (fewer than 1,000): all decoded once.
            for (int member : holdout.train()) {
                assertThat(training.pixels(items.files()[member])).isSameAs(plain.pixels(items.files()[member]));
            }
            for (int member : holdout.dev()) {
                plain.read(items.files()[member], null);
                training.read(items.files()[member], new java.util.SplittableRandom(1));
            }
            assertThat(training.decodes()).isEqualTo(60);
        }
    }

    @Test
    void theHoldoutIsStratifiedAndStableWhenLabelsAreAdded() {
        label(30, null);
        try (ProjectStore store = ProjectStore.openReadOnly(projectFile)) {
            LabeledItems thirty = store.read(tx -> LabeledItems.read(tx, dir, org.labelbench.analysis.TruthSource.DEFAULT));
            Holdout small = Holdout.of(thirty, 0.1, 0);
            assertThat(small.dev()).hasSize(3);
            assertThat(java.util.Arrays.stream(small.dev()).map(i -> thirty.classes()[i]).sorted().toArray())
                    .containsExactly(0, 1, 2);
            List<String> devKeys = java.util.Arrays.stream(small.dev()).mapToObj(i -> thirty.keys()[i]).toList();
            label(60, null);
            LabeledItems sixty = store.read(tx -> LabeledItems.read(tx, dir, org.labelbench.analysis.TruthSource.DEFAULT));
            Holdout large = Holdout.of(sixty, 0.1, 0);
            List<String> largeKeys = java.util.Arrays.stream(large.dev()).mapToObj(i -> sixty.keys()[i]).toList();
            // Each class's dev items are the ones with the smallest hashes: adding items only adds candidates.
            assertThat(largeKeys).hasSize(6);
            long kept = devKeys.stream().filter(largeKeys::contains).count();
            assertThat(kept).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aTrainingOnAVersionLearnsItsFrozenLabelsAndDevSplitAndIsInItsLineage() {
        label(60, null);
        org.labelbench.dataset.DatasetVersion version;
        long versionDev;
        try (ProjectStore store = ProjectStore.open(projectFile)) {
            new SplitService().split(store, SplitRule.parse("0.6,0.2,0.2", null, 5, "label", null), "t",
                    JobContext.silent());
            version = new org.labelbench.dataset.VersionService().create(store, "v1", null,
                    org.labelbench.dataset.VersionScope.ALL, org.labelbench.analysis.TruthSource.DEFAULT, "t")
                    .version();
            versionDev = new org.labelbench.dataset.VersionService().summary(store, "v1").splitCounts().get("dev");
            // Today's split moves on; the version's does not.
            new SplitService().split(store, SplitRule.parse("0.5,0.5", "train,dev", 9, "label", null), "t",
                    JobContext.silent());
        }
        label(60, 0); // today every label is the first class: no classifier could train on that
        assertThatThrownBy(() -> train("today", quick(1, 3), JobContext.silent()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least two classes");

        StoredModel trained;
        try (ProjectStore store = ProjectStore.open(projectFile)) {
            trained = new TrainingService().train(store, "on-v1", quick(1, 3), "v1", "tester", JobContext.silent(),
                    EpochListener.NONE);
        }
        assertThat(trained.labelsFingerprint()).isEqualTo(version.labelsFingerprint());
        assertThat(trained.metrics().get("dev_set_kind")).isEqualTo("dev split");
        assertThat(((Number) trained.metrics().get("dev_items")).longValue()).isEqualTo(versionDev);
        assertThat(trained.params().get("version")).isEqualTo("v1");
        try (ProjectStore store = ProjectStore.openReadOnly(projectFile)) {
            org.labelbench.dataset.Lineage lineage = new org.labelbench.dataset.VersionService().lineage(store, "v1");
            assertThat(lineage.nodesOf(org.labelbench.dataset.Lineage.MODEL))
                    .extracting(org.labelbench.dataset.Lineage.Node::id).containsExactly("model:on-v1");
            assertThat(lineage.edges()).contains(new org.labelbench.dataset.Lineage.Edge("version:v1", "model:on-v1",
                    "trained", 60));
        }
    }
}
