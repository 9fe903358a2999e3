package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples in the repository are at the newest schema: read-only commands (info, version
 * list) refuse an older project rather than migrate it, so a sample one migration behind fails
 * a fresh clone's first command. A new migration must come with the samples migrated.
 */
class SampleProjectsSchemaTest {
    @ParameterizedTest
    @ValueSource(strings = {"sample-projects/fashion-mnist/fashion-mnist.lbproj",
        "sample-projects/spoken-commands/spoken-commands.lbproj"})
    void shippedSampleIsAtTheNewestSchema(String sample) throws Exception {
        Path file = Path.of(sample).toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro", null, null);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).as(sample + " (migrate it: open it once with the workbench or any writing"
                    + " command, then commit it without its backup)").isEqualTo(Migrations.builtIn().latestVersion());
        }
    }
}
