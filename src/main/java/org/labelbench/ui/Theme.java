package org.labelbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.labelbench.project.UserFolders;

/** Light or dark (AtlantaFX Primer), remembered between sessions. */
public final class Theme {
    private final Path file = UserFolders.data().resolve("theme.txt");
    private boolean dark;

    public Theme() {
        try {
            dark = Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals("dark");
        } catch (IOException e) {
            dark = false;
        }
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public boolean isDark() {
        return dark;
    }

    public void toggle() {
        dark = !dark;
        apply();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dark ? "dark" : "light", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the choice only lasts this session then
        }
    }
}
