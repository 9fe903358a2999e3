package org.labelbench.labeling;

import org.labelbench.project.Transaction;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotationRepository.AnswerRow;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;

/**
 * Label CSV files, the item named by its key: export writes {@link #COLUMNS}, every current answer
 * with all it records (docs/labeling.md describes each column); import needs only
 * {@code item,annotator,label} and takes any of the other columns. A skip is a row with no label
 * and a {@code skip_reason}; in a multi-label project an answer is the set of its rows (export
 * writes one row per class, the other columns repeated) and a row with neither is "none apply".
 * In a single-label project two different answers for the same item and annotator are refused.
 * Text cells are neutralised against spreadsheet formulas ({@link CsvCells}) and restored on import.
 * An import is all or nothing: one unknown item or class, and the file changes nothing. An answer
 * equal to the annotator's current one (in every column the file has) is counted as unchanged, so
 * importing a file twice adds nothing the second time.
 */
public final class LabelFileService {
    /** The columns export writes, in this order. */
    public static final List<String> COLUMNS = List.of("item", "annotator", "label", "guideline_version",
            "transcript", "note", "unsure", "skip_reason", "origin", "started_at", "submitted_at", "seconds",
            "prediction_run");
    /** The origins the annotation table allows (V001); a file's {@code origin} is one of them. */
    private static final List<String> ORIGINS = List.of("human", "import", "accepted-suggestion", "auto",
            "adjudicated");
    /** Items whose current answers are read per query on import (SQLite's parameter limit is far above). */
    private static final int ITEMS_PER_QUERY = 500;

    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotatorRepository annotators = new AnnotatorRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final PredictionRepository predictions = new PredictionRepository();

    /** What an import did. */
    public record LabelImportResult(long rows, long added, long unchanged, List<String> annotatorsCreated) {
    }

    /**
     * Everything about an answer besides its classes; the rows of one answer must agree on it.
     * {@code origin} and {@code submitted} null: not given (import records "import" and now).
     */
    private record Facts(String skipReason, Integer guidelineVersion, String transcript, String note, boolean unsure,
            String origin, Instant started, Instant submitted, Long durationMs, String predictionRun) {
    }

    /** A row of the file; {@code label} null: a skip, or "none apply" in a multi-label project. */
    private record LabelRow(int row, String item, String annotator, String label, Facts facts) {
    }

    private record LabelFile(List<LabelRow> rows, Set<String> columns) {
    }

    /** An annotator's current answer: the kind, its classes (none for a skip) and the facts of its first row. */
    private record CurrentAnswer(String kind, Set<String> labels, AnswerRow first) {
    }

