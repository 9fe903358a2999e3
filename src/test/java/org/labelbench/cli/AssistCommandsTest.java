package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.PatternPictures;

/**
 * Training, listing and predicting end to end through the command line, with real PNGs, real
 * SQLite and real DJL: 150 labeled pattern pictures (50 a class) and 30 unlabeled ones the model
 * never saw, whose true classes only the test knows.
 */
class AssistCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static String project;
    static final Map<String, String> truthOfUnlabeled = new HashMap<>();

    @BeforeAll
    static void makeProject() throws Exception {
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        for (int i = 0; i < 180; i++) {
            int kind = i % 3;
            String key = String.format("p%03d.png", i);
            PatternPictures.write(dir.resolve("images").resolve(key), kind, i);
            if (i < 150) {
                labels.append(key).append(",ann,").append(PatternPictures.CLASSES[kind]).append('\n');
            } else {
                truthOfUnlabeled.put(key, PatternPictures.CLASSES[kind]);
            }
        }
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "patterns", "--classes", "rows,columns,blob");
        ok("import", project, "--images", dir.resolve("images").toString());
        ok("labels", "import", project, "--file", Files.writeString(dir.resolve("labels.csv"), labels).toString());
        ok("assist", "train", project, "--model", "m1", "--epochs", "6", "--seed", "3", "--no-flip", "--device", "cpu");
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    @Test
    void aTrainedModelIsStoredWithItsFilesHashesAndHistory() throws Exception {
        JsonNode models = JSON.readTree(ok("assist", "models", project, "--json").out());
        assertThat(models).hasSize(1);
        JsonNode m1 = models.get(0);
        assertThat(m1.get("origin").asText()).isEqualTo("trained");
        assertThat(m1.get("architecture").asText()).isEqualTo("small-cnn");
        assertThat(m1.get("input").asText()).isEqualTo("16x16x1");
        assertThat(m1.get("classes").toString()).isEqualTo("[\"rows\",\"columns\",\"blob\"]");
        assertThat(m1.get("seed").asLong()).isEqualTo(3);
        assertThat(m1.get("device").asText()).isEqualTo("cpu");
        assertThat(m1.get("engine").asText()).startsWith("PyTorch 2.");
        assertThat(m1.get("labels_fingerprint").asText()).hasSize(64);
        assertThat(m1.get("history").size()).isBetween(1, 6);
        assertThat(m1.get("metrics").get("train_items").asInt() + m1.get("metrics").get("dev_items").asInt())
                .isEqualTo(150);
        assertThat(m1.get("metrics").get("dev_items").asInt()).isEqualTo(15);
        // The files are where the row says, and the row's hash is the one sha256sum prints.
        Path folder = Path.of(m1.get("folder").asText());
        assertThat(folder).isEqualTo(dir.resolve("p.models/m1").toAbsolutePath());
        String file = m1.get("files").fieldNames().next();
        assertThat(file).matches("model-\\d{4}\\.params");
        assertThat(sha256(folder.resolve(file))).isEqualTo(m1.get("model_sha256").asText());
        // Nothing is left in the staging area.
        try (var left = Files.list(dir.resolve("p.models"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("m1");
        }
    }

    @Test
    void theModelReachesWellAboveChanceOnDevItemsAndOnItemsItNeverSaw() throws Exception {
        JsonNode m1 = JSON.readTree(ok("assist", "models", project, "--json").out()).get(0);
        // Chance is 1/3.
        assertThat(m1.get("metrics").get("dev_accuracy").asDouble()).isGreaterThanOrEqualTo(0.8);
        ok("assist", "predict", project, "--model", "m1", "--run", "unseen", "--items", "unlabeled", "--device", "cpu");
        Path export = dir.resolve("unseen.csv");
        ok("predictions", "export", project, "--run", "unseen", "--file", export.toString());
        long right = 0;
        var lines = Files.readAllLines(export);
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).isEqualTo("item,label,confidence,p_rows,p_columns,p_blob");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (truthOfUnlabeled.get(cells[0]).equals(cells[1])) {
                right++;
            }
            double sum = Double.parseDouble(cells[3]) + Double.parseDouble(cells[4]) + Double.parseDouble(cells[5]);
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(right).as("right on 30 unseen pictures").isGreaterThanOrEqualTo(24);
    }

    @Test
    void theTrainingsDevAnswersAreARunThatCompareReads() {
        CliRunner.Result compare = ok("compare", project, "--run", "m1", "--against", "m1");
        assertThat(compare.out()).contains("m1 vs m1 on 15 items");
    }

    @Test
    void crossValidationGivesEveryLabeledItemAnOutOfFoldAnswerAndFindsFlippedLabels() throws Exception {
        // A second project: the same pictures, with 6 of the 150 labels flipped on purpose.
        Path flippedDir = dir.resolve("flipped");
        java.util.Set<String> flipped = new java.util.TreeSet<>();
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        for (int i = 0; i < 150; i++) {
            String key = String.format("p%03d.png", i);
            java.nio.file.Files.createDirectories(flippedDir.resolve("images"));
            java.nio.file.Files.copy(dir.resolve("images").resolve(key), flippedDir.resolve("images").resolve(key));
            int kind = i % 3;
            if (i % 25 == 7) {
                kind = (kind + 1) % 3;
                flipped.add(key);
            }
            labels.append(key).append(",ann,").append(PatternPictures.CLASSES[kind]).append('\n');
        }
        String other = flippedDir.resolve("f.lbproj").toString();
        ok("init", other, "--name", "flipped", "--classes", "rows,columns,blob");
        ok("import", other, "--images", flippedDir.resolve("images").toString());
        ok("labels", "import", other, "--file", Files.writeString(flippedDir.resolve("l.csv"), labels).toString());
        ok("assist", "train", other, "--model", "base", "--epochs", "6", "--seed", "3", "--no-flip", "--device", "cpu");
        CliRunner.Result cv = ok("assist", "cross-validate", other, "--model", "base", "--folds", "3", "--run", "oof",
                "--device", "cpu", "--json");
        JsonNode result = JSON.readTree(cv.out());
        assertThat(result.get("items").asInt()).isEqualTo(150);
        JsonNode runs = JSON.readTree(ok("predictions", "list", other, "--json").out());
        assertThat(runs.toString()).contains("\"oof\"");
        JsonNode errors = JSON.readTree(ok("label-errors", other, "--run", "oof", "--json").out());
        java.util.Set<String> found = new java.util.TreeSet<>();
        errors.get("errors").forEach(e -> found.add(e.get("item").asText()));
        long caught = found.stream().filter(flipped::contains).count();
        // Precision and recall on the six flipped labels, as the issue asks them reported.
        System.out.printf("cross-validate + label-errors: %d found, %d of %d flipped (recall %.2f, precision %.2f)%n",
                found.size(), caught, flipped.size(), caught / (double) flipped.size(),
                found.isEmpty() ? 0 : caught / (double) found.size());
        assertThat(caught).as("flipped labels found among " + found).isGreaterThanOrEqualTo(5);
        assertThat(found.size()).as("label errors reported " + found).isLessThanOrEqualTo(12);
    }

    @Test
    void theLearningCurveTrainsNestedSharesOnTheSameDevItems() throws Exception {
        JsonNode curve = JSON.readTree(ok("assist", "learning-curve", project, "--model-kind", "image", "--fractions",
                "0.25,0.5,1", "--epochs", "4", "--device", "cpu", "--json").out());
        assertThat(curve.get("dev_items").asInt()).isEqualTo(15);
        JsonNode points = curve.get("points");
        assertThat(points).hasSize(3);
        // 135 training labels: a quarter (34), a half (68), all.
        assertThat(points.get(0).get("train_labels").asInt()).isEqualTo(34);
        assertThat(points.get(1).get("train_labels").asInt()).isEqualTo(68);
        assertThat(points.get(2).get("train_labels").asInt()).isEqualTo(135);
        assertThat(points.get(2).get("dev_accuracy").asDouble()).isGreaterThanOrEqualTo(0.7);
        // One annotator: no HLP to aim at, and the curve says so rather than inventing one.
        assertThat(curve.get("overall").get("verdict").asText()).startsWith("no HLP to aim at");
        assertRefused("--model-kind audio: the labeled items are image", "assist", "learning-curve", project,
                "--model-kind", "audio");
        assertRefused("expected rising shares", "assist", "learning-curve", project, "--model-kind", "image",
                "--fractions", "0.5,0.25");
    }

    @Test
    void aTakenNameAnUnknownModelAndBadOptionsAreRefusedWithExitTwo() {
        assertRefused("a model named 'm1' exists", "assist", "train", project, "--model", "m1");
        assertRefused("no model named 'nope'", "assist", "predict", project, "--model", "nope", "--run", "r");
        assertRefused("a model name is 1 to 80", "assist", "train", project, "--model", "../escape");
        assertRefused("--items queue:none: no queue of that name", "assist", "predict", project, "--model", "m1",
                "--run", "r", "--items", "queue:none");
        assertRefused("--device gpu: PyTorch sees no GPU", "assist", "train", project, "--model", "g", "--device", "gpu");
        assertRefused("--epochs 0", "assist", "train", project, "--model", "z", "--epochs", "0");
        assertRefused("--folds 1: expected 2 to 20", "assist", "cross-validate", project, "--model", "m1", "--folds",
                "1", "--run", "cv");
    }

    @Test
    void aModelFileChangedOnDiskIsRefusedBeforeItRuns() throws Exception {
        ok("assist", "train", project, "--model", "m2", "--epochs", "1", "--device", "cpu");
        Path folder = dir.resolve("p.models/m2");
        Path params;
        try (var files = Files.list(folder)) {
            params = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 1] ^= 1;
        Files.write(params, bytes);
        assertRefused("file changed since it was stored", "assist", "predict", project, "--model", "m2", "--run", "r2");
        assertThat(ok("predictions", "list", project).out()).doesNotContain("r2");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private void assertRefused(String reason, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + " → " + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(reason);
        assertThat(result.err().strip().lines()).hasSize(1);
    }
}
