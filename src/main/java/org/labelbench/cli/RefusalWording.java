package org.labelbench.cli;

import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import picocli.CommandLine;

/**
 * Puts the command line's option names into the core's refusals. The core says what a bad value
 * is ("epochs 0: expected 1 to 10000"); where the command that ran has the option that value
 * came through, the line names the option instead ("--epochs 0: expected 1 to 10000"). A
 * refusal about a value the command has no option for (one read back from a stored model, say)
 * keeps the core's words rather than naming an option the user cannot give.
 */
final class RefusalWording {
    /** A value's subject → the words the CLI says in its place; the first word is the option. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("architecture", "--architecture"),
            Map.entry("batch size", "--batch-size"),
            Map.entry("channels", "--channels"),
            Map.entry("clip seconds", "--clip-seconds"),
            Map.entry("device", "--device"),
            Map.entry("epochs", "--epochs"),
            Map.entry("folds", "--folds"),
            Map.entry("grouping", "--group-by"),
            Map.entry("input size", "--input-size"),
            Map.entry("items", "--items"),
            Map.entry("keep", "--keep"),
            Map.entry("learning rate", "--learning-rate"),
            Map.entry("mean and std", "--mean and --std"),
            Map.entry("media root", "--media-root"),
            Map.entry("model kind", "--model-kind"),
            Map.entry("model name", "--model"),
            Map.entry("near bits", "--near-bits"),
            Map.entry("patience", "--patience"),
            Map.entry("sample rate", "--sample-rate"),
            Map.entry("slicing", "--by"),
            Map.entry("split names", "--names"),
            Map.entry("split ratios", "--ratios"),
            Map.entry("std", "--std"),
            Map.entry("stratification", "--stratify"),
            Map.entry("tag rule", "--from-attr"),
            Map.entry("target accuracy", "--target"),
            Map.entry("threshold", "--threshold"),
            Map.entry("truth", "--truth"),
            Map.entry("version name", "--name"));

    private RefusalWording() {
    }

    /** The refusal's one line as {@code command} prints it. */
    static String of(BadInputException refusal, CommandLine command) {
        String message = refusal.getMessage() == null ? "bad input" : refusal.getMessage();
        if (refusal instanceof BadValueException bad) {
            String words = OPTIONS.get(bad.subject());
            if (words != null && command != null && command.getCommandSpec().findOption(words.split(" ")[0]) != null) {
                message = bad.namedAs(words);
            }
        }
        return message.replace('\n', ' ').strip();
    }

    /** Every subject the CLI names by an option; a test checks each is one of the CLI's options. */
    static Map<String, String> options() {
        return OPTIONS;
    }
}