    public LabelImportResult importFile(ProjectStore store, Path file) {
        LabelFile labelFile = parse(file);
        List<LabelRow> rows = labelFile.rows();
        return store.write(tx -> {
            Map<String, LabelClass> classByName = classes.list(tx).stream()
                    .collect(Collectors.toMap(LabelClass::name, lc -> lc));
            Map<String, Long> itemIds = items.idsByKey(tx, rows.stream().map(LabelRow::item).distinct().toList());
            boolean multiLabel = ProjectMeta.isMultiLabel(tx);
            List<String> problems = new ArrayList<>();
            int latestGuideline = GuidelineService.currentVersion(tx).orElse(0);
            Map<String, Long> runIds = new HashMap<>();
            for (LabelRow row : rows) {
                String run = row.facts().predictionRun();
                if (run != null && !runIds.containsKey(run)) {
                    predictions.findRun(tx, run).ifPresent(found -> runIds.put(run, found.id()));
                }
            }
            for (LabelRow row : rows) {
                Integer version = row.facts().guidelineVersion();
                String run = row.facts().predictionRun();
                if (!itemIds.containsKey(row.item())) {
                    problems.add("row " + row.row() + ": unknown item '" + row.item() + "'");
                } else if (row.label() != null && !classByName.containsKey(row.label())) {
                    problems.add("row " + row.row() + ": unknown class '" + row.label() + "'");
                } else if (row.label() != null && classByName.get(row.label()).retired()) {
                    problems.add("row " + row.row() + ": class '" + row.label() + "' is retired");
                } else if (row.label() == null && row.facts().skipReason() == null && !multiLabel) {
                    problems.add("row " + row.row() + ": no label and no skip_reason (a skip needs its reason)");
                } else if (run != null && !runIds.containsKey(run)) {
                    problems.add("row " + row.row() + ": unknown prediction run '" + run + "'");
                } else if (version != null && (version < 1 || version > latestGuideline)) {
                    problems.add("row " + row.row() + ": guideline version " + version
                            + " does not exist (" + (latestGuideline == 0 ? "the project has no guideline yet"
                                    : "versions are 1 to " + latestGuideline) + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new BadInputException(file + ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                        + "; nothing imported");
            }
            Map<String, List<LabelRow>> answers = answers(file, rows, multiLabel);
            Map<String, Annotator> annotatorByName = new HashMap<>();
            List<String> created = new ArrayList<>();
            Set<String> known = annotators.list(tx).stream().map(Annotator::name).collect(Collectors.toSet());
            for (LabelRow row : rows) {
                if (!annotatorByName.containsKey(row.annotator())) {
                    if (!known.contains(row.annotator())) {
                        created.add(row.annotator());
                    }
                    annotatorByName.put(row.annotator(), annotators.findOrCreate(tx, row.annotator(), "labeler"));
                }
            }
            Map<String, CurrentAnswer> current = currentAnswers(tx, itemIds);
            List<NewAnnotation> batched = new ArrayList<>();
            List<NewAnnotation> multiSets = new ArrayList<>();
            Instant now = Instant.now();
            long unchanged = 0;
            for (Map.Entry<String, List<LabelRow>> entry : answers.entrySet()) {
                List<LabelRow> answer = entry.getValue();
                LabelRow first = answer.get(0);
                Facts facts = first.facts();
                Set<String> labels = new TreeSet<>();
                answer.stream().map(LabelRow::label).filter(Objects::nonNull).forEach(labels::add);
                if (unchanged(labels, facts, current.get(entry.getKey()), labelFile.columns())) {
                    unchanged += answer.size();
                    continue;
                }
                long item = itemIds.get(first.item());
                long annotator = annotatorByName.get(first.annotator()).id();
                String origin = facts.origin() == null ? "import" : facts.origin();
                Instant submitted = facts.submitted() == null ? now : facts.submitted();
                Long run = facts.predictionRun() == null ? null : runIds.get(facts.predictionRun());
                if (facts.skipReason() != null) {
                    batched.add(new NewAnnotation(item, annotator, "skip", null, facts.skipReason(),
                            facts.guidelineVersion(), origin, facts.started(), submitted, facts.durationMs(),
                            facts.unsure(), facts.note(), facts.transcript(), List.of(), null, run));
                } else if (multiLabel) {
                    List<Long> classIds = labels.stream().map(l -> classByName.get(l).id()).toList();
                    multiSets.add(new NewAnnotation(item, annotator, "multi", null, null, facts.guidelineVersion(),
                            origin, facts.started(), submitted, facts.durationMs(), facts.unsure(), facts.note(),
                            facts.transcript(), classIds, null, run));
                } else {
                    batched.add(new NewAnnotation(item, annotator, "class", classByName.get(first.label()).id(), null,
                            facts.guidelineVersion(), origin, facts.started(), submitted, facts.durationMs(),
                            facts.unsure(), facts.note(), facts.transcript(), List.of(), null, run));
                }
            }
            annotations.append(tx, batched); // batched: label files can hold millions of rows
            for (NewAnnotation annotation : multiSets) {
                annotations.appendOne(tx, annotation);
            }
            return new LabelImportResult(rows.size(), batched.size() + multiSets.size(), unchanged, created);
        });
    }

    /**
     * The file's answers, one per (item, annotator) in file order: a class, a skip, or in a
     * multi-label project the set of its rows, which must agree on everything but the class.
     */
    private static Map<String, List<LabelRow>> answers(Path file, List<LabelRow> rows, boolean multiLabel) {
        Map<String, List<LabelRow>> answers = new LinkedHashMap<>();
        for (LabelRow row : rows) {
            List<LabelRow> answer = answers.computeIfAbsent(row.item() + "\u0000" + row.annotator(),
                    k -> new ArrayList<>());
            if (!answer.isEmpty()) {
                LabelRow first = answer.get(0);
                String where = "'" + row.item() + "' by " + row.annotator();
                if (!multiLabel && !(Objects.equals(first.label(), row.label())
                        && Objects.equals(first.facts().skipReason(), row.facts().skipReason()))) {
                    throw new BadInputException(file + ": row " + row.row() + ": a second label for " + where
                            + " (row " + first.row() + " says " + describe(first) + ") in a single-label project;"
                            + " nothing imported");
                }
                if (multiLabel && (first.label() == null || row.label() == null)) {
                    LabelRow alone = first.label() == null ? first : row;
                    throw new BadInputException(file + ": row " + row.row() + ": another row for " + where
                            + " (row " + first.row() + "), but " + describe(alone) + " is an answer's only row;"
                            + " nothing imported");
                }
                String differing = differingColumn(first.facts(), row.facts());
                if (differing != null) {
                    throw new BadInputException(file + ": row " + row.row() + ": " + differing + " differs from row "
                            + first.row() + ", another row of the answer of " + where + "; nothing imported");
                }
            }
            answer.add(row);
        }
        return answers;
    }

    private static String describe(LabelRow row) {
        return row.label() != null ? "'" + row.label() + "'"
                : row.facts().skipReason() != null ? "a skip ('" + row.facts().skipReason() + "')"
                        : "\"none apply\" (no label)";
    }

    /** The first column in which two rows of one answer disagree; null when they agree. */
    private static String differingColumn(Facts a, Facts b) {
        if (!Objects.equals(a.guidelineVersion(), b.guidelineVersion())) {
            return "guideline_version";
        } else if (!Objects.equals(a.transcript(), b.transcript())) {
            return "transcript";
        } else if (!Objects.equals(a.note(), b.note())) {
            return "note";
        } else if (a.unsure() != b.unsure()) {
            return "unsure";
        } else if (!Objects.equals(a.origin(), b.origin())) {
            return "origin";
        } else if (!Objects.equals(a.started(), b.started())) {
            return "started_at";
        } else if (!Objects.equals(a.submitted(), b.submitted())) {
            return "submitted_at";
        } else if (!Objects.equals(a.durationMs(), b.durationMs())) {
            return "seconds";
        } else if (!Objects.equals(a.predictionRun(), b.predictionRun())) {
            return "prediction_run";
        }
        return null;
    }

    /**
     * Whether the file's answer equals the current one: the same classes or skip reason, and the
     * same value in every other column the file has; an empty origin or submitted_at (not given)
     * matches any.
     */
    private static boolean unchanged(Set<String> labels, Facts facts, CurrentAnswer current, Set<String> columns) {
        if (current == null || !labels.equals(current.labels())
                || (facts.skipReason() != null) != "skip".equals(current.kind())
                || !Objects.equals(facts.skipReason(), current.first().skipReason())) {
            return false;
        }
        AnswerRow stored = current.first();
        return (!columns.contains("guideline_version")
                        || Objects.equals(facts.guidelineVersion(), stored.guidelineVersion()))
                && (!columns.contains("transcript") || Objects.equals(facts.transcript(), stored.transcript()))
                && (!columns.contains("note") || Objects.equals(facts.note(), stored.note()))
                && (!columns.contains("unsure") || facts.unsure() == stored.unsure())
                && (facts.origin() == null || facts.origin().equals(stored.origin()))
                && (!columns.contains("started_at") || Objects.equals(facts.started(), storedInstant(stored.started())))
                && (facts.submitted() == null || facts.submitted().equals(storedInstant(stored.submitted())))
                && (!columns.contains("seconds") || Objects.equals(facts.durationMs(), stored.durationMs()))
                && (!columns.contains("prediction_run")
                        || Objects.equals(facts.predictionRun(), stored.predictionRun()));
    }

    private static Instant storedInstant(String stored) {
        try {
            return stored == null ? null : Instant.parse(stored);
        } catch (DateTimeParseException e) {
            return null; // not written by this app: never equal to a file's instant, so the file's answer is added
        }
    }

    /** Current answers keyed by item key and annotator name, for the file's items. */
    private Map<String, CurrentAnswer> currentAnswers(Transaction tx, Map<String, Long> itemIds) {
        Map<String, CurrentAnswer> current = new HashMap<>();
        List<Long> ids = new ArrayList<>(itemIds.values());
        for (int from = 0; from < ids.size(); from += ITEMS_PER_QUERY) {
            annotations.forEachCurrentAnswer(tx, ids.subList(from, Math.min(ids.size(), from + ITEMS_PER_QUERY)),
                    row -> {
                        CurrentAnswer answer = current.computeIfAbsent(row.item() + "\u0000" + row.annotator(),
                                k -> new CurrentAnswer(row.kind(), new TreeSet<>(), row));
                        if (row.label() != null) {
                            answer.labels().add(row.label());
                        }
                    });
        }
        return current;
    }

    private static LabelFile parse(Path file) {
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
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (record.size() < header.size()) {
                    throw new BadInputException(file + ": row " + row + ": has " + record.size() + " of "
                            + header.size() + " columns; nothing imported");
                }
                rows.add(parseRow(file, row, new Cells(header, record)));
            }
            return new LabelFile(rows, Set.copyOf(header));
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text; nothing imported", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": malformed CSV: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; nothing imported", e);
        }
    }

