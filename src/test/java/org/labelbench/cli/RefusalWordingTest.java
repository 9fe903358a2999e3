package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.assist.AudioInput;
import org.labelbench.ingest.ImportService;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.BadValueException;
import org.labelbench.project.SampleProjects;
import picocli.CommandLine;

/**
 * The core refuses a value without naming a face's option for it; the command line names its
 * option, the words it printed before the core stopped doing so.
 */
class RefusalWordingTest {
    /** A string literal that starts with an option: "--epochs ...". */
    private static final Pattern OPTION_LITERAL = Pattern.compile("\"--[a-z]");

    @Test
    void noCoreClassStartsAMessageWithAnOption() throws IOException {
        Path main = Path.of("src/main/java/org/labelbench");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = main.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("cli/") || relative.startsWith("bench/") || relative.startsWith("ui/")) {
                    continue; // the faces name their own options
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    Matcher m = OPTION_LITERAL.matcher(code);
                    if (m.find()) {
                        found.add(relative + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertThat(found).as("core messages that name a CLI option").isEmpty();
    }

    @Test
    void theCoreSaysWhatTheValueIs() {
        assertThatThrownBy(() -> new AudioInput(16_000, 0, 64))
                .isInstanceOf(BadValueException.class).hasMessage("clip seconds 0.0: expected more than 0 and at most 600")
                .extracting(e -> ((BadValueException) e).subject()).isEqualTo("clip seconds");
    }

    @Test
    void everySubjectTheCliMapsNamesOneOfItsOptions() {
        Set<String> options = new HashSet<>();
        collectOptions(LabelbenchCli.commandLine(context()), options);
        RefusalWording.options().forEach((subject, words) -> assertThat(options).as(subject)
                .contains(words.split(" ")[0]));
    }

    @Test
    void aCommandWithoutTheOptionKeepsTheCoreWords() {
        CommandLine root = LabelbenchCli.commandLine(context());
        BadValueException epochs = new BadValueException("epochs", "0", ": expected 1 to 10000");
        CommandLine train = root.getSubcommands().get("assist").getSubcommands().get("train");
        assertThat(RefusalWording.of(epochs, train)).isEqualTo("--epochs 0: expected 1 to 10000");
        assertThat(RefusalWording.of(epochs, root.getSubcommands().get("info"))).isEqualTo("epochs 0: expected 1 to 10000");
    }

    @Test
    void theCommandLinePrintsTheOptionNames(@TempDir Path dir) {
        String project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "p", "--classes", "a,b").exitCode()).isZero();
        CliRunner.Result ratios = CliRunner.run("split", project, "--ratios", "0.5,0.4", "--seed", "1");
        assertThat(ratios.exitCode()).isEqualTo(2);
        assertThat(ratios.err().strip()).isEqualTo("error: --ratios 0.5,0.4: the shares sum to 0.9, not 1 (or 100)");
        CliRunner.Result epochs = CliRunner.run("assist", "train", project, "--model", "m", "--epochs", "0");
        assertThat(epochs.exitCode()).isEqualTo(2);
        assertThat(epochs.err().strip()).isEqualTo("error: --epochs 0: expected 1 to 10000");
        CliRunner.Result name = CliRunner.run("assist", "train", project, "--model", "a/b");
        assertThat(name.err().strip()).startsWith("error: --model 'a/b': a model name is 1 to 80");
    }

    private static void collectOptions(CommandLine command, Set<String> into) {
        command.getCommandSpec().options().forEach(o -> into.addAll(List.of(o.names())));
        command.getSubcommands().values().forEach(sub -> collectOptions(sub, into));
    }

    private static CliContext context() {
        return new CliContext(new Console(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
                false), project -> { }, new ImportService(), new LabelFileService(),
                new SampleProjects(List.of(), Path.of("unused")));
    }
}
