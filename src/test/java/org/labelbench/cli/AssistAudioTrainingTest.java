package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.ToneClips;

/**
 * Training on audio end to end: 90 labeled tone clips (30 a class) and 24 unlabeled ones; the
 * model hears log-mel spectrograms computed in Java and must tell the tones apart on clips it
 * never trained on.
 */
class AssistAudioTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    @Test
    void aModelOnLogMelFeaturesTellsTonesApartOnClipsItNeverHeard() throws Exception {
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < 114; i++) {
            String key = String.format("c%03d.wav", i);
            ToneClips.write(dir.resolve("audio").resolve(key), i % 3, i);
            if (i < 90) {
                labels.append(key).append(",ann,").append(ToneClips.CLASSES[i % 3]).append('\n');
            } else {
                truth.put(key, ToneClips.CLASSES[i % 3]);
            }
        }
        String project = dir.resolve("a.lbproj").toString();
        ok("init", project, "--name", "tones", "--classes", "low,middle,high");
        ok("import", project, "--audio", dir.resolve("audio").toString());
        ok("labels", "import", project, "--file", Files.writeString(dir.resolve("l.csv"), labels).toString());
        ok("assist", "train", project, "--model", "ears", "--epochs", "8", "--seed", "5", "--device", "cpu");
        JsonNode model = JSON.readTree(ok("assist", "models", project, "--json").out()).get(0);
        assertThat(model.get("media").asText()).isEqualTo("audio");
        assertThat(model.get("input").asText()).isEqualTo("8000 Hz, 0.50 s, 64 mel bands");
        assertThat(model.get("params").get("augmentation").asText()).startsWith("time shift");
        ok("assist", "predict", project, "--model", "ears", "--run", "unheard", "--items", "unlabeled", "--device",
                "cpu");
        Path export = dir.resolve("unheard.csv");
        ok("predictions", "export", project, "--run", "unheard", "--file", export.toString());
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(25);
        long right = lines.subList(1, lines.size()).stream()
                .filter(line -> truth.get(line.split(",")[0]).equals(line.split(",")[1])).count();
        // Chance is 8 of 24.
        assertThat(right).as("right on 24 unheard clips").isGreaterThanOrEqualTo(20);
    }
}
