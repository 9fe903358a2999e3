package org.labelbench.dataset.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** README.md of an export: counts, classes per split, lineage, guideline versions and the options used. */
final class DatasetCard {
    private DatasetCard() {
    }

    static void write(ExportFolder out, ExportedVersion version, ExportRequest request, FormatWriter writer,
            ExportPlan summary, long linkFallbacks) throws IOException {
        try (BufferedWriter md = out.newTextFile("README.md")) {
            md.write("# Dataset version " + version.name() + "\n\n");
            md.write("- Created: " + version.created() + "\n");
            md.write("- Manifest SHA-256: `" + version.manifestSha256() + "`\n");
            md.write(String.format(Locale.ROOT, "- Items: %d (%s)%n", summary.items(), summary.media().entrySet()
                    .stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))));
            md.write(String.format(Locale.ROOT, "- Labeled: %d; unlabeled: %d%n", summary.items()
                    - summary.unlabeled(), summary.unlabeled()));
            if (summary.leftOut() > 0) {
                md.write(String.format(Locale.ROOT, "- Left out by this format: %d (%s)%n", summary.leftOut(),
                        request.format() == ExportFormat.COCO ? "audio items" : "unlabeled items"));
            }
            md.write("- How labels were decided: " + summary.labelRules().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + "\n");
            md.write("- Guideline versions of the deciding labels: " + (summary.guidelineVersions().isEmpty()
                    ? "none recorded" : summary.guidelineVersions().stream().map(v -> "v" + v)
                            .collect(Collectors.joining(", "))) + "\n\n");

            md.write("## Splits and classes\n\n");
            TreeSet<String> labels = new TreeSet<>();
            summary.classesPerSplit().values().forEach(m -> labels.addAll(m.keySet()));
            md.write("| split | items |" + labels.stream().map(l -> " " + cell(l) + " |").collect(Collectors.joining())
                    + "\n");
            md.write("|---|---:|" + "---:|".repeat(labels.size()) + "\n");
            for (Map.Entry<String, SortedMap<String, Long>> split : summary.classesPerSplit().entrySet()) {
                long total = split.getValue().values().stream().mapToLong(Long::longValue).sum();
                md.write("| " + cell(split.getKey()) + " | " + total + " |" + labels.stream()
                        .map(l -> " " + split.getValue().getOrDefault(l, 0L) + " |").collect(Collectors.joining())
                        + "\n");
            }
            md.write("\n## Lineage\n\n");
            for (String line : version.lineage()) {
                md.write("- " + line + "\n");
            }
            if (version.lineage().isEmpty()) {
                md.write("- (none recorded)\n");
            }
            md.write("\n## Export\n\n");
            md.write("- Format: " + request.format().id() + ". " + writer.layout() + "\n");
            md.write("- Media: " + switch (request.media()) {
                case PATHS -> "paths only (absolute paths of the project's files; nothing copied)";
                case COPY -> "copied into this folder";
                case LINK -> linkFallbacks == 0 ? "hard-linked into this folder"
                        : "hard-linked into this folder; " + linkFallbacks
                                + " copied where the file system refused a link";
            } + "\n");
            md.write("- Annotators: " + (request.pseudonyms() != null
                    ? "pseudonymized (annotator-<first 10 hex of HMAC-SHA256 with the project's key>)"
                    : "names as stored") + "\n");
            md.write("- `manifest.json`: the version's manifest; `files.sha256`: every file here with its SHA-256"
                    + " (`sha256sum -c files.sha256` checks the export).\n");
        }
    }

    /** A Markdown table cell: pipes escaped, one line. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
