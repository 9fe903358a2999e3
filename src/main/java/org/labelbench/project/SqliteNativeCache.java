package org.labelbench.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library in the user's cache folder, unpacked once per driver version,
 * and points the driver at it. Left to itself the driver writes the library to a fresh temporary
 * file at every start and deletes it at exit: a quarter of a second of every short command.
 * Where {@code org.sqlite.lib.path} is already set (the installed app ships the library
 * unpacked) or the cache cannot be written, the driver is left to do as it does.
 */
public final class SqliteNativeCache {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteNativeCache() {
    }

    /** Before the first connection of this process. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            cacheRoot().flatMap(SqliteNativeCache::unpackInto).ifPresent(library -> {
                System.setProperty(PATH_PROPERTY, library.getParent().toString());
                System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            });
        } catch (UncheckedIOException | SecurityException e) {
            // The driver's own temporary copy still works; only the start-up is slower.
        }
    }

    /**
     * The library for this platform under {@code root}, unpacked if it is not there yet (to a
     * temporary name first, then moved, so a second process never loads half a file); empty when
     * the driver carries none for this platform.
     */
    static Optional<Path> unpackInto(Path root) {
        String name = System.mapLibraryName("sqlitejdbc");
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        URL resource = SqliteNativeCache.class.getResource("/org/sqlite/native/" + folder + "/" + name);
        if (resource == null) {
            return Optional.empty();
        }
        Path library = root.resolve("sqlite-jdbc-" + driverVersion()).resolve(folder).resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(library.getParent());
                Path partial = Files.createTempFile(library.getParent(), name, ".partial");
                try (InputStream in = resource.openStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            return Optional.of(library);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "labelbench"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || "?".equals(home) ? Optional.empty()
                : Optional.of(Path.of(home, ".cache", "labelbench"));
    }

    /** From the driver's own properties file; a driver upgrade gets a folder of its own. */
    static String driverVersion() {
        Properties properties = new Properties();
        try (InputStream in = SqliteNativeCache.class.getResourceAsStream("/sqlite-jdbc.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