    /** A record's cells by column name: "" for a column the file does not have. */
    private record Cells(List<String> header, CSVRecord record) {
        String raw(String column) {
            int index = header.indexOf(column);
            return index < 0 ? "" : record.get(index);
        }

        /** A name (item, annotator, class): stripped, the spreadsheet apostrophe removed, "" if absent. */
        String name(String column) {
            return CsvCells.restoreText(raw(column).strip()).strip();
        }

        /** Free text as typed (the apostrophe removed); null when blank, as the labeling screen stores it. */
        String text(String column) {
            String text = CsvCells.restoreText(raw(column));
            return text.isBlank() ? null : text;
        }
    }

    private static LabelRow parseRow(Path file, int row, Cells cells) {
        String at = file + ": row " + row + ": ";
        String item = cells.name("item");
        String annotator = cells.name("annotator");
        String label = cells.name("label");
        if (item.isEmpty() || annotator.isEmpty()) {
            throw new BadInputException(at + "item and annotator must not be empty; nothing imported");
        }
        String skipReason = cells.text("skip_reason");
        if (!label.isEmpty() && skipReason != null) {
            throw new BadInputException(at + "has both a label and a skip_reason (a skip has no label);"
                    + " nothing imported");
        }
        Integer version = null;
        String versionCell = cells.raw("guideline_version").strip();
        if (!versionCell.isEmpty()) {
            try {
                version = Integer.parseInt(versionCell.replaceFirst("^v", ""));
            } catch (NumberFormatException e) {
                throw new BadInputException(at + "guideline_version '" + versionCell + "' is not a number;"
                        + " nothing imported", e);
            }
        }
        String unsureCell = cells.raw("unsure").strip().toLowerCase(Locale.ROOT);
        boolean unsure = switch (unsureCell) {
            case "", "false", "0", "no" -> false;
            case "true", "1", "yes" -> true;
            default -> throw new BadInputException(at + "unsure '" + unsureCell + "' is not true or false;"
                    + " nothing imported");
        };
        String origin = cells.raw("origin").strip();
        if (!origin.isEmpty() && !ORIGINS.contains(origin)) {
            throw new BadInputException(at + "origin '" + origin + "' is not one of " + String.join(", ", ORIGINS)
                    + "; nothing imported");
        }
        Facts facts = new Facts(skipReason, version, cells.text("transcript"), cells.text("note"), unsure,
                origin.isEmpty() ? null : origin, instant(at, "started_at", cells), instant(at, "submitted_at", cells),
                milliseconds(at, cells), blankToNull(cells.name("prediction_run")));
        return new LabelRow(row, item, annotator, label.isEmpty() ? null : label, facts);
    }

