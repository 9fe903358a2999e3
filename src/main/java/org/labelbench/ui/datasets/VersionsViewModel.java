package org.labelbench.ui.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.Lineage;
import org.labelbench.dataset.VersionDiff;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.VersionSummary;
import org.labelbench.dataset.export.ExportFolderNotEmptyException;
import org.labelbench.dataset.export.ExportResult;
import org.labelbench.dataset.export.ExportService;
import org.labelbench.dataset.export.MediaMode;
import org.labelbench.project.BadInputException;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Versions half of the Datasets view: the versions (oldest first), the one selected with its
 * counts per split × class and its lineage, or the two selected with their diff, and Create
 * version (a job). Reads run on the reads thread, newest request wins.
 */
public final class VersionsViewModel {
    /** Diff rows per page of the paged diff table, and the pages it keeps. */
    static final int DIFF_PAGE = 200;
    private static final int DIFF_CACHED_PAGES = 8;
    /** The diff filter's choice for every kind at once. */
    public static final String ALL_CHANGES = "all changes";
    static final String NO_VERSIONS = "No versions yet: Create version… freezes the items, their labels and splits"
            + " as they are now";
    static final String PICK = "Select a version to see its counts and lineage; Ctrl+click (or Shift+↑/↓) a second"
            + " one to compare the two";

    /** What the right side shows: a hint, one version's details, or the diff of two. */
    public enum Shown { HINT, DETAILS, DIFF }

    private final DatasetsCatalog catalog;
    private final UiExecutors executors;
    private final ShownJob job;
    private final Supplier<String> author;
    private final BackgroundCall.Latest lists = new BackgroundCall.Latest();
    private final BackgroundCall.Latest picks = new BackgroundCall.Latest();

    private final ObservableList<DatasetVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<String> scopes = FXCollections.observableArrayList("all");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(Shown.HINT);
    private final ReadOnlyStringWrapper detailsTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<SplitClassRow> countRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lineage> lineage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper diffLine = new ReadOnlyStringWrapper("");
    private final PagedDiffList diffRows;
    private String diffKind = ALL_CHANGES;
    private final ReadOnlyObjectWrapper<VersionDiff> diff = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyStringWrapper exportable = new ReadOnlyStringWrapper();
    private List<String> selected = List.of();
    private BiConsumer<String, String> onRefused = (title, text) -> { };
    private Consumer<String> onOutcome = text -> { };
    private Consumer<String> onCreated = name -> { };

    VersionsViewModel(DatasetsCatalog catalog, UiExecutors executors, ShownJob job, Supplier<String> author) {
        this.catalog = catalog;
        this.executors = executors;
        this.job = job;
        this.author = author;
        this.diffRows = new PagedDiffList(executors.reads(), executors.fx(), DIFF_PAGE, DIFF_CACHED_PAGES);
    }

    /** Re-reads the versions and the scopes a new one may take; the selection is shown again. */
    public void reload() {
        BackgroundCall.of(catalog::versions).onSuccess(read -> {
            versions.setAll(read.versions());
            scopes.setAll(read.scopes());
            message.set(read.versions().isEmpty() ? NO_VERSIONS : "");
            List<String> names = read.versions().stream().map(DatasetVersion::name).toList();
            select(selected.stream().filter(names::contains).toList());
        }).onFailure(error -> message.set(FailureText.of(error))).unlessStale(lists.next()).runOn(executors);
    }

    /** The versions the user selected: one shows its details, two their diff (older first), else the hint. */
    public void select(List<String> names) {
        selected = List.copyOf(names);
        exportable.set(names.size() == 1 ? names.get(0) : null);
        if (names.size() == 1) {
            String name = names.get(0);
            BackgroundCall.of(() -> catalog.details(name)).onSuccess(details -> showDetails(name, details))
                    .onFailure(error -> message.set(FailureText.of(error))).unlessStale(picks.next()).runOn(executors);
        } else if (names.size() == 2) {
            List<String> names2 = olderFirst(names);
            BackgroundCall.of(() -> catalog.diff(names2.get(0), names2.get(1), 0)).onSuccess(this::showDiff)
                    .onFailure(error -> message.set(FailureText.of(error))).unlessStale(picks.next()).runOn(executors);
        } else {
            picks.next();
            shown.set(Shown.HINT);
            detailsTitle.set(versions.isEmpty() ? "" : PICK);
        }
    }

