package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `assist load` on TorchScript files made by Debian's python3-torch (src/test/python/
 * make_torchscript_fixture.py): a tiny CNN over six 12×10 grey pictures, whose probabilities
 * python computed with the loader's documented preprocessing (/255, then (x − 0.5) / 0.25).
 * Its labels file lists the classes in another order than the project's.
 */
class AssistLoadCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "/org/labelbench/assist/torchscript/";
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < 6; i++) {
            copy("pictures/p" + i + ".png", dir.resolve("images/p" + i + ".png"));
        }
        copy("tiny-logits.pt", dir.resolve("tiny-logits.pt"));
        copy("tiny-softmax.pt", dir.resolve("tiny-softmax.pt"));
        copy("labels.txt", dir.resolve("labels.txt"));
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "t", "--classes", "bar,dot,ring");
        ok("import", project, "--images", dir.resolve("images").toString());
    }

    private void copy(String resource, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private String[] load(String file, String name, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("assist", "load", project, "--torchscript",
                dir.resolve(file).toString(), "--labels", dir.resolve("labels.txt").toString(), "--model", name,
                "--input-size", "12x10", "--channels", "1", "--mean", "0.5", "--std", "0.25", "--device", "cpu"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void givesTheProbabilitiesPythonComputedToOneInTenThousand() throws Exception {
        CliRunner.Result loaded = ok(load("tiny-logits.pt", "tiny"));
        assertThat(loaded.out()).contains("Loaded model 'tiny' (TorchScript, 3 classes, input 12x10x1, outputs logits)");
        ok("assist", "predict", project, "--model", "tiny", "--run", "tiny-run", "--device", "cpu");
        assertMatchesPython("tiny-run");
    }

    @Test
    void aModelThatEndsInASoftmaxIsNotSoftmaxedTwice() throws Exception {
        CliRunner.Result loaded = ok(load("tiny-softmax.pt", "soft"));
        assertThat(loaded.out()).contains("outputs probabilities");
        ok("assist", "predict", project, "--model", "soft", "--run", "soft-run", "--device", "cpu");
        assertMatchesPython("soft-run");
    }

    @Test
    void aTakenNameIsRefusedInTheWordsTrainingUses() throws Exception {
        ok(load("tiny-logits.pt", "taken"));
        assertRefused("a model named 'taken' exists; models are never changed, so give the new one another name",
                load("tiny-logits.pt", "taken"));
        assertThat(ok("assist", "models", project).out().lines().filter(l -> l.contains("taken"))).hasSize(1);
    }

    private void assertMatchesPython(String run) throws Exception {
        JsonNode expected = JSON.readTree(getClass().getResourceAsStream(FIXTURE + "expected.json"))
                .get("probabilities");
        Path export = dir.resolve(run + ".csv");
        ok("predictions", "export", project, "--run", run, "--file", export.toString());
        List<String> lines = Files.readAllLines(export);
        // The run's classes are the model's output order, as labels.txt names it.
        assertThat(lines.get(0)).isEqualTo("item,label,confidence,p_ring,p_dot,p_bar");
        assertThat(lines).hasSize(7);
        for (String line : lines.subList(1, 7)) {
            String[] cells = line.split(",");
            JsonNode want = expected.get(cells[0].replace(".png", ""));
            for (int c = 0; c < 3; c++) {
                assertThat(Double.parseDouble(cells[3 + c])).as(cells[0] + " p" + c)
                        .isCloseTo(want.get(c).asDouble(), within(1e-4));
            }
        }
    }

    @Test
    void aCorruptFileOrAWrongLabelsFileIsRefusedAndChangesNothing() throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.pt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        assertRefused("corrupt.pt: not a TorchScript model PyTorch can load", load("corrupt.pt", "bad"));
        Files.writeString(dir.resolve("labels.txt"), "ring\ndot\n");
        assertRefused("labels.txt: names 2 classes, but tiny-logits.pt answered 3 values per item",
                load("tiny-logits.pt", "short"));
        Files.writeString(dir.resolve("labels.txt"), "ring\ndot\nwolf\n");
        assertRefused("labels.txt:3: 'wolf' is not a class of the project", load("tiny-logits.pt", "unknown"));
        Files.writeString(dir.resolve("labels.txt"), "ring\ndot\nbar\n");
        assertRefused("tiny-logits.pt: the model fails on a sample input of shape [2, 3, 10, 12]",
                withChannels(load("tiny-logits.pt", "wrong-channels"), "3"));
        assertThat(ok("assist", "models", project).out()).startsWith("No models yet");
        try (var left = Files.list(dir.resolve("p.models"))) {
            assertThat(left).isEmpty();
        }
        assertThat(corrupt).exists();
    }

    private static String[] withChannels(String[] args, String channels) {
        String[] changed = args.clone();
        for (int i = 0; i < changed.length - 1; i++) {
            if (changed[i].equals("--channels")) {
                changed[i + 1] = channels;
            }
            if (changed[i].equals("--mean") || changed[i].equals("--std")) {
                changed[i + 1] = changed[i].equals("--mean") ? "0.5,0.5,0.5" : "0.25,0.25,0.25";
            }
        }
        return changed;
    }

    private void assertRefused(String reason, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + " → " + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(reason);
        assertThat(result.err().strip().lines()).hasSize(1);
    }
}
