package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.SqlRows;

/**
 * A project file moved away while open: SQLite alone would go on writing into it, and the commits
 * still in the WAL left behind at the old path would be missing from the moved file after a crash.
 * The store refuses the next write, naming the file and the reason, and saves what it has beside
 * the old path.
 */
class ProjectMovedAwayTest {
    @TempDir
    Path dir;

    @Test
    void theNextWriteIsRefusedAndEverythingCommittedIsSavedBesideTheOldPath() throws Exception {
        Path file = dir.resolve("p.lbproj");
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("p", List.of("cat"), false))) {
            store.write(tx -> new AnnotatorRepository().findOrCreate(tx, "before", "labeler"));
            Files.move(file, dir.resolve("elsewhere.lbproj"));
            assertThatThrownBy(() -> store.write(tx -> new AnnotatorRepository().findOrCreate(tx, "after", "labeler")))
                    .isInstanceOf(ProjectUnwritableException.class)
                    .hasMessageStartingWith(file + ": the project file was deleted or moved while open")
                    .hasMessageContaining("saved to " + file + ".rescued-");
            assertThatThrownBy(() -> store.write(tx -> null)).as("and every write after it")
                    .isInstanceOf(ProjectUnwritableException.class);
            Path rescued = store.rescuedCopy().orElseThrow();
            try (ProjectStore copy = ProjectStore.open(rescued)) {
                assertThat(SqlRows.of(copy, "SELECT name FROM annotator ORDER BY name")).containsExactly(
                        List.of("before"));
            }
        }
        try (ProjectStore moved = ProjectStore.open(dir.resolve("elsewhere.lbproj"))) {
            assertThat(SqlRows.of(moved, "SELECT name FROM annotator")).containsExactly(List.of("before"));
        }
    }
}
