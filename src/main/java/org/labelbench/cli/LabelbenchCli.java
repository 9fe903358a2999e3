package org.labelbench.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import org.labelbench.ingest.ImportService;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.SampleProjects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's composition root: builds the services, hands them to every command through
 * a picocli factory, and maps outcomes to exit codes (0 done, 2 bad input with a one-line
 * reason on stderr, 1 an internal error).
 */
@Command(name = "labelbench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = LabelbenchCli.Version.class,
        description = "Labelbench: label, measure agreement and HLP, adjudicate, analyse a model's errors.%n"
                + "Without a command it opens the workbench.")
public final class LabelbenchCli {
    /** Every top-level command, in the order `--help` lists them. */
    static final List<Class<?>> COMMANDS = List.of(InitCommand.class, ImportCommand.class, InfoCommand.class,
            LabelsCommand.class, SchemaCommand.class, GuidelineCommand.class, QueueCommand.class,
            AgreementCommand.class, HlpCommand.class, TagCommand.class, PredictionsCommand.class,
            AnalyzeCommand.class, MetricsCommand.class, AuditCommand.class, CompareCommand.class,
            LabelErrorsCommand.class, AssistCommand.class, DisagreementsCommand.class, AdjudicateCommand.class,
            OpenCommand.class, SplitCommand.class, VersionCommand.class, ExportCommand.class,
            OpenSampleCommand.class, BenchCommand.class, BackupCommand.class, RestoreCommand.class);
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    private LabelbenchCli() {
    }

    /** Runs one command line; returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, WorkbenchLauncher launcher) {
        Console console = new Console(out, err, System.console() != null);
        CliContext context = new CliContext(console, launcher, new ImportService(), new LabelFileService(),
                SampleProjects.standard());
        CommandLine commandLine = commandLine(context, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            Throwable cause = e;
            if (cause instanceof BadInputException bad) {
                err.println("error: " + RefusalWording.of(bad, cmd));
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof JobCancelledException) {
                err.println("cancelled; nothing changed");
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println("internal error: " + cause);
            if (Boolean.getBoolean("labelbench.debug") || System.getenv("LABELBENCH_DEBUG") != null) {
                cause.printStackTrace(err);
            } else {
                err.println("(set LABELBENCH_DEBUG=1 for the stack trace)");
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every command, wired to {@code context}; the help texts are checked on it. */
    static CommandLine commandLine(CliContext context) {
        return withCommands(context, COMMANDS);
    }

    /**
     * The tree that can run {@code args}: only the command it names, when its first word names
     * one. Building picocli's model of all 25 commands, their options and converters was most of
     * a command's start-up (about 1,000 classes loaded before the project opened); a command line
     * that names none (help, a typo, options only) gets the whole tree, so help and suggestions
     * list everything.
     */
    static CommandLine commandLine(CliContext context, String[] args) {
        String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        boolean firstIsCommand = args.length > 0 && args[0].equals(first);
        if (firstIsCommand) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(first)) {
                    return withCommands(context, List.of(command));
                }
            }
        }
        return commandLine(context);
    }

    private static CommandLine withCommands(CliContext context, List<Class<?>> commands) {
        Factory factory = new Factory(context);
        CommandLine root = new CommandLine(new LabelbenchCli(), factory);
        for (Class<?> command : commands) {
            root.addSubcommand(new CommandLine(command, factory));
        }
        return root;
    }

    private static final class Factory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return fallback.create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.labelbench.project.AppVersion.current()};
        }
    }

    /** Shared by commands that print a map as JSON or as aligned "key: value" lines. */
    static void printFacts(Console console, boolean json, Map<String, ?> facts) {
        if (json) {
            console.json(facts);
            return;
        }
        int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0);
        facts.forEach((key, value) -> console.line(String.format("%-" + width + "s  %s", key,
                value instanceof Iterable<?> list ? String.join(", ", toStrings(list)) : value)));
    }

    private static Iterable<String> toStrings(Iterable<?> values) {
        java.util.List<String> strings = new java.util.ArrayList<>();
        values.forEach(v -> strings.add(String.valueOf(v)));
        return strings;
    }
}
