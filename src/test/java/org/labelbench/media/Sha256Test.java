package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one SHA-256: FIPS 180-2's worked example, a file hashed as its bytes, a missing file an I/O failure. */
class Sha256Test {
    @TempDir
    Path dir;

    @Test
    void matchesTheStandardsExampleAndHashesAFileAsItsBytes() throws Exception {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertThat(Sha256.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path file = dir.resolve("abc.txt");
        Files.write(file, "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.of(file)).isEqualTo(Sha256.of("abc"));
    }

    @Test
    void aFileThatCannotBeReadIsAnIoFailureForTheCallerToWord() {
        Path missing = dir.resolve("gone.csv");
        assertThatThrownBy(() -> Sha256.of(missing)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
