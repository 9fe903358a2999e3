package org.labelbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labelbench.analysis.TagService;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.Lineage;
import org.labelbench.dataset.VersionDiff;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.VersionSummary;
import org.labelbench.dataset.LeakageCheck;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.dataset.export.ExportService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;

/**
 * What the Datasets view reads and writes, over one open project. Every method runs on the
 * calling (background) thread.
 */
public final class DatasetsCatalog {
    private final ProjectStore store;
    private final SplitService splits = new SplitService();
    private final VersionService versions = new VersionService();
    private final ExportService exports = new ExportService();

    public DatasetsCatalog(ProjectStore store) {
        this.store = store;
    }

    /** The stored split and its report (quick: no media is read), and the attributes the form offers. */
    record Splits(Optional<SplitService.Stored> stored, List<String> attributes) {
    }

    Splits splits() {
        return new Splits(splits.stored(store), store.read(tx -> new ItemRepository().attributeNames(tx)));
    }

    SplitService.Outcome split(SplitRule rule, String author, JobContext context) {
        return splits.split(store, rule, author, context);
    }

    SplitService.Check check(JobContext context) {
        return splits.check(store, LeakageCheck.NEAR_THRESHOLD, context);
    }

    /** Freezes or thaws the split; answers how many items without a split freezing placed. */
    long freeze(boolean frozen) {
        return splits.freeze(store, frozen);
    }

    /** The versions, oldest first, and what a new one may hold: all, each split, each tag. */
    record Versions(List<DatasetVersion> versions, List<String> scopes) {
    }

    Versions versions() {
        List<String> scopes = new ArrayList<>(List.of(VersionScope.ALL.describe()));
        splits.rule(store).ifPresent(rule -> rule.names().forEach(name -> scopes.add("split:" + name)));
        new TagService().list(store).forEach(tag -> scopes.add("tag:" + tag.name()));
        return new Versions(versions.list(store), scopes);
    }

    /** One version's counts per split and class, and its lineage graph. */
    record Details(VersionSummary summary, Lineage lineage) {
    }

    Details details(String version) {
        return new Details(versions.summary(store, version), versions.lineage(store, version));
    }

    VersionDiff diff(String from, String to, int rows) {
        return versions.diff(store, from, to, rows);
    }

    /** Exports one version as the command line does, and records it in the version's lineage. */
    ExportService.Exported export(ExportService.Order order, JobContext context) throws IOException {
        return exports.export(store, order, context);
    }

    /** Where an export of {@code version} is suggested to go: exports/VERSION beside the project, or null. */
    Path suggestedExportFolder(String version) {
        Path folder = store.directory();
        return folder == null ? null : folder.toAbsolutePath().resolve("exports").resolve(version);
    }

    /** One keyset page of a diff's changes of {@code kind} after {@code afterKey} (null: from the first). */
    List<VersionDiff.Row> diffPage(String from, String to, VersionDiff.Kind kind, String afterKey, int rows) {
        return versions.diffPage(store, from, to, kind, afterKey, rows);
    }

    /** Makes a version in one transaction (labels decided as error analysis does: adjudicated, else majority). */
    VersionService.Created create(String name, String note, String scope, String author) {
        return versions.create(store, name, note, VersionScope.parse(scope), TruthSource.DEFAULT, author);
    }
}
