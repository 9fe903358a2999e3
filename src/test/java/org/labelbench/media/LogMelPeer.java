package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs src/test/python/log_mel_peer.py once on a list of cases (clips written as raw float32
 * beside a CASES.json) and gives its results in order. Skips the calling test, saying why, when
 * /usr/bin/python3 or a module the peer needs (numpy; scipy for resampling) is missing; any other
 * failure of the peer fails it.
 */
final class LogMelPeer {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/log_mel_peer.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<Map<String, Object>> cases = new ArrayList<>();

    LogMelPeer(Path dir) {
        this.dir = dir;
    }

    /** A log-mel case: {@code clip} taken as {@code length} samples under {@code p}. */
    void logMel(float[] clip, LogMelSpectrogram.Params p, int length) throws IOException {
        Map<String, Object> c = newCase("logmel", clip);
        c.put("sr", p.sampleRate());
        c.put("n_fft", p.nFft());
        c.put("win", p.winLength());
        c.put("hop", p.hop());
        c.put("mels", p.mels());
        c.put("fmin", p.fmin());
        c.put("fmax", p.fmax());
        c.put("scale", p.scale().name().toLowerCase());
        c.put("norm", p.norm().name().toLowerCase());
        c.put("length", length);
    }

    /** A resampling case: scipy's resample_poly of {@code clip} from {@code from} to {@code to} Hz. */
    void resample(float[] clip, int from, int to) throws IOException {
        Map<String, Object> c = newCase("resample", clip);
        c.put("from", from);
        c.put("to", to);
    }

    private Map<String, Object> newCase(String kind, float[] clip) throws IOException {
        Path file = dir.resolve("clip" + cases.size() + ".f32");
        ByteBuffer bytes = ByteBuffer.allocate(4 * clip.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : clip) {
            bytes.putFloat(v);
        }
        Files.write(file, bytes.array());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("clip", file.toString());
        cases.add(c);
        return c;
    }

    /** The peer's results, one per case in order. */
    List<JsonNode> run() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed: the numpy peer did not run");
        Path manifest = dir.resolve("cases.json");
        JSON.writeValue(manifest.toFile(), cases);
        Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), manifest.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the peer finished").isTrue();
        Assumptions.assumeFalse(output.contains("ModuleNotFoundError: No module named"),
                "the peer did not run, a module is missing (Debian: python3-numpy, python3-scipy): "
                        + output.lines().reduce((a, b) -> b).orElse(""));
        assertThat(process.exitValue()).as("the peer's exit status; it said: %s", output).isZero();
        JsonNode results = JSON.readTree(output.lines().reduce((a, b) -> b).orElse(""));
        assertThat(results.size()).as("results, one per case").isEqualTo(cases.size());
        List<JsonNode> list = new ArrayList<>();
        results.forEach(list::add);
        return list;
    }
}
