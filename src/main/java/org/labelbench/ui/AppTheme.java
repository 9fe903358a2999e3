package org.labelbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light (AtlantaFX Primer Light, the default) or dark (Primer Dark). The choice is kept in a
 * one-word file in the user's data folder, so the next start looks the same.
 */
public final class AppTheme {
    /** The workbench's own rules (spacing, navigation, status bar), on top of the theme. */
    public static final String STYLESHEET = "/org/labelbench/ui/workbench.css";
    private static final String DARK = "dark";
    private static final String LIGHT = "light";

    private final Path file;
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public AppTheme(Path file) {
        this.file = file;
        dark.set(DARK.equals(read(file)));
        dark.addListener((observable, was, isDark) -> {
            apply();
            save();
        });
    }

    /** Sets the theme's user-agent stylesheet for every window of the app. */
    public void apply() {
        String stylesheet = dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(stylesheet);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public static String stylesheetUrl() {
        return AppTheme.class.getResource(STYLESHEET).toExternalForm();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dark.get() ? DARK : LIGHT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a preference that does not stick is not worth interrupting the user for
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : LIGHT;
        } catch (IOException e) {
            return LIGHT;
        }
    }
}