    private List<String> olderFirst(List<String> names) {
        List<String> order = versions.stream().map(DatasetVersion::name).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(java.util.Comparator.comparingInt(order::indexOf));
        return sorted;
    }

    private void showDetails(String name, DatasetsCatalog.Details details) {
        VersionSummary summary = details.summary();
        DatasetVersion version = summary.version();
        detailsTitle.set(String.format(Locale.ROOT, "Version %s · %,d items · %s · labels: %s%s", name,
                version.items(), version.itemsRule(), version.truthRule(),
                version.note() == null ? "" : " · “" + version.note() + "”"));
        List<String> classNames = new ArrayList<>(summary.classCounts().keySet());
        Map<String, Map<String, Long>> bySplit = summary.classCountsBySplit();
        List<SplitClassRow> rows = new ArrayList<>();
        bySplit.forEach((split, counts) -> rows.add(new SplitClassRow(split, classNames.stream()
                .map(c -> counts.getOrDefault(c, 0L)).toList(), counts.values().stream().mapToLong(Long::longValue)
                .sum())));
        rows.add(new SplitClassRow("all", classNames.stream().map(c -> summary.classCounts().get(c)).toList(),
                version.items()));
        classes.setAll(classNames);
        countRows.setAll(rows);
        lineage.set(details.lineage());
        diff.set(null);
        message.set("");
        shown.set(Shown.DETAILS);
    }

    private void showDiff(VersionDiff read) {
        String line = String.format(Locale.ROOT, "%s → %s: %,d added · %,d removed · %,d relabeled · %,d moved"
                + " between splits", read.from(), read.to(), read.added().count(), read.removed().count(),
                read.relabeled().count(), read.moved().count());
        diffLine.set(read.isEmpty() ? read.from() + " → " + read.to() + ": the same items, labels and splits" : line);
        detailsTitle.set("Compare " + read.from() + " → " + read.to());
        diff.set(read);
        showDiffRows();
        message.set("");
        shown.set(Shown.DIFF);
    }

    /** Lists one kind of change ({@code relabeled}, {@code moved}, {@code added}, {@code removed}) or all of them. */
    public void showDiffKind(String kind) {
        diffKind = kind == null ? ALL_CHANGES : kind;
        showDiffRows();
    }

    /** The diff table reads its rows a page at a time, as they scroll into view: any size scrolls. */
    private void showDiffRows() {
        VersionDiff read = diff.get();
        if (read == null) {
            return;
        }
        List<VersionDiff.Kind> kinds = java.util.Arrays.stream(VersionDiff.Kind.values())
                .filter(kind -> ALL_CHANGES.equals(diffKind) || kind.id().equals(diffKind)).toList();
        String from = read.from();
        String to = read.to();
        diffRows.show(new DiffPages((kind, afterKey, rows) -> catalog.diffPage(from, to, kind, afterKey, rows), read,
                kinds));
    }

    /** Creates a version as the page's job; a refusal (a taken name, an empty scope) goes to a dialog. */
    public void create(String name, String note, String scope) {
        if (job.runningProperty().get()) {
            return;
        }
        String who = author.get();
        job.start("Creating version " + name.strip(), context -> {
            context.checkCancelled();
            return catalog.create(name, note, scope, who);
        }, new ShownJob.Outcome<VersionService.Created>() {
            @Override
            public void succeeded(VersionService.Created created) {
                DatasetVersion version = created.version();
                onOutcome.accept(String.format(Locale.ROOT, "Created version %s: %,d items (%,d unlabeled), manifest"
                        + " %s%s", version.name(), version.items(), created.unlabeled(),
                        version.manifestSha256().substring(0, 12), version.parent() == null ? ""
                                : ", parent " + version.parent()));
                selected = List.of(version.name());
                onCreated.accept(version.name());
                reload();
            }

            @Override
            public void cancelled() {
                onOutcome.accept("Create version cancelled: nothing was stored");
            }

            @Override
            public void failed(Throwable error) {
                onRefused.accept(error instanceof BadInputException ? "Version refused" : "Create version failed",
                        FailureText.of(error));
            }
        });
    }

