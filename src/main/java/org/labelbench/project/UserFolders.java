package org.labelbench.project;

import java.nio.file.Path;

/**
 * Where the app keeps per-user files (recent projects, sample copies): {@code -Dlabelbench.home}
 * if set (tests point it at a temporary folder), else the XDG data folder.
 */
public final class UserFolders {
    private UserFolders() {
    }

    public static Path data() {
        String override = System.getProperty("labelbench.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local",
                "share");
        return base.resolve("labelbench");
    }
}
