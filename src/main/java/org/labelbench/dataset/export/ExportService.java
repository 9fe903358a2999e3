package org.labelbench.dataset.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.dataset.VersionService;
import org.labelbench.jobs.JobContext;
import org.labelbench.media.Sha256;
import org.labelbench.project.ProjectStore;

/**
 * One export of a stored version, as both faces run it: every refusal first, then the export,
 * then the record in the version's lineage. The command line and the Datasets page call this, so
 * an export made from either is the same bytes and the same lineage entry.
 */
public final class ExportService {
    private final VersionService versions = new VersionService();

    /**
     * What the user asked for.
     *
     * @param version      the stored version's name
     * @param format       the layout
     * @param media        paths only, copies or hard links
     * @param out          the export folder
     * @param force        whether a non-empty {@code out} is replaced once the new export succeeded
     * @param pseudonymize whether annotator names are written as the project's keyed pseudonyms
     * @param author       who exports, as the lineage records it
     */
    public record Order(String version, ExportFormat format, MediaMode media, Path out, boolean force,
            boolean pseudonymize, String author) {
    }

    /** What was written and recorded. */
    public record Exported(ExportResult result, String version, String manifestSha256, String filesSha256) {
    }

    /**
     * Refuses an unknown version, a layout of files without copies or links, a non-empty folder
     * without force, all before the one write a refused export could make (a new pseudonym key);
     * then exports and records it.
     */
    public Exported export(ProjectStore store, Order order, JobContext context) throws IOException {
        versions.version(store, order.version());
        Exporter.refuseBadRequest(order.format(), order.media(), order.out(), order.force());
        Pseudonyms pseudonyms = order.pseudonymize() ? PseudonymKey.of(store) : null;
        StoredVersion stored = new StoredVersion(versions, store, order.version(), pseudonyms);
        ExportRequest request = new ExportRequest(order.format(), order.media(), order.out(), order.force(),
                pseudonyms);
        ExportResult result = new Exporter().export(stored, request, context);
        String filesSha256 = Sha256.of(result.out().resolve("files.sha256"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("media", order.media().id());
        options.put("pseudonymize", order.pseudonymize());
        options.put("force", order.force());
        versions.recordExport(store, stored.name(), order.format().id(), result.out().toString(), options,
                stored.manifestSha256(), filesSha256, order.author());
        return new Exported(result, stored.name(), stored.manifestSha256(), filesSha256);
    }
}
