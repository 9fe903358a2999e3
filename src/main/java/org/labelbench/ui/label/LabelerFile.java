package org.labelbench.ui.label;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.labelbench.project.BadInputException;
import org.labelbench.project.UserFolders;

/**
 * Remembers who labels on this machine ({@code labeler.properties} in the user's data folder),
 * so the next session starts as the same person without asking.
 */
public final class LabelerFile {
    private final Path file;

    public LabelerFile(Path file) {
        this.file = file;
    }

    /** The file in the user's data folder ({@code -Dlabelbench.home} in tests). */
    public static LabelerFile standard() {
        return new LabelerFile(UserFolders.data().resolve("labeler.properties"));
    }

    /** The remembered labeler; empty the first time, or when the file is unreadable. */
    public Optional<Labeler> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Labeler(properties.getProperty("name"), properties.getProperty("role")));
        } catch (IOException | BadInputException | IllegalArgumentException e) {
            return Optional.empty(); // asked again: a damaged preference is not worth an error
        }
    }

    /** Writes {@code labeler} (to a temporary file moved into place). A failure is ignored: it is a preference. */
    public void save(Labeler labeler) {
        Properties properties = new Properties();
        properties.setProperty("name", labeler.name());
        properties.setProperty("role", labeler.role());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Labelbench: who labels on this machine");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // asked again next time
        }
    }
}
