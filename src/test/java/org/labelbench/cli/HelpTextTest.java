package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbench.ingest.ImportService;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.SampleProjects;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every --help reads as sentences: a command's first description line (the one the command list
 * shows alone) is a whole sentence, and every option says what it is for, ending its sentence; and
 * no command description holds a bare % (picocli formats them, and would print a warning and
 * the raw text instead; option descriptions it prints as written).
 */
class HelpTextTest {
    @Test
    void everyCommandAndOptionDescriptionIsComplete() {
        CliContext context = new CliContext(new Console(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), false), project -> { }, new ImportService(),
                new LabelFileService(), new SampleProjects(List.of(), java.nio.file.Path.of("unused")));
        List<String> incomplete = new ArrayList<>();
        check(LabelbenchCli.commandLine(context), incomplete);
        assertThat(incomplete).isEmpty();
    }

    @Test
    void helpWorksOnEveryCommandWithoutItsArguments() {
        for (String[] command : List.of(new String[] {"adjudicate"}, new String[] {"labels", "export"},
                new String[] {"queue", "create"}, new String[] {"guideline", "add"})) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--help")).toArray(String[]::new);
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
            assertThat(result.out()).startsWith("Usage: labelbench " + String.join(" ", command));
            assertThat(result.err()).isEmpty();
        }
    }

    private static void check(CommandLine command, List<String> incomplete) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName(" ");
        String[] description = spec.usageMessage().description();
        if (description.length == 0 || !endsASentence(description[0])) {
            incomplete.add(name + ": first line \"" + (description.length == 0 ? "" : description[0]) + "\"");
        }
        for (String line : description) {
            if (!formatsCleanly(line)) {
                incomplete.add(name + ": a bare % (picocli formats descriptions; write %%) in \"" + line + "\"");
            }
        }
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String text = String.join(" ", option.description()).strip();

            if (!endsASentence(text)) {
                incomplete.add(name + " " + option.longestName() + ": \"" + text + "\"");
            }
        }
        command.getSubcommands().values().forEach(sub -> check(sub, incomplete));
    }

    /** Picocli passes descriptions through String.format: "10 % holdout" prints a warning and the raw text. */
    private static boolean formatsCleanly(String text) {
        return !text.replace("%%", "").replace("%n", "").contains("%");
    }

    private static boolean endsASentence(String text) {
        String t = text.strip();
        return !t.isEmpty() && (t.endsWith(".") || t.endsWith(")") && t.contains(".") || t.endsWith("?"));
    }
}