    private static Instant instant(String at, String column, Cells cells) {
        String cell = cells.raw(column).strip();
        try {
            return cell.isEmpty() ? null : Instant.parse(cell);
        } catch (DateTimeParseException e) {
            throw new BadInputException(at + column + " '" + cell + "' is not a UTC time such as"
                    + " 2024-05-01T12:30:00Z; nothing imported", e);
        }
    }

    /** Seconds on the item, stored to the millisecond (more decimals are rounded). */
    private static Long milliseconds(String at, Cells cells) {
        String cell = cells.raw("seconds").strip();
        if (cell.isEmpty()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(cell);
            if (seconds.signum() >= 0) {
                return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below, with the same reason as a negative number
        }
        throw new BadInputException(at + "seconds '" + cell + "' is not a number of seconds (0 or more);"
                + " nothing imported");
    }

    /** Writes every current answer (labels and skips) in {@link #COLUMNS}; the file appears whole or not at all. */
    public long exportFile(ProjectStore store, Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new BadInputException(file + ": folder " + target.getParent() + " does not exist");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            long written = store.read(tx -> {
                long[] count = {0};
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                                .setHeader(COLUMNS.toArray(String[]::new)).build())) {
                    annotations.forEachCurrentAnswer(tx, null, row -> {
                        try {
                            // Typed cells (numbers, the flag, instants) are never mistaken for formulas; text is.
                            CsvCells.printRow(printer, row.item(), row.annotator(), row.label(),
                                    row.guidelineVersion(), row.transcript(), row.note(), row.unsure(),
                                    row.skipReason(), row.origin(), exportedInstant(row.started()),
                                    exportedInstant(row.submitted()),
                                    row.durationMs() == null ? null : BigDecimal.valueOf(row.durationMs(), 3),
                                    row.predictionRun());
                            count[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return count[0];
            });
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file + ": cannot be written: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do: the partial file is named as such
            }
        }
    }

    /** A stored time as an Instant (written as ISO-8601), or as its text when something else wrote it. */
    private static Object exportedInstant(String stored) {
        Instant instant = storedInstant(stored);
        return instant != null ? instant : stored;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
