package org.labelbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectBackups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", description = {"Copy a project through SQLite's online backup API (safe while the workbench has"
    + " it open).", "Without --to: a rolling backup in PROJECT.backups/ beside it, keeping the newest --keep.",
    "With --if-older-than: only when the newest rolling backup is older than that (run it from a timer: cron, a"
    + " systemd timer, the Task Scheduler)."})
final class BackupCommand implements Callable<Integer> {
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)([mhd])");

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--to", paramLabel = "FILE", description = "Write this one file instead (never overwritten).")
    Path to;

    @Option(names = "--keep", defaultValue = "" + ProjectBackups.DEFAULT_KEEP, paramLabel = "K",
            description = "Rolling backups to keep (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--if-older-than", paramLabel = "30m|6h|1d", description = "Back up only when the newest rolling"
            + " backup is older than this.")
    String ifOlderThan;

    @Mixin
    JsonOption output;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProjectBackups backups = new ProjectBackups();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (ifOlderThan != null) {
            if (to != null) {
                throw new BadInputException("--if-older-than is for rolling backups; it does not go with --to");
            }
            ProjectBackups.Scheduled scheduled = backups.backupIfOlderThan(project, interval(ifOlderThan), keep);
            facts.put("backed_up", scheduled.made().isPresent());
            scheduled.made().ifPresent(b -> describe(b, facts));
            if (scheduled.made().isEmpty()) {
                facts.put("newest", scheduled.newest().map(Path::toString).orElse(""));
            }
        } else {
            facts.put("backed_up", true);
            describe(backups.backup(project, to, keep), facts);
        }
        LabelbenchCli.printFacts(context.console(), output.json, facts);
        return LabelbenchCli.EXIT_OK;
    }

    private static void describe(ProjectBackups.Backup backup, Map<String, Object> facts) {
        facts.put("file", backup.file().toString());
        facts.put("bytes", backup.bytes());
        facts.put("seconds", Math.round(backup.seconds() * 1000) / 1000.0);
        facts.put("pruned", backup.pruned().stream().map(Path::toString).toList());
    }

    static Duration interval(String text) {
        Matcher m = INTERVAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new BadInputException("--if-older-than '" + text + "': expected minutes, hours or days such as 30m,"
                    + " 6h, 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
