package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schema", description = "Show or change the label schema: classes, hotkeys, colours, options.",
        subcommands = {SchemaCommand.Show.class, SchemaCommand.AddClass.class, SchemaCommand.RetireClass.class,
            SchemaCommand.RestoreClass.class, SchemaCommand.RemoveClass.class, SchemaCommand.SetHotkey.class,
            SchemaCommand.SetColor.class, SchemaCommand.Options.class})
final class SchemaCommand {
    private SchemaCommand() {
    }

    static Map<String, Object> describe(LabelSchema schema) {
        List<Map<String, Object>> classes = new ArrayList<>();
        for (LabelClass c : schema.classes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("hotkey", c.hotkey());
            row.put("color", c.color());
            row.put("order", c.order());
            row.put("retired", c.retired());
            classes.add(row);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("multi_label", schema.multiLabel());
        facts.put("transcript", schema.transcript());
        facts.put("classes", classes);
        return facts;
    }

    /** Runs one change on a writable project, then prints the schema as {@code show} would. */
    abstract static class Change implements Callable<Integer> {
        final CliContext context;
        final LabelSchemaService schemas = new LabelSchemaService();

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Mixin
        JsonOption output;

        Change(CliContext context) {
            this.context = context;
        }

        abstract String apply(ProjectStore store);

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.open(project)) {
                String done = apply(store);
                if (output.json) {
                    context.console().json(describe(schemas.schema(store)));
                } else {
                    context.console().line(done);
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    /** A change to one class, named after the project. */
    abstract static class ClassChange extends Change {
        @Parameters(index = "1", paramLabel = "NAME", description = "The class.")
        String name;

        ClassChange(CliContext context) {
            super(context);
        }
    }

    @Command(name = "show", description = "List the classes in order with hotkeys and colours (read-only).")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Mixin
        JsonOption output;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                LabelSchema schema = new LabelSchemaService().schema(store);
                if (output.json) {
                    context.console().json(describe(schema));
                    return LabelbenchCli.EXIT_OK;
                }
                context.console().line((schema.multiLabel() ? "multi-label" : "single-label")
                        + (schema.transcript() ? ", with transcripts" : ""));
                for (LabelClass c : schema.classes()) {
                    context.console().line(String.format(Locale.ROOT, "  %-2s %-24s %s%s",
                            c.hotkey() == null ? "-" : c.hotkey(), c.name(), c.color(), c.retired() ? "  (retired)" : ""));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "add-class", description = "Add a class at the end; the next free hotkey and colour unless given.")
    static final class AddClass extends ClassChange {
        @Option(names = "--hotkey", paramLabel = "KEY", description = "One digit or letter.")
        String hotkey;

        @Option(names = "--color", paramLabel = "#RRGGBB",
            description = "The class colour (default: the next of the palette).")
        String color;

        AddClass(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            LabelClass added = schemas.addClass(store, name, hotkey, color);
            return "Added class '" + added.name() + "' (hotkey " + (added.hotkey() == null ? "none" : added.hotkey())
                    + ", " + added.color() + ")";
        }
    }

    @Command(name = "retire-class", description = "Stop offering a class; its labels stay. Its hotkey is freed.")
    static final class RetireClass extends ClassChange {
        RetireClass(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            schemas.retireClass(store, name);
            return "Retired class '" + name + "'";
        }
    }

    @Command(name = "restore-class", description = "Offer a retired class again, with the next free hotkey.")
    static final class RestoreClass extends ClassChange {
        RestoreClass(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            schemas.restoreClass(store, name);
            return "Restored class '" + name + "'";
        }
    }

    @Command(name = "remove-class", description = "Delete a class that no label or example uses.")
    static final class RemoveClass extends ClassChange {
        RemoveClass(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            schemas.removeClass(store, name);
            return "Removed class '" + name + "'";
        }
    }

    @Command(name = "set-hotkey", description = "Give a class another hotkey (or 'none').")
    static final class SetHotkey extends ClassChange {
        @Parameters(index = "2", paramLabel = "KEY")
        String key;

        SetHotkey(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            schemas.setHotkey(store, name, "none".equalsIgnoreCase(key) ? null : key);
            return "Class '" + name + "' now has hotkey " + key;
        }
    }

    @Command(name = "set-color", description = "Give a class another colour.")
    static final class SetColor extends ClassChange {
        @Parameters(index = "2", paramLabel = "#RRGGBB")
        String color;

        SetColor(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            schemas.setColor(store, name, color);
            return "Class '" + name + "' is now " + color;
        }
    }

    @Command(name = "options", description = "Switch multi-label (only before any label) or the audio transcript field.")
    static final class Options extends Change {
        @Option(names = "--multi-label", paramLabel = "on|off",
            description = "Whether an item may have several classes (locked once labeling has begun).")
        String multiLabel;

        @Option(names = "--transcript", paramLabel = "on|off",
            description = "Whether audio items take a free-text transcript with their class.")
        String transcript;

        Options(CliContext context) {
            super(context);
        }

        @Override
        String apply(ProjectStore store) {
            // Both values are checked before either is applied: bad input changes nothing.
            Boolean multi = multiLabel == null ? null : onOff("--multi-label", multiLabel);
            Boolean text = transcript == null ? null : onOff("--transcript", transcript);
            List<String> changed = new ArrayList<>();
            if (multi != null) {
                schemas.setMultiLabel(store, multi);
                changed.add("multi-label " + (multi ? "on" : "off"));
            }
            if (text != null) {
                schemas.setTranscript(store, text);
                changed.add("transcript " + (text ? "on" : "off"));
            }
            return changed.isEmpty() ? "Nothing to change" : "Set " + String.join(", ", changed);
        }

        private static boolean onOff(String option, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new BadInputException(option + " takes on or off, not '" + value + "'");
            };
        }
    }
}
