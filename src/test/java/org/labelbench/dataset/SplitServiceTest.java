package org.labelbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SplitRepository;

/** Splits of real projects (SQLite files of real PNGs imported from a manifest), asserted as a user would check. */
class SplitServiceTest {
    @TempDir
    Path dir;

    private final SplitService service = new SplitService();

    /** 300 items: 150 cat, 90 dog, 30 owl, 30 unlabeled; 60 speakers, 50 of 4 items and 10 of 10. */
    private static List<SplitProject.Row> rows() {
        List<SplitProject.Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String label = i < 150 ? "cat" : i < 240 ? "dog" : i < 270 ? "owl" : "";
            int speaker = i < 200 ? i % 50 : 50 + i % 10;
            rows.add(new SplitProject.Row(String.format("k%03d", i), label, String.format("s%02d", speaker)));
        }
        return rows;
    }

    private Map<String, String> splitByKey(ProjectStore store) {
        return store.read(tx -> {
            Map<Long, String> splitOf = new SplitRepository().splitOfItems(tx);
            Map<String, String> byKey = new HashMap<>();
            for (Item item : new ItemRepository().page(tx, ItemQuery.all(), 0, 10_000)) {
                byKey.put(item.key(), splitOf.get(item.id()));
            }
            return byKey;
        });
    }

    @Test
    void theSameSeedGivesTheSameSplitAndRerunningReplacesIt() throws Exception {
        Path project = SplitProject.create(dir, rows());
        try (ProjectStore store = ProjectStore.open(project)) {
            SplitRule rule = SplitRule.parse("0.8,0.1,0.1", null, 42, "label", null);
            SplitService.Outcome first = service.split(store, rule, "t", JobContext.silent());
            assertThat(first.replaced()).isEmpty();
            Map<String, String> a = splitByKey(store);
            service.split(store, SplitRule.parse("0.8,0.1,0.1", null, 43, "label", null), "t", JobContext.silent());
            Map<String, String> other = splitByKey(store);
            SplitService.Outcome again = service.split(store, rule, "t", JobContext.silent());
            assertThat(again.replaced()).hasValueSatisfying(old -> assertThat(old.seed()).isEqualTo(43));
            assertThat(splitByKey(store)).isEqualTo(a);
            assertThat(other).isNotEqualTo(a);
            assertThat(a.values()).doesNotContainNull();
        }
    }

    @Test
    void ratiosAndClassSharesHoldWithinAnItem() throws Exception {
        Path project = SplitProject.create(dir, rows());
        try (ProjectStore store = ProjectStore.open(project)) {
            SplitReport report = service.split(store, SplitRule.parse("0.8,0.1,0.1", null, 1, "label", null), "t",
                    JobContext.silent()).report();
            assertThat(report.counts()).containsExactly(240, 30, 30);
            // Every class (unlabeled included) split 80/10/10 to the item: 150 cats -> 120/15/15...
            SplitReport.Breakdown classes = report.classes();
            assertThat(classes.values()).containsExactly("(unlabeled)", "cat", "dog", "owl");
            assertThat(classes.counts()[1]).containsExactly(120, 15, 15);
            assertThat(classes.counts()[2]).containsExactly(72, 9, 9);
            assertThat(classes.counts()[3]).containsExactly(24, 3, 3);
            assertThat(classes.counts()[0]).containsExactly(24, 3, 3);
            assertThat(report.largestDeviation()).isLessThan(1e-9);
        }
    }

    @Test
    void groupsNeverStraddleSplitsAndClassSharesStayClose() throws Exception {
        Path project = SplitProject.create(dir, rows());
        try (ProjectStore store = ProjectStore.open(project)) {
            SplitReport report = service.split(store, SplitRule.parse("0.8,0.1,0.1", null, 7, "label",
                    "attr:speaker"), "t", JobContext.silent()).report();
            Map<String, String> byKey = splitByKey(store);
            Map<String, Set<String>> splitsOfSpeaker = new HashMap<>();
            for (SplitProject.Row row : rows()) {
                splitsOfSpeaker.computeIfAbsent(row.speaker(), s -> new HashSet<>()).add(byKey.get(row.key()));
            }
            assertThat(splitsOfSpeaker).hasSize(60).allSatisfy((speaker, splits) -> assertThat(splits).hasSize(1));
            // Whole speakers of 4 or 10 items move in one piece, so shares are off by up to about a speaker.
            assertThat(report.share(0)).isBetween(0.77, 0.83);
            assertThat(report.largestDeviation()).isLessThan(0.06);
            SplitService.Check check = service.check(store, LeakageCheck.NEAR_THRESHOLD, JobContext.silent());
            assertThat(check.leakage().hasErrors()).isFalse();
        }
    }

    @Test
    void identicalContentStaysInOneSplitAndAcrossSplitsIsAnError() throws Exception {
        Path project = SplitProject.create(dir, rows());
        try (ProjectStore store = ProjectStore.open(project)) {
            // Two copies of k000's file under new names, imported as duplicates on purpose.
            Path copies = Files.createDirectories(dir.resolve("copies"));
            Files.copy(dir.resolve("batch1/k000.png"), copies.resolve("twin-a.png"));
            Files.copy(dir.resolve("batch1/k000.png"), copies.resolve("twin-b.png"));
            new ImportService().run(store, new ImportRequest(ImportSource.IMAGES, copies, false, false, false, "",
                    true), JobContext.silent());
            service.split(store, SplitRule.parse("0.5,0.5", null, 3, "label", null), "t", JobContext.silent());
            Map<String, String> byKey = splitByKey(store);
            assertThat(byKey.get("twin-a.png")).isEqualTo(byKey.get("k000")).isEqualTo(byKey.get("twin-b.png"));

            // Moved by hand into the other split: the check names the pairs.
            String other = byKey.get("k000").equals("train") ? "dev" : "train";
            store.write(tx -> {
                try (var s = tx.connection().prepareStatement("UPDATE item_split SET split = ? WHERE item ="
                        + " (SELECT id FROM item WHERE key = 'twin-b.png')")) {
                    s.setString(1, other);
                    s.executeUpdate();
                }
                return null;
            });
            Leakage leakage = service.check(store, LeakageCheck.NEAR_THRESHOLD, JobContext.silent()).leakage();
            assertThat(leakage.hasErrors()).isTrue();
            assertThat(leakage.contentPairs()).isEqualTo(2);
            assertThat(leakage.errorLine()).startsWith("leakage across splits: 2 pairs of items with identical content")
                    .contains("twin-b.png (" + other + ")");
        }
    }

    @Test
    void nearDuplicatePicturesAcrossSplitsAreWarningsWithThePairsListed() throws Exception {
        List<SplitProject.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new SplitProject.Row(String.format("k%03d", i), i % 2 == 0 ? "cat" : "dog", ""));
        }
        Path project = SplitProject.create(dir, rows);
        try (ProjectStore store = ProjectStore.open(project)) {
            // Each of 20 pictures again, 3 grey levels brighter: other bytes, the same dHash.
            Path near = dir.resolve("near");
            List<String> lines = new ArrayList<>(List.of("key,path,label"));
            for (int i = 0; i < 20; i++) {
                SplitProject.noise(near.resolve("n" + i + ".png"), i, 3);
                lines.add("n" + i + ",n" + i + ".png," + (i % 2 == 0 ? "cat" : "dog"));
            }
            Files.write(near.resolve("manifest.csv"), lines);
            new ImportService().run(store, ImportRequest.of(ImportSource.MANIFEST, near.resolve("manifest.csv")),
                    JobContext.silent());
            SplitService.Outcome outcome = service.split(store, SplitRule.parse("0.5,0.5", null, 9, "label", null),
                    "t", JobContext.silent());
            Map<String, String> byKey = splitByKey(store);
            Set<String> crossing = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                String original = String.format("k%03d", i);
                if (!byKey.get(original).equals(byKey.get("n" + i))) {
                    crossing.add(original + "|n" + i);
                }
            }
            Leakage leakage = outcome.leakage();
            assertThat(leakage.hasErrors()).isFalse();
            assertThat(leakage.imagesHashed()).isEqualTo(60);
            assertThat(crossing).isNotEmpty();
            // Exactly the planted pairs that ended in two splits, nothing else: noise pictures are far apart.
            Set<String> reported = new HashSet<>();
            leakage.nearExamples().forEach(pair -> reported.add(pair.firstKey() + "|" + pair.secondKey()));
            assertThat(leakage.nearPairs()).isEqualTo(crossing.size());
            assertThat(reported).isEqualTo(crossing);
            assertThat(leakage.nearExamples()).allSatisfy(pair -> assertThat(pair.distance()).isLessThanOrEqualTo(4));
        }
    }

    @Test
    void nearDuplicateClipsAcrossSplitsAreWarningsToo() throws Exception {
        Path clips = Files.createDirectories(dir.resolve("clips"));
        for (int i = 0; i < 20; i++) {
            // Each clip again at half the gain: other bytes, the same log-mel fingerprint.
            wav(clips.resolve(String.format("c%02d.wav", i)), i, 1.0);
            wav(clips.resolve(String.format("c%02d-quiet.wav", i)), i, 0.5);
        }
        Path project = dir.resolve("a.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new org.labelbench.project.ProjectSettings("a",
                SplitProject.CLASSES, false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.AUDIO, clips), JobContext.silent());
            Leakage leakage = service.split(store, SplitRule.parse("0.5,0.5", null, 2, "label", null), "t",
                    JobContext.silent()).leakage();
            Map<String, String> byKey = splitByKey(store);
            Set<String> crossing = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                String loud = String.format("c%02d.wav", i);
                String quiet = String.format("c%02d-quiet.wav", i);
                if (!byKey.get(loud).equals(byKey.get(quiet))) {
                    crossing.add(quiet + "|" + loud);
                }
            }
            assertThat(leakage.clipsHashed()).isEqualTo(40);
            assertThat(crossing).isNotEmpty();
            Set<String> reported = new HashSet<>();
            leakage.nearExamples().forEach(pair -> reported.add(pair.firstKey().compareTo(pair.secondKey()) < 0
                    ? pair.firstKey() + "|" + pair.secondKey() : pair.secondKey() + "|" + pair.firstKey()));
            assertThat(reported).isEqualTo(crossing);
            assertThat(leakage.nearExamples()).allSatisfy(pair -> assertThat(pair.media()).isEqualTo("audio"));
        }
    }

    /** One second of 16 kHz noise whose loudness changes every 50 ms (seeded), times {@code gain}. */
    private static void wav(Path file, long seed, double gain) throws java.io.IOException {
        // SplittableRandom: java.util.Random's first draws from nearby seeds are alike, and so would the clips be.
        java.util.SplittableRandom envelope = new java.util.SplittableRandom(seed);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(seed + 1000);
        int n = 16_000;
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(44 + 2 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        data.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(2 * n);
        double level = 0;
        for (int i = 0; i < n; i++) {
            if (i % 800 == 0) {
                level = 0.05 + 0.9 * envelope.nextDouble();
            }
            data.putShort((short) Math.round(gain * level * (noise.nextDouble() * 2 - 1) * 20_000));
        }
        Files.write(file, data.array());
    }

    @Test
    void aFrozenSplitPlacesLaterImportsByItsRuleAndMovesNothing() throws Exception {
        Path project = SplitProject.create(dir, rows());
        try (ProjectStore store = ProjectStore.open(project)) {
            SplitRule rule = SplitRule.parse("0.8,0.1,0.1", null, 11, "label", "attr:speaker");
            service.split(store, rule, "t", JobContext.silent());
            Map<String, String> before = splitByKey(store);
            assertThat(service.freeze(store, true)).isZero();
            assertThatThrownBy(() -> service.split(store, SplitRule.parse("0.5,0.5", null, 1, "label", null), "t",
                    JobContext.silent())).isInstanceOf(BadInputException.class).hasMessageContaining("frozen");

            // 30 new items: 10 of known speakers, 20 of new speakers.
            List<SplitProject.Row> later = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                later.add(new SplitProject.Row(String.format("new%02d", i), "cat",
                        i < 10 ? String.format("s%02d", i * 6) : String.format("t%02d", i / 2)));
            }
            SplitProject.importRows(store, dir.resolve("batch2"), later, 1000);
            Map<String, String> after = splitByKey(store);
            before.forEach((key, split) -> assertThat(after.get(key)).as(key).isEqualTo(split));
            SplitRule frozen = service.rule(store).orElseThrow();
            assertThat(frozen.frozen()).isTrue();
            for (int i = 0; i < 30; i++) {
                SplitProject.Row row = later.get(i);
                String expected = i < 10 ? before.get(rows().stream().filter(r -> r.speaker().equals(row.speaker()))
                        .findFirst().orElseThrow().key()) : SplitPlacement.byHash(frozen, "group:" + row.speaker());
                assertThat(after.get(row.key())).as(row.key()).isEqualTo(expected);
            }
            assertThat(service.check(store, 4, JobContext.silent()).leakage().hasErrors()).isFalse();
        }
    }

    @Test
    void badRulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SplitRule.parse("0.8,0.1", null, 1, null, null))
                .hasMessage("split ratios 0.8,0.1: the shares sum to 0.9, not 1 (or 100)");
        assertThatThrownBy(() -> SplitRule.parse("50,40", null, 1, null, null))
                .hasMessage("split ratios 50,40: the shares sum to 90, not 1 (or 100)");
        assertThatThrownBy(() -> SplitRule.parse("0.333,0.333", null, 1, null, null))
                .hasMessage("split ratios 0.333,0.333: the shares sum to 0.666, not 1 (or 100)");
        assertThatThrownBy(() -> SplitRule.parse("0.8,0.2", "train,dev,test", 1, null, null))
                .hasMessage("split names gives 3 names for 2 ratios");
        assertThatThrownBy(() -> SplitRule.parse("0.8,0.2", null, 1, "colour", null))
                .hasMessageContaining("stratification colour");
        assertThatThrownBy(() -> SplitRule.parse("0.8,0.2", null, 1, null, "speaker"))
                .hasMessage("grouping speaker: expected attr:NAME");
        assertThat(SplitRule.parse("80,10,10", null, 1, null, null).ratios()).containsExactly(0.8, 0.1, 0.1);
    }
}
