package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LogMelSpectrogram and MelFilterbank against src/test/python/log_mel_peer.py, the same definition
 * written independently in vectorized numpy (and, where Debian's python3-torch is installed,
 * torch.stft's power spectrum through the peer's filters), on seeded clips written for it.
 *
 * <p>Unlike the metric peers, whose printed numbers the tests embed, this one is run: a spectrogram
 * is thousands of numbers. Without /usr/bin/python3 or its numpy the test is skipped, saying so
 * (Debian: apt-get install python3-numpy); any other failure of the peer fails it. Log-mel values
 * must agree to 1e-4 absolute, which is 1e-4 relative on the mel energies (plus 1e-6).
 */
class LogMelPeerTest {
    @TempDir
    Path dir;

    record Case(String name, LogMelSpectrogram.Params params, float[] clip, int length) {
    }

    static float[] noisyChord(int samples, int rate, long seed) {
        Random random = new Random(seed);
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / (double) rate;
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
            out[i] = (float) (envelope * (0.4 * Math.sin(2 * Math.PI * 440 * t) + 0.2 * Math.sin(2 * Math.PI * 2750 * t))
                    + 0.05 * random.nextGaussian());
        }
        return out;
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        LogMelSpectrogram.Params defaults = LogMelSpectrogram.Params.defaults(16000);
        float[] chord = noisyChord(20800, 16000, 7); // 1.3 s
        cases.add(new Case("defaults, 1.3 s", defaults, chord, chord.length));
        cases.add(new Case("padded to 2 s", defaults, chord, 32000));
        cases.add(new Case("cut to 0.5 s", defaults, chord, 8000));
        cases.add(new Case("HTK scale, no norm, 40 mels 60-7600 Hz",
                defaults.withScale(MelFilterbank.Scale.HTK, MelFilterbank.Norm.NONE).withMels(40).withRange(60, 7600),
                chord, chord.length));
        cases.add(new Case("HTK scale, Slaney norm", defaults.withScale(MelFilterbank.Scale.HTK, MelFilterbank.Norm.SLANEY),
                chord, chord.length));
        float[] cd = noisyChord(30000, 22050, 11);
        cases.add(new Case("22.05 kHz, n_fft = win = 1024, hop 256, 128 mels",
                new LogMelSpectrogram.Params(22050, 1024, 1024, 256, 128, 0, 11025,
                        MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.SLANEY), cd, cd.length));
        float[] cd44 = noisyChord(22050, 44100, 13);
        cases.add(new Case("44.1 kHz defaults: an odd window of 1103 centred in 2048", LogMelSpectrogram.Params.defaults(44100),
                cd44, cd44.length));
        // shorter than half a frame: the reflection wraps round several times
        float[] tiny = noisyChord(100, 16000, 5);
        cases.add(new Case("100 samples", defaults, tiny, tiny.length));
        float[] withNaN = chord.clone();
        withNaN[5000] = Float.NaN;
        withNaN[9000] = Float.NEGATIVE_INFINITY;
        cases.add(new Case("NaN and infinity as silence", defaults, withNaN, withNaN.length));
        cases.add(new Case("empty clip padded to 0.25 s", defaults, new float[0], 4000));
        return cases;
    }

    @Test
    void agreesWithTheNumpyPeer() throws Exception {
        List<Case> cases = cases();
        LogMelPeer peer = new LogMelPeer(dir);
        for (Case c : cases) {
            peer.logMel(c.clip(), c.params(), c.length());
        }
        List<JsonNode> results = peer.run();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode theirs = results.get(i);
            LogMelSpectrogram logMel = new LogMelSpectrogram(c.params());
            float[][] ours = logMel.compute(c.clip(), c.length());
            int frames = logMel.frames(c.length());
            assertThat(theirs.get("frames").asInt()).as(c.name()).isEqualTo(frames);
            assertThat(theirs.get("bins").asInt()).as(c.name()).isEqualTo(c.params().nFft() / 2 + 1);

            double[][] filters = logMel.filterbank().matrix();
            double worstFilter = 0;
            for (int m = 0; m < filters.length; m++) {
                for (int k = 0; k < filters[m].length; k++) {
                    double w = theirs.get("filters").get(m).get(k).asDouble();
                    worstFilter = Math.max(worstFilter, Math.abs(filters[m][k] - w) / Math.max(Math.abs(w), 1e-3));
                }
            }
            assertThat(worstFilter).as("%s: filter weights, relative", c.name()).isLessThan(1e-9);

            double worst = 0;
            for (int m = 0; m < ours.length; m++) {
                JsonNode row = theirs.get("logmel").get(m);
                for (int t = 0; t < frames; t++) {
                    worst = Math.max(worst, Math.abs(ours[m][t] - row.get(t).asDouble()));
                }
            }
            assertThat(worst).as("%s: log-mel", c.name()).isLessThan(1e-4);

            JsonNode torch = theirs.get("torch");
            boolean withTorch = torch != null && !torch.isNull();
            if (withTorch) {
                assertThat(torch.get("frames").asInt()).as("%s: torch.stft frames", c.name()).isEqualTo(frames);
                assertThat(torch.get("max_abs_logmel_diff").asDouble()).as("%s: torch.stft against numpy", c.name())
                        .isLessThan(1e-6);
            }
            System.out.printf("log-mel peer, %s: %d x %d, worst |difference| %.2e%s%n", c.name(), ours.length, frames,
                    worst, withTorch ? ", torch.stft agrees" : "");
        }
    }
}
