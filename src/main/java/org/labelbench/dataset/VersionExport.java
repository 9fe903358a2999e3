package org.labelbench.dataset;

/**
 * One export written from a version, as recorded for its lineage.
 *
 * @param id             its number in the project
 * @param version        the version exported
 * @param format         the format ({@code jsonl}, {@code csv}, {@code coco}...)
 * @param folder         the folder written, absolute
 * @param options        the export's options as a JSON object (names sorted)
 * @param manifestSha256 the version's manifest hash the export's {@code manifest.json} carries
 * @param filesSha256    the SHA-256 of the export's {@code files.sha256}
 * @param created        when, an ISO-8601 instant
 * @param createdBy      who exported
 */
public record VersionExport(long id, String version, String format, String folder, String options,
        String manifestSha256, String filesSha256, String created, String createdBy) {
}
