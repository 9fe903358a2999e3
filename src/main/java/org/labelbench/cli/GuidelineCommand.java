package org.labelbench.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbench.labeling.Guideline;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.GuidelineService.ExampleSpec;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "guideline", description = "Versioned labeling guidelines: publish a version, list, show, add examples.",
        subcommands = {GuidelineCommand.Add.class, GuidelineCommand.ListVersions.class, GuidelineCommand.Show.class,
            GuidelineCommand.Example.class})
final class GuidelineCommand {
    private GuidelineCommand() {
    }

    static String defaultAuthor() {
        return System.getProperty("user.name", "unknown");
    }

    static Map<String, Object> describe(Guideline g, boolean withText) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", g.version());
        facts.put("title", g.title());
        facts.put("created", g.created().toString());
        facts.put("author", g.author());
        facts.put("change", g.change());
        if (withText) {
            facts.put("markdown", g.markdown());
            facts.put("examples", g.examples().stream().map(GuidelineCommand::describe).toList());
        } else {
            facts.put("examples", g.examples().size());
        }
        return facts;
    }

    static Map<String, Object> describe(GuidelineExample e) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("item", e.itemKey());
        facts.put("label", e.label());
        facts.put("note", e.note());
        return facts;
    }

    @Command(name = "add", description = "Publish the next version from a Markdown file. Examples carry over from the"
            + " previous version unless --examples replaces them; pending examples are added.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--file", required = true, paramLabel = "F.md",
            description = "The guideline text, Markdown in UTF-8.")
        Path file;

        @Option(names = "--change", paramLabel = "TEXT", description = "What changed, in a line.")
        String change;

        @Option(names = "--author", paramLabel = "NAME",
            description = "Who publishes it (default: the operating-system user).")
        String author = defaultAuthor();

        @Option(names = "--examples", paramLabel = "F.csv", description = "Examples of this version: item,label,note.")
        Path examples;

        @Mixin
        JsonOption output;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String markdown = GuidelineService.readMarkdown(file);
            List<ExampleSpec> replace = examples == null ? null : readExamples(examples);
            try (ProjectStore store = ProjectStore.open(project)) {
                Guideline published = new GuidelineService().publish(store, markdown, author, change, replace);
                if (output.json) {
                    context.console().json(describe(published, false));
                } else {
                    context.console().line("Published guideline v" + published.version() + " \u201c"
                            + published.title() + "\u201d with " + published.examples().size() + " examples");
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    /** Reads item,label,note rows; the whole file is refused on the first malformed row. */
    static List<ExampleSpec> readExamples(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        List<ExampleSpec> specs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("item") || !header.contains("note")) {
                throw new BadInputException(file + ": the header must have columns item,label,note (found: "
                        + String.join(",", header) + ")");
            }
            int label = header.indexOf("label");
            for (CSVRecord record : parser) {
                if (record.size() < header.size()) {
                    throw new BadInputException(file + ": row " + (record.getRecordNumber() + 1) + ": has "
                            + record.size() + " of " + header.size() + " columns");
                }
                specs.add(new ExampleSpec(record.get(header.indexOf("item")), label < 0 ? null : record.get(label),
                        record.get(header.indexOf("note"))));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": malformed CSV: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        return specs;
    }

    @Command(name = "list", description = "Every version, oldest first (read-only).")
    static final class ListVersions implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Mixin
        JsonOption output;

        ListVersions(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                GuidelineService service = new GuidelineService();
                List<Guideline> versions = service.list(store);
                int pending = service.pendingExamples(store).size();
                if (output.json) {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("versions", versions.stream().map(g -> describe(g, false)).toList());
                    facts.put("pending_examples", pending);
                    context.console().json(facts);
                    return LabelbenchCli.EXIT_OK;
                }
                if (versions.isEmpty()) {
                    context.console().line("No guideline yet; publish v1 with: guideline add PROJECT --file v1.md");
                }
                for (Guideline g : versions) {
                    context.console().line(String.format(Locale.ROOT, "v%-3d %s  %-12s %s%s  (%d examples)", g.version(),
                            g.created().toString().substring(0, 10), g.author() == null ? "" : g.author(), g.title(),
                            g.change() == null ? "" : " \u2014 " + g.change(), g.examples().size()));
                }
                if (pending > 0) {
                    context.console().line(pending + " examples wait for the next version");
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "show", description = "Print a version's Markdown and examples (the newest by default).")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--version", paramLabel = "N",
            description = "The version to show (default: the current one).")
        Integer version;

        @Mixin
        JsonOption output;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                GuidelineService service = new GuidelineService();
                Guideline g = (version == null ? service.current(store) : service.version(store, version))
                        .orElseThrow(() -> new BadInputException(version == null ? "the project has no guideline yet"
                                : "no guideline version " + version));
                if (output.json) {
                    context.console().json(describe(g, true));
                    return LabelbenchCli.EXIT_OK;
                }
                context.console().line(g.markdown().stripTrailing());
                if (!g.examples().isEmpty()) {
                    context.console().line("");
                    context.console().line("Examples (v" + g.version() + "):");
                    for (GuidelineExample e : g.examples()) {
                        context.console().line("  " + e.itemKey() + "  " + (e.label() == null ? "-" : e.label()) + "  "
                                + e.note());
                    }
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "example", description = "Collect an example for the next version.")
    static final class Example implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--item", required = true, paramLabel = "KEY",
            description = "The item to show as an example.")
        String item;

        @Option(names = "--label", paramLabel = "CLASS",
            description = "The class it is an example of (none: an example of what to skip).")
        String label;

        @Option(names = "--note", required = true, paramLabel = "TEXT",
            description = "Why it is an example, in a line.")
        String note;

        @Option(names = "--author", paramLabel = "NAME",
            description = "Who collects it (default: the operating-system user).")
        String author = defaultAuthor();

        @Mixin
        JsonOption output;

        Example(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.open(project)) {
                GuidelineExample added = new GuidelineService().addPendingExample(store,
                        new ExampleSpec(item, label, note), author);
                if (output.json) {
                    context.console().json(describe(added));
                } else {
                    context.console().line("Added an example of '" + added.itemKey() + "' for the next guideline version");
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }
}
