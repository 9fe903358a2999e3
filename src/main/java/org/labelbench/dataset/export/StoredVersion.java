package org.labelbench.dataset.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.dataset.VersionManifest;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.VersionSummary;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.VersionAttributeNames;

/**
 * A version stored in a project, as an export reads it: entries streamed by {@link VersionService},
 * manifest.json by {@link VersionManifest}. Its lineage lines come from the version's own summary
 * (import batches, deciding annotators, model runs, parent), never from its later exports, so a
 * re-export writes the same card.
 */
public final class StoredVersion implements ExportedVersion {
    private final VersionService service;
    private final ProjectStore store;
    private final VersionSummary summary;
    private final Pseudonyms pseudonyms;

    /** {@code pseudonyms} renames annotators in the lineage lines too; null keeps names. */
    public StoredVersion(VersionService service, ProjectStore store, String name, Pseudonyms pseudonyms) {
        this.service = service;
        this.store = store;
        this.summary = service.summary(store, name);
        this.pseudonyms = pseudonyms;
    }

    public DatasetVersion header() {
        return summary.version();
    }

    @Override
    public String name() {
        return summary.version().name();
    }

    @Override
    public String created() {
        return summary.version().created();
    }

    @Override
    public String manifestSha256() {
        return summary.version().manifestSha256();
    }

    @Override
    public long items() {
        return summary.version().items();
    }

    @Override
    public SortedSet<String> attributeNames() {
        return store.read(tx -> new VersionAttributeNames().of(tx, name()));
    }

    @Override
    public Path mediaRoot() {
        return store.directory();
    }

    @Override
    public List<String> lineage() {
        DatasetVersion v = summary.version();
        List<String> lines = new ArrayList<>();
        lines.add("Parent version: " + (v.parent() == null ? "none" : v.parent()));
        lines.add("Items: " + v.itemsRule() + "; labels: " + v.truthRule());
        if (v.note() != null) {
            lines.add("Note: " + v.note().replace('\n', ' '));
        }
        for (VersionSummary.BatchShare batch : summary.importBatches()) {
            lines.add("Import batch " + batch.importBatch() + " (" + batch.source() + "): " + batch.items() + " items");
        }
        Map<String, Long> byAnnotator = new TreeMap<>();
        Map<String, TreeSet<String>> guidelines = new TreeMap<>();
        for (VersionSummary.AnnotatorShare share : summary.annotators()) {
            String name = pseudonyms == null ? share.annotator() : pseudonyms.of(share.annotator());
            byAnnotator.merge(name, share.items(), Long::sum);
            guidelines.computeIfAbsent(name, n -> new TreeSet<>())
                    .add(share.guidelineVersion() == null ? "none" : "v" + share.guidelineVersion());
        }
        byAnnotator.forEach((name, items) -> lines.add("Deciding labels by " + name + ": " + items + " items"
                + " (guideline " + String.join(", ", guidelines.get(name)) + ")"));
        summary.modelRuns().forEach((run, items) -> lines.add("Auto labels from run " + run + ": " + items + " items"));
        return lines;
    }

    @Override
    public void entries(Consumer<VersionEntry> consumer) {
        service.entries(store, name(), consumer);
    }

    @Override
    public void writeManifest(Path file) throws IOException {
        Path written = VersionManifest.writeJson(file.getParent(), summary);
        if (!written.equals(file)) {
            Files.move(written, file);
        }
    }
}
