package org.labelbench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.labelbench.cli.LabelbenchCli;
import org.labelbench.cli.WorkbenchLauncher;
import org.labelbench.ui.WorkbenchApp;

/**
 * The jar's entry point. It does not extend {@code Application}, so JavaFX on the class path
 * starts cleanly from {@code java -jar}. No arguments: the workbench; otherwise a command.
 */
public final class Main {
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
        int code = LabelbenchCli.execute(args, out, err, new WorkbenchLauncher() {
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
}
