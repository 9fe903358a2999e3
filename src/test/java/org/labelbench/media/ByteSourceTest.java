package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both sources read the same bytes by position, short only at the end. */
class ByteSourceTest {
    private static final byte[] CONTENT = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};

    @TempDir
    static Path dir;

    static Stream<ByteSource> sources() throws Exception {
        Path file = Files.write(dir.resolve("ten-bytes.bin"), CONTENT);
        return Stream.of(ByteSource.of(CONTENT), ByteSource.open(file));
    }

    @ParameterizedTest
    @MethodSource("sources")
    void readsByPosition(ByteSource source) throws Exception {
        try (source) {
            byte[] target = new byte[6];

            assertThat(source.size()).isEqualTo(10);
            assertThat(source.read(3, target, 1, 4)).isEqualTo(4);
            assertThat(target).containsExactly(0, 13, 14, 15, 16, 0);
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void readsShortOnlyAtTheEnd(ByteSource source) throws Exception {
        try (source) {
            byte[] target = new byte[8];

            assertThat(source.read(7, target, 0, 8)).isEqualTo(3);
            assertThat(source.read(10, target, 0, 8)).isZero();
            assertThat(source.read(50, target, 0, 8)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void givesTheBytesThatExist(ByteSource source) throws Exception {
        try (source) {
            assertThat(source.bytes(0, 3)).containsExactly(10, 11, 12);
            assertThat(source.bytes(8, 16)).containsExactly(18, 19);
            assertThat(source.bytes(12, 4)).isEmpty();
        }
    }
}
