package org.labelbench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.labelbench.cli.LabelbenchCli;
import org.labelbench.cli.WorkbenchLauncher;
import org.labelbench.ui.WorkbenchApp;

/**
 * The jar's entry point. It does not extend {@code Application}, so JavaFX on the class path
 * starts cleanly from {@code java -jar}. No arguments: the workbench; a single {@code *.lbproj}
 * path: the workbench on that project (what a file manager passes on a double-click, see
 * installer/linux/labelbench.desktop); otherwise a command.
 */
public final class Main {
    private static final String PROJECT_SUFFIX = ".lbproj";

    private Main() {
    }

    public static void main(String[] args) {
        // DJL must never download at run time: the PyTorch natives come from the pinned jar.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length == 0) {
            WorkbenchApp.launchWorkbench(null);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = LabelbenchCli.execute(commandArguments(args), out, err, new WorkbenchLauncher() {
            @Override
            public void open(Path project) {
                WorkbenchApp.launchWorkbench(project);
            }

            @Override
            public int smokeTour(Path project, Path screenshots) {
                return WorkbenchApp.smokeTour(project, screenshots);
            }
        });
        System.exit(code);
    }

    /**
     * The command line to run: a bare project file ({@code labelbench survey.lbproj}) means
     * {@code open survey.lbproj}; anything else is passed on as it is.
     */
    static String[] commandArguments(String[] args) {
        if (args.length == 1 && !args[0].startsWith("-")
                && args[0].toLowerCase(Locale.ROOT).endsWith(PROJECT_SUFFIX)) {
            return new String[] {"open", args[0]};
        }
        return args;
    }
}
