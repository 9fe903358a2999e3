package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the media readers that see untrusted files: the header probe of every image format and
 * WAV, and the WAV decoder. Inputs are valid files of each format with bytes flipped, cut, spliced
 * or overwritten with extreme sizes. The contract holds for each: a {@link MediaInfo} whose facts
 * are sane, or a {@link MediaException} of one line; never another exception, never a hang, never
 * an image over the pixel limit. The default run tries a few thousand inputs (seeded, so a failure
 * repeats); {@code docs/reliability.md} gives the command for a long run. Inputs a run found are
 * kept under {@code src/test/resources/fuzz/media/} and replayed by {@link #theCorpusReplays()}.
 */
class MediaHeaderFuzzTest {
    private static final MediaProbe PROBE = new MediaProbe();

    @Property(seed = "20261204")
    void aMutatedFileIsProbedOrRefusedInOneLine(@ForAll("mutatedMedia") byte[] content) throws IOException {
        checkProbe(content);
    }

    @Property(seed = "20261205")
    void aMutatedWavIsDecodedOrRefusedInOneLine(@ForAll("mutatedWavs") byte[] content) throws IOException {
        checkDecode(content);
    }

    @Property(seed = "20261206")
    void randomBytesAreRefusedInOneLine(@ForAll("randomBytes") byte[] content) throws IOException {
        checkProbe(content);
    }

    @Test
    void theCorpusReplays() throws IOException {
        Path corpus = Path.of("src/test/resources/fuzz/media");
        assertThat(corpus).isDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            checkProbe(content);
            checkDecode(content);
        }
    }

    private static void checkProbe(byte[] content) throws IOException {
        MediaInfo info;
        try {
            info = PROBE.probe("fuzzed", ByteSource.of(content));
        } catch (MediaException refused) {
            assertOneLine(refused);
            return;
        }
        if (info.kind() == MediaKind.IMAGE) {
            assertThat(info.width()).isPositive();
            assertThat(info.height()).isPositive();
            assertThat((long) info.width() * info.height()).isLessThanOrEqualTo(MediaProbe.MAX_PIXELS);
        } else {
            assertThat(info.durationMs()).isNotNegative();
        }
    }

    private static void checkDecode(byte[] content) throws IOException {
        if (!WavHeader.matches(Arrays.copyOf(content, 16))) {
            return;
        }
        try {
            PcmAudio audio = WavDecoder.decode(ByteSource.of(content));
            assertThat(audio.samples().length % audio.channels()).isZero();
        } catch (MediaException refused) {
            assertOneLine(refused);
        }
    }

    private static void assertOneLine(MediaException refused) {
        assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n", "\r", "Exception", "null");
    }

    @Provide
    Arbitrary<byte[]> mutatedMedia() {
        return mutations(Arbitraries.of(seeds()));
    }

    @Provide
    Arbitrary<byte[]> mutatedWavs() {
        return mutations(Arbitraries.of(wavSeeds()));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> magic = Arbitraries.of(seeds()).map(seed -> Arrays.copyOf(seed, 12));
        return Combinators.combine(magic, Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((head, tail) -> ByteBuffer.allocate(head.length + tail.length).put(head).put(tail).array());
    }

    /** A seed, then one to four mutations of it. */
    private static Arbitrary<byte[]> mutations(Arbitrary<byte[]> seeds) {
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 1 << 16).map(MediaHeaderFuzzTest::flip),
                Arbitraries.integers().between(0, 1 << 16).map(MediaHeaderFuzzTest::cut),
                Combinators.combine(Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.of(0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff))
                        .as(MediaHeaderFuzzTest::overwriteInt),
                Combinators.combine(Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as(MediaHeaderFuzzTest::splice));
        return Combinators.combine(seeds, mutation.list().ofMinSize(1).ofMaxSize(4)).as((seed, list) -> {
            byte[] content = seed.clone();
            for (Mutation each : list) {
                content = each.apply(content);
            }
            return content;
        });
    }

    private interface Mutation {
        byte[] apply(byte[] content);
    }

    private static Mutation flip(int at) {
        return content -> {
            if (content.length > 0) {
                content[at % content.length] ^= (byte) (1 << (at % 8));
            }
            return content;
        };
    }

    private static Mutation cut(int at) {
        return content -> Arrays.copyOf(content, content.length == 0 ? 0 : at % content.length);
    }

    /** A 32-bit value written big- or little-endian at a header offset: where sizes and lengths live. */
    private static Mutation overwriteInt(int at, int value) {
        return content -> {
            if (content.length >= 4) {
                int offset = at % Math.min(content.length - 3, 64);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                if ((at & 1) == 0) {
                    buffer.order(java.nio.ByteOrder.LITTLE_ENDIAN);
                }
                buffer.putInt(offset, value);
            }
            return content;
        };
    }

    private static Mutation splice(int at, byte[] inserted) {
        return content -> {
            int offset = content.length == 0 ? 0 : at % content.length;
            return ByteBuffer.allocate(content.length + inserted.length).put(content, 0, offset).put(inserted)
                    .put(content, offset, content.length - offset).array();
        };
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String format : List.of("png", "jpg", "gif", "bmp")) {
            seeds.add(TestImages.encode(format, 9, 7));
        }
        seeds.add(TestImages.WEBP_LOSSLESS);
        seeds.add(TestImages.WEBP_LOSSY);
        seeds.add(TestImages.WEBP_EXTENDED);
        seeds.addAll(wavSeeds());
        return seeds;
    }

    private static List<byte[]> wavSeeds() {
        double[] tone = WavBuilder.sine(64, 1, 8000, 440, 0.5);
        double[] stereo = WavBuilder.sine(32, 2, 8000, 440, 0.5);
        return List.of(
                WavBuilder.wav(8000, 1, 16).samples(tone).build(),
                WavBuilder.wav(8000, 2, 24).samples(stereo).build(),
                WavBuilder.wav(8000, 1, 32).formatTag(WavBuilder.IEEE_FLOAT).samples(tone).build(),
                WavBuilder.wav(8000, 1, 8).samples(tone).build());
    }
}
