package org.labelbench.labeling;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;

/**
 * Label CSV files: {@code item,annotator,label[,guideline_version]}, the item named by its key.
 * In a multi-label project an annotator's answer on an item is the set of their rows for it
 * (export writes one row per class); in a single-label project two different labels for the
 * same item and annotator are refused.
 * An import is all or nothing: one unknown item or class, and the file changes nothing. A row
 * equal to the annotator's current label is counted as unchanged, so importing a file twice
 * adds nothing the second time.
 */
public final class LabelFileService {
    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotatorRepository annotators = new AnnotatorRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();

    /** What an import did. */
    public record LabelImportResult(long rows, long added, long unchanged, List<String> annotatorsCreated) {
    }

    private record LabelRow(int row, String item, String annotator, String label, Integer guidelineVersion) {
    }

    public LabelImportResult importFile(ProjectStore store, Path file) {
        List<LabelRow> rows = parse(file);
        return store.write(c -> {
            Map<String, LabelClass> classByName = classes.list(c).stream()
                    .collect(Collectors.toMap(LabelClass::name, lc -> lc));
            Map<String, Long> itemIds = items.idsByKey(c, rows.stream().map(LabelRow::item).distinct().toList());
            List<String> problems = new ArrayList<>();
            int latestGuideline = GuidelineService.currentVersion(c).orElse(0);
            for (LabelRow row : rows) {
                if (!itemIds.containsKey(row.item())) {
                    problems.add("row " + row.row() + ": unknown item '" + row.item() + "'");
                } else if (!classByName.containsKey(row.label())) {
                    problems.add("row " + row.row() + ": unknown class '" + row.label() + "'");
                } else if (classByName.get(row.label()).retired()) {
                    problems.add("row " + row.row() + ": class '" + row.label() + "' is retired");
                } else if (row.guidelineVersion() != null
                        && (row.guidelineVersion() < 1 || row.guidelineVersion() > latestGuideline)) {
                    problems.add("row " + row.row() + ": guideline version " + row.guidelineVersion()
                            + " does not exist (" + (latestGuideline == 0 ? "the project has no guideline yet"
                                    : "versions are 1 to " + latestGuideline) + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new BadInputException(file + ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                        + "; nothing imported");
            }
            Map<String, Annotator> annotatorByName = new HashMap<>();
            List<String> created = new ArrayList<>();
            Set<String> known = annotators.list(c).stream().map(Annotator::name).collect(Collectors.toSet());
            for (LabelRow row : rows) {
                if (!annotatorByName.containsKey(row.annotator())) {
                    if (!known.contains(row.annotator())) {
                        created.add(row.annotator());
                    }
                    annotatorByName.put(row.annotator(), annotators.findOrCreate(c, row.annotator(), "labeler"));
                }
            }
            boolean multiLabel = ProjectMeta.get(c, ProjectMeta.MULTI_LABEL).map(Boolean::parseBoolean).orElse(false);
            // One answer per (item, annotator): a class, or in a multi-label project the set of its rows.
            Map<String, List<LabelRow>> answers = new LinkedHashMap<>();
            for (LabelRow row : rows) {
                List<LabelRow> answer = answers.computeIfAbsent(row.item() + "\u0000" + row.annotator(),
                        k -> new ArrayList<>());
                if (!multiLabel && !answer.isEmpty() && !answer.get(0).label().equals(row.label())) {
                    throw new BadInputException(file + ": row " + row.row() + ": a second label for '" + row.item()
                            + "' by " + row.annotator() + " (row " + answer.get(0).row() + " says '"
                            + answer.get(0).label() + "') in a single-label project; nothing imported");
                }
                answer.add(row);
            }
            Map<String, Set<String>> current = currentLabels(c, itemIds);
            List<NewAnnotation> toAdd = new ArrayList<>();
            Instant now = Instant.now();
            long unchanged = 0;
            for (Map.Entry<String, List<LabelRow>> entry : answers.entrySet()) {
                List<LabelRow> answer = entry.getValue();
                LabelRow first = answer.get(0);
                Set<String> labels = new TreeSet<>();
                answer.forEach(r -> labels.add(r.label()));
                if (labels.equals(current.getOrDefault(entry.getKey(), Set.of()))) {
                    unchanged += answer.size();
                    continue;
                }
                long item = itemIds.get(first.item());
                long annotator = annotatorByName.get(first.annotator()).id();
                if (multiLabel) {
                    List<Long> classIds = labels.stream().map(l -> classByName.get(l).id()).toList();
                    toAdd.add(new NewAnnotation(item, annotator, "multi", null, null, first.guidelineVersion(), "import",
                            null, now, null, false, null, null, classIds, null));
                } else {
                    toAdd.add(NewAnnotation.classLabel(item, annotator, classByName.get(first.label()).id(),
                            first.guidelineVersion(), "import", now));
                }
            }
            if (multiLabel) {
                for (NewAnnotation annotation : toAdd) {
                    annotations.appendOne(c, annotation);
                }
            } else {
                annotations.append(c, toAdd); // batched: label files can hold millions of rows
            }
            return new LabelImportResult(rows.size(), toAdd.size(), unchanged, created);
        });
    }

    /** Current answers (a class, or a multi-label set) keyed by item key and annotator name, for the file's items. */
    private Map<String, Set<String>> currentLabels(Connection c, Map<String, Long> itemIds) throws SQLException {
        Map<Long, String> keyById = new HashMap<>();
        itemIds.forEach((key, id) -> keyById.put(id, key));
        Map<String, Set<String>> current = new HashMap<>();
        List<Long> ids = new ArrayList<>(itemIds.values());
        for (int from = 0; from < ids.size(); from += 500) {
            for (List<CurrentLabel> labels : annotations.currentLabels(c, ids.subList(from,
                    Math.min(ids.size(), from + 500))).values()) {
                for (CurrentLabel label : labels) {
                    current.computeIfAbsent(keyById.get(label.item()) + "\u0000" + label.annotator(),
                            k -> new TreeSet<>()).add(label.label());
                }
            }
        }
        return current;
    }

    private static List<LabelRow> parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        List<LabelRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String required : List.of("item", "annotator", "label")) {
                if (!header.contains(required)) {
                    throw new BadInputException(file + ": the header must have columns item,annotator,label"
                            + " (found: " + String.join(",", header) + ")");
                }
            }
            int itemColumn = header.indexOf("item");
            int annotatorColumn = header.indexOf("annotator");
            int labelColumn = header.indexOf("label");
            int versionColumn = header.indexOf("guideline_version");
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (record.size() < header.size()) {
                    throw new BadInputException(file + ": row " + row + ": has " + record.size() + " of "
                            + header.size() + " columns; nothing imported");
                }
                String item = record.get(itemColumn).strip();
                String annotator = record.get(annotatorColumn).strip();
                String label = record.get(labelColumn).strip();
                if (item.isEmpty() || annotator.isEmpty() || label.isEmpty()) {
                    throw new BadInputException(file + ": row " + row + ": item, annotator and label must not be"
                            + " empty; nothing imported");
                }
                Integer version = null;
                if (versionColumn >= 0 && !record.get(versionColumn).isBlank()) {
                    try {
                        version = Integer.parseInt(record.get(versionColumn).strip().replaceFirst("^v", ""));
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file + ": row " + row + ": guideline_version '"
                                + record.get(versionColumn) + "' is not a number; nothing imported", e);
                    }
                }
                rows.add(new LabelRow(row, item, annotator, label, version));
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text; nothing imported", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": malformed CSV: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; nothing imported", e);
        }
        return rows;
    }

    /** Writes every current class label; the file appears whole or not at all. */
    public long exportFile(ProjectStore store, Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new BadInputException(file + ": folder " + target.getParent() + " does not exist");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            long written = store.read(c -> {
                long[] count = {0};
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                                .setHeader("item", "annotator", "label", "guideline_version").build())) {
                    annotations.forEachCurrentLabel(c, label -> {
                        try {
                            printer.printRecord(label.item(), label.annotator(), label.label(),
                                    label.guidelineVersion() == null ? "" : label.guidelineVersion());
                            count[0]++;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return count[0];
            });
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(file + ": cannot be written: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do: the partial file is named as such
            }
        }
    }
}
