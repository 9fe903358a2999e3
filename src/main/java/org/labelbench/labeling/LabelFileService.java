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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.labelbench.project.CsvProblem;
import org.labelbench.project.OneLine;
import org.labelbench.project.CsvCells;
import org.labelbench.project.LabelImportStaging;
import org.labelbench.project.LabelImportStaging.StagedAnswer;
import org.labelbench.project.LabelImportStaging.StagedRow;
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
    /** The staging table's names of the file's columns that differ ({@link LabelImportStaging#OPTIONAL}). */
    private static final Map<String, String> STAGED_COLUMN = Map.of("started_at", "started", "submitted_at",
            "submitted", "seconds", "duration_ms");
    /** Items whose current answers are read per query on import (SQLite's parameter limit is far above). */
    private static final int ITEMS_PER_QUERY = 500;

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

    /** An annotator's current answer: the kind, its classes (none for a skip) and the facts of its first row. */
    private record CurrentAnswer(String kind, Set<String> labels, AnswerRow first) {
    }

    /**
     * Streams the file into the project's staging table inside one write transaction, checking
     * each row as it comes; then refuses the file (rolling back) at its first problem, or appends
     * the answers that are new. No row of the file is held in memory beyond the one being read.
     */
    public LabelImportResult importFile(ProjectStore store, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        return store.write(tx -> {
            Map<String, LabelClass> classByName = classes.list(tx).stream()
                    .collect(Collectors.toMap(LabelClass::name, lc -> lc));
            boolean multiLabel = ProjectMeta.isMultiLabel(tx);
            int latestGuideline = GuidelineService.currentVersion(tx).orElse(0);
            Map<String, Optional<Long>> runIds = new HashMap<>();
            Set<String> known = annotators.list(tx).stream().map(Annotator::name).collect(Collectors.toSet());
            // Annotators are made as they first appear; a refused file rolls them back with the rest.
            Map<String, Annotator> annotatorByName = new HashMap<>();
            List<String> created = new ArrayList<>();
            try (LabelImportStaging staging = LabelImportStaging.open(tx)) {
                Set<String> columns = parse(file, header -> staging.expect(header.stream()
                        .map(column -> STAGED_COLUMN.getOrDefault(column, column)).collect(Collectors.toSet())), row -> {
                    Facts facts = row.facts();
                    Long classId = row.label() == null || !classByName.containsKey(row.label()) ? null
                            : classByName.get(row.label()).id();
                    String run = facts.predictionRun();
                    Long runId = run == null ? null
                            : runIds.computeIfAbsent(run, name -> predictions.findRun(tx, name).map(found -> found.id()))
                                    .orElse(null);
                    Annotator annotator = annotatorByName.computeIfAbsent(row.annotator(), name -> {
                        if (!known.contains(name)) {
                            created.add(name);
                        }
                        return annotators.findOrCreate(tx, name, "labeler");
                    });
                    staging.add(new StagedRow(row.row(), row.item(), row.annotator(), annotator.id(), row.label(),
                            classId, facts.skipReason(), facts.guidelineVersion(), facts.transcript(), facts.note(),
                            facts.unsure(), facts.origin(), text(facts.started()), text(facts.submitted()),
                            facts.durationMs(), run, runId,
                            problem(row, classByName, multiLabel, runId, latestGuideline)));
                });
                Optional<LabelImportStaging.Refusal> refused = staging.resolveItems();
                if (refused.isPresent()) {
                    LabelImportStaging.Refusal refusal = refused.get();
                    String first = refusal.problem() != null ? refusal.problem()
                            : "row " + refusal.row() + ": unknown item '" + shown(refusal.item()) + "'";
                    throw new BadInputException(file + ": " + first
                            + (refusal.refusedRows() > 1 ? " (and " + (refusal.refusedRows() - 1) + " more problems)"
                                    : "")
                            + "; nothing imported");
                }
                Optional<int[]> conflict = staging.groupAnswers(multiLabel);
                if (conflict.isPresent()) {
                    throw new BadInputException(file + ": " + disagreement(labelRow(staging.row(conflict.get()[1])),
                            labelRow(staging.row(conflict.get()[0])), multiLabel));
                }
                // Only an answer whose item and annotator have a history can equal the current one,
                // so a file whose annotators are all new has nothing to compare.
                boolean someKnown = annotatorByName.size() > created.size();
                staging.forEachAnswerWithHistory(someKnown, ITEMS_PER_QUERY, chunk -> {
                    Map<String, CurrentAnswer> current = currentAnswers(tx,
                            chunk.stream().map(StagedAnswer::itemId).distinct().toList());
                    for (StagedAnswer answer : chunk) {
                        StagedRow first = answer.first();
                        if (unchanged(new TreeSet<>(answer.labels()), labelRow(first).facts(),
                                current.get(first.item() + "\u0000" + first.annotator()), columns)) {
                            staging.markUnchanged(answer);
                        }
                    }
                });
                Instant now = Instant.now();
                long added = staging.appendClassesAndSkips(multiLabel, now.toString());
                long[] sets = {0};
                if (multiLabel) {
                    staging.forEachNewSet(answer -> {
                        LabelRow first = labelRow(answer.first());
                        Facts facts = first.facts();
                        annotations.appendOne(tx, new NewAnnotation(answer.itemId(), answer.first().annotatorId(),
                                "multi", null, null, facts.guidelineVersion(),
                                facts.origin() == null ? "import" : facts.origin(), facts.started(),
                                facts.submitted() == null ? now : facts.submitted(), facts.durationMs(),
                                facts.unsure(), facts.note(), facts.transcript(), answer.classIds(), null,
                                answer.first().predictionRunId()));
                        sets[0]++;
                    });
                }
                return new LabelImportResult(staging.rows(), added + sets[0], staging.unchangedRows(), created);
            }
        });
    }

    /** Why a row is refused, besides an unknown item (checked after, in the database); null when it is fine. */
    private static String problem(LabelRow row, Map<String, LabelClass> classByName, boolean multiLabel, Long runId,
            int latestGuideline) {
        Integer version = row.facts().guidelineVersion();
        String run = row.facts().predictionRun();
        if (row.label() != null && !classByName.containsKey(row.label())) {
            return "row " + row.row() + ": unknown class '" + shown(row.label()) + "'";
        } else if (row.label() != null && classByName.get(row.label()).retired()) {
            return "row " + row.row() + ": class '" + shown(row.label()) + "' is retired";
        } else if (row.label() == null && row.facts().skipReason() == null && !multiLabel) {
            return "row " + row.row() + ": no label and no skip_reason (a skip needs its reason)";
        } else if (run != null && runId == null) {
            return "row " + row.row() + ": unknown prediction run '" + shown(run) + "'";
        } else if (version != null && (version < 1 || version > latestGuideline)) {
            return "row " + row.row() + ": guideline version " + version
                    + " does not exist (" + (latestGuideline == 0 ? "the project has no guideline yet"
                            : "versions are 1 to " + latestGuideline) + ")";
        }
        return null;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A staged row as the file's row (its instants were written by {@link #text}). */
    private static LabelRow labelRow(StagedRow r) {
        return new LabelRow(r.row(), r.item(), r.annotator(), r.label(), new Facts(r.skipReason(),
                r.guidelineVersion(), r.transcript(), r.note(), r.unsure(), r.origin(),
                r.started() == null ? null : Instant.parse(r.started()),
                r.submitted() == null ? null : Instant.parse(r.submitted()), r.durationMs(), r.predictionRun()));
    }

    /**
     * Why {@code row} cannot belong to the answer whose first row is {@code first} (an answer of a
     * multi-label project is the set of its rows, which must agree on everything but the class).
     */
    private static String disagreement(LabelRow first, LabelRow row, boolean multiLabel) {
        String where = "'" + shown(row.item()) + "' by " + shown(row.annotator());
        if (!multiLabel && !(Objects.equals(first.label(), row.label())
                && Objects.equals(first.facts().skipReason(), row.facts().skipReason()))) {
            return "row " + row.row() + ": a second label for " + where
                    + " (row " + first.row() + " says " + describe(first) + ") in a single-label project;"
                    + " nothing imported";
        }
        if (multiLabel && (first.label() == null || row.label() == null)) {
            LabelRow alone = first.label() == null ? first : row;
            return "row " + row.row() + ": another row for " + where
                    + " (row " + first.row() + "), but " + describe(alone) + " is an answer's only row;"
                    + " nothing imported";
        }
        return "row " + row.row() + ": " + differingColumn(first.facts(), row.facts()) + " differs from row "
                + first.row() + ", another row of the answer of " + where + "; nothing imported";
    }

    private static String describe(LabelRow row) {
        return row.label() != null ? "'" + shown(row.label()) + "'"
                : row.facts().skipReason() != null ? "a skip ('" + shown(row.facts().skipReason()) + "')"
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
    private Map<String, CurrentAnswer> currentAnswers(Transaction tx, List<Long> ids) {
        Map<String, CurrentAnswer> current = new HashMap<>();
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

    /** Reads the file row by row, handing each checked row to {@code sink}; returns its columns. */
    private static Set<String> parse(Path file, Consumer<Set<String>> onHeader, Consumer<LabelRow> sink) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String required : List.of("item", "annotator", "label")) {
                if (!header.contains(required)) {
                    throw new BadInputException(file + ": the header must have columns item,annotator,label"
                            + " (found: " + org.labelbench.project.OneLine.of(String.join(",", header), 160) + ")");
                }
            }
            onHeader.accept(Set.copyOf(header));
            Map<String, Integer> indexes = new HashMap<>();
            for (int i = header.size() - 1; i >= 0; i--) {
                indexes.put(header.get(i), i); // the first of two same-named columns wins, as indexOf did
            }
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (record.size() < header.size()) {
                    throw new BadInputException(file + ": row " + row + ": has " + record.size() + " of "
                            + header.size() + " columns; nothing imported");
                }
                sink.accept(parseRow(file, row, new Cells(indexes, record)));
            }
            return Set.copyOf(header);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text; nothing imported", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": malformed CSV: " + CsvProblem.of(e) + "; nothing imported", e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new BadInputException(file + ": not UTF-8 text; nothing imported", e);
            }
            throw new BadInputException(file + ": malformed CSV: " + CsvProblem.of(e) + "; nothing imported", e);
        }
    }

    /** A record's cells by column name: "" for a column the file does not have. */
    private record Cells(Map<String, Integer> indexes, CSVRecord record) {
        String raw(String column) {
            Integer index = indexes.get(column);
            return index == null ? "" : record.get(index);
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
                throw new BadInputException(at + "guideline_version '" + shown(versionCell) + "' is not a number;"
                        + " nothing imported", e);
            }
        }
        String unsureCell = cells.raw("unsure").strip().toLowerCase(Locale.ROOT);
        boolean unsure = switch (unsureCell) {
            case "", "false", "0", "no" -> false;
            case "true", "1", "yes" -> true;
            default -> throw new BadInputException(at + "unsure '" + shown(unsureCell) + "' is not true or false;"
                    + " nothing imported");
        };
        String origin = cells.raw("origin").strip();
        if (!origin.isEmpty() && !ORIGINS.contains(origin)) {
            throw new BadInputException(at + "origin '" + shown(origin) + "' is not one of "
                    + String.join(", ", ORIGINS)
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
            throw new BadInputException(at + column + " '" + shown(cell) + "' is not a UTC time such as"
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
        throw new BadInputException(at + "seconds '" + shown(cell) + "' is not a number of seconds (0 or more);"
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

    /** A cell of the user's file quoted in a refusal: on one line, however the cell was quoted. */
    private static String shown(String cell) {
        return OneLine.of(cell, 80);
    }
}
