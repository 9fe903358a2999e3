package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resampling by hand (a tone keeps its frequency and level, one above the new Nyquist frequency
 * is filtered out, lengths) and against scipy.signal.resample_poly itself, through
 * src/test/python/log_mel_peer.py's resample mode; that part is skipped without /usr/bin/python3
 * or its scipy (Debian: python3-scipy).
 */
class ResamplerTest {
    @TempDir
    Path dir;

    @Test
    void aToneKeepsItsFrequencyAndLevel() {
        for (int from : new int[] {44100, 48000, 22050, 8000}) {
            float[] in = LogMelSpectrogramTest.tone(1000, 0.5, from, from);
            float[] out = Resampler.resample(in, from, 16000);
            assertThat(out).as("from %d Hz", from).hasSize(16000);
            float[] expected = LogMelSpectrogramTest.tone(1000, 0.5, 16000, 16000);
            for (int i = 400; i < 15600; i++) { // away from the ends, where the filter reads zeros
                assertThat(out[i]).as("from %d Hz, sample %d", from, i).isCloseTo(expected[i], offset(2e-3f));
            }
        }
    }

    @Test
    void aToneAboveTheNewNyquistFrequencyIsFilteredOut() {
        float[] in = LogMelSpectrogramTest.tone(10000, 0.5, 44100, 44100);
        float[] out = Resampler.resample(in, 44100, 16000);
        double power = 0;
        for (int i = 400; i < 15600; i++) {
            power += out[i] * out[i];
        }
        double db = 10 * Math.log10(power / 15200 / 0.125); // against the tone's own power, A^2 / 2
        assertThat(db).as("10 kHz folded to 6 kHz, in dB").isLessThan(-50); // measured: -57 dB (Kaiser, beta 5)
    }

    @Test
    void lengthsRatiosAndEdges() {
        Resampler cd = Resampler.of(44100, 16000);
        assertThat(cd.up()).isEqualTo(160);
        assertThat(cd.down()).isEqualTo(441);
        assertThat(cd.outputLength(44100)).isEqualTo(16000);
        assertThat(cd.outputLength(1)).isEqualTo(1);
        assertThat(cd.outputLength(0)).isZero();
        assertThat(Resampler.of(44100, 16000)).isSameAs(cd);
        assertThat(Resampler.resample(new float[0], 48000, 16000)).isEmpty();
        float[] clip = {0.1f, Float.NaN, -0.2f};
        assertThat(Resampler.resample(clip, 16000, 16000)).containsExactly(0.1f, 0f, -0.2f);
        float[] constant = new float[4800];
        java.util.Arrays.fill(constant, 0.3f);
        float[] down = Resampler.resample(constant, 48000, 16000);
        assertThat(down).hasSize(1600);
        assertThat(down[800]).isCloseTo(0.3f, offset(1e-3f));
        assertThat(Resampler.besselI0(0)).isEqualTo(1);
        assertThat(Resampler.besselI0(5)).isCloseTo(27.239871823604442, offset(1e-12));
        assertThatThrownBy(() -> Resampler.of(0, 16000)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Resampler.of(199999, 16000)).hasMessageContaining("too long a filter");
    }

    @Test
    void agreesWithScipysResamplePoly() throws Exception {
        int[][] pairs = {{44100, 16000}, {48000, 16000}, {22050, 16000}, {8000, 16000}, {11025, 8000}, {16000, 16000}};
        LogMelPeer peer = new LogMelPeer(dir);
        List<float[]> clips = new ArrayList<>();
        for (int[] pair : pairs) {
            for (int length : new int[] {pair[0] / 4, 7}) {
                float[] clip = LogMelPeerTest.noisyChord(length, pair[0], pair[0] + length);
                clips.add(clip);
                peer.resample(clip, pair[0], pair[1]);
            }
        }
        List<JsonNode> results = peer.run();
        for (int c = 0; c < clips.size(); c++) {
            int[] pair = pairs[c / 2];
            float[] clip = clips.get(c);
            JsonNode theirs = results.get(c).get("out");
            float[] ours = Resampler.resample(clip, pair[0], pair[1]);
            String what = pair[0] + " to " + pair[1] + " Hz, " + clip.length + " samples";
            assertThat(ours).as("%s: length", what).hasSize(theirs.size());
            double worst = 0;
            for (int i = 0; i < ours.length; i++) {
                worst = Math.max(worst, Math.abs(ours[i] - theirs.get(i).asDouble()));
            }
            assertThat(worst).as(what).isLessThan(1e-5);
            System.out.printf("resample %s: worst |difference| from scipy %.2e%n", what, worst);
        }
    }

    @Test
    void aSecondAt44kHzTakesAFewMilliseconds() {
        float[] clip = LogMelPeerTest.noisyChord(44100, 44100, 1);
        double ms = Double.MAX_VALUE; // the best of rounds, as other work shares the machine
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 25; i++) {
                Resampler.resample(clip, 44100, 16000);
            }
            ms = Math.min(ms, (System.nanoTime() - start) / 1e6 / 25);
        }
        System.out.printf("resample 1 s from 44.1 to 16 kHz: %.3f ms%n", ms);
        assertThat(ms).isLessThan(15);
    }
}
