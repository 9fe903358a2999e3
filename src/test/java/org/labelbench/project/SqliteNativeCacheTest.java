package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/** The driver's native library, unpacked once into a versioned cache folder and reused. */
class SqliteNativeCacheTest {
    @TempDir
    Path cache;

    @Test
    void unpacksTheDriversOwnLibraryOnceAndReusesIt() throws Exception {
        Optional<Path> first = SqliteNativeCache.unpackInto(cache);
        assertThat(first).isPresent(); // this build's platforms all have one in the driver's jar
        Path library = first.get();
        assertThat(library).startsWith(cache.resolve("sqlite-jdbc-" + SqliteNativeCache.driverVersion()));
        assertThat(SqliteNativeCache.driverVersion()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = SqliteNativeCache.class.getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(library)).isEqualTo(in.readAllBytes());
        }

        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(library, old);
        assertThat(SqliteNativeCache.unpackInto(cache)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(old); // not written again
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library); // no partial file left beside it
        }
    }
}
