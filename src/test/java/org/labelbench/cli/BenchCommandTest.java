package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench open} on a small project: where the project is, and what is kept. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void withDirTheProjectIsKeptThereAndReusedAndItsPathPrinted() throws Exception {
        Path work = dir.resolve("bench");
        JsonNode first = json(CliRunner.run("bench", "open", "--items", "2000", "--dir", work.toString()));

        Path project = Path.of(first.get("project").asText());
        assertThat(project.getParent()).isEqualTo(work.toAbsolutePath());
        assertThat(project).exists();
        assertThat(first.get("work_dir_kept").asBoolean()).isTrue();
        assertThat(first.get("jump_rows").asInt()).isEqualTo(100);
        assertThat(first.get("jump_to_middle_row").asLong()).isEqualTo(1001);

        JsonNode again = json(CliRunner.run("bench", "open", "--items", "2000", "--dir", work.toString()));
        assertThat(again.get("project").asText()).isEqualTo(project.toString());
        assertThat(again.get("build_seconds").asDouble()).as("reused, not built again")
                .isLessThan(first.get("build_seconds").asDouble());
    }

    @Test
    void withoutDirTheTemporaryFolderIsDeletedAtTheEnd() throws Exception {
        JsonNode figures = json(CliRunner.run("bench", "open", "--items", "500"));

        assertThat(figures.get("work_dir_kept").asBoolean()).isFalse();
        assertThat(Path.of(figures.get("work_dir").asText())).doesNotExist();
    }

    private static JsonNode json(CliRunner.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }
}
