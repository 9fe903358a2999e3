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

    @Test
    void generateWritesAProjectTheCommandsOpenAndRefusesToOverwriteOne(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path project = dir.resolve("big/synthetic.lbproj");
        JsonNode made = json(CliRunner.run("bench", "generate", project.toString(), "--items", "3000"));
        assertThat(made.get("items").asInt()).isEqualTo(3000);
        assertThat(made.get("tags").asInt()).isEqualTo(50);

        JsonNode info = json(CliRunner.run("info", project.toString(), "--json"));
        assertThat(info.get("items").asInt()).isEqualTo(3000);
        assertThat(info.get("annotators").asInt()).isEqualTo(3);
        JsonNode analysis = json(CliRunner.run("analyze", project.toString(), "--run", made.get("run").asText(),
                "--json"));
        assertThat(analysis.get("rows")).hasSizeGreaterThan(50); // all data, then the 50 tags

        CliRunner.Result again = CliRunner.run("bench", "generate", project.toString(), "--items", "10");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("synthetic.lbproj exists");
        assertThat(json(CliRunner.run("info", project.toString(), "--json")).get("items").asInt()).isEqualTo(3000);
    }

    private static JsonNode json(CliRunner.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }
}