    /** Where an export of {@code version} is suggested to go (beside the project), or null. */
    public java.nio.file.Path suggestedExportFolder(String version) {
        return catalog.suggestedExportFolder(version);
    }

    /**
     * Exports {@code version} as the page's job, as {@code export} on the command line does; a
     * refusal (a non-empty folder without Replace, a layout of files with paths only) goes to a
     * dialog and writes nothing. Done, the outcome line names the folder and the counts and the
     * lineage, read again, shows the export.
     */
    public void export(String version, ExportDialog.Request request) {
        if (job.runningProperty().get()) {
            return;
        }
        ExportService.Order order = new ExportService.Order(version, request.format(), request.media(), request.out(),
                request.force(), request.pseudonymize(), author.get());
        job.start("Exporting " + version + " as " + request.format().id(), context -> catalog.export(order, context),
                new ShownJob.Outcome<ExportService.Exported>() {
                    @Override
                    public void succeeded(ExportService.Exported exported) {
                        onOutcome.accept(outcomeLine(exported, request.media()));
                        select(selected);
                    }

                    @Override
                    public void cancelled() {
                        onOutcome.accept("Export cancelled: nothing was written");
                    }

                    @Override
                    public void failed(Throwable error) {
                        if (error instanceof ExportFolderNotEmptyException notEmpty) {
                            // The command line's words name --force; here it is the dialog's checkbox.
                            onRefused.accept("Export refused", notEmpty.folder() + " is not empty: choose another"
                                    + " folder, or tick \u201c" + ExportDialog.REPLACE + "\u201d");
                            return;
                        }
                        onRefused.accept(error instanceof BadInputException ? "Export refused" : "Export failed",
                                FailureText.of(error));
                    }
                });
    }

    static String outcomeLine(ExportService.Exported exported, MediaMode media) {
        ExportResult result = exported.result();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Exported %s into %s: %,d of %,d items",
                exported.version(), result.out(), result.written(), result.items()));
        if (result.leftOut() > 0) {
            line.append(String.format(Locale.ROOT, " (%,d left out by the format)", result.leftOut()));
        }
        if (result.mediaFiles() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d media files %s", result.mediaFiles(),
                    media == MediaMode.LINK ? "hard-linked" : "copied"));
            if (result.linkFallbacks() > 0) {
                line.append(String.format(Locale.ROOT, " (%,d copied: the file system refused a link)",
                        result.linkFallbacks()));
            }
        }
        return line.append(result.replaced() ? "; the folder's earlier contents were replaced" : "").toString();
    }

    public void dispose() {
        lists.dropAll();
        picks.dropAll();
    }

    void setOnRefused(BiConsumer<String, String> action) {
        this.onRefused = action;
    }

    void setOnOutcome(Consumer<String> action) {
        this.onOutcome = action;
    }

    /** Called with a new version's name once it is stored (the view selects it). */
    public void setOnCreated(Consumer<String> action) {
        this.onCreated = action;
    }

    /** The one selected version, which Export… exports; null unless exactly one is selected. */
    public ReadOnlyStringProperty exportableProperty() {
        return exportable.getReadOnlyProperty();
    }

    public ObservableList<DatasetVersion> versions() {
        return versions;
    }

    public ObservableList<String> scopes() {
        return scopes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsTitleProperty() {
        return detailsTitle.getReadOnlyProperty();
    }

    public ObservableList<String> classes() {
        return classes;
    }

    public ObservableList<SplitClassRow> countRows() {
        return countRows;
    }

    public ReadOnlyObjectProperty<Lineage> lineageProperty() {
        return lineage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffLineProperty() {
        return diffLine.getReadOnlyProperty();
    }

    public PagedDiffList diffRows() {
        return diffRows;
    }

    public ReadOnlyObjectProperty<VersionDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }
}
