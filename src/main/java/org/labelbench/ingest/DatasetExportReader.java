package org.labelbench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;

/**
 * Reads a Labelbench {@code jsonl} or {@code csv} export folder (docs/datasets.md, "Exports"):
 * {@code manifest.json} for the version's name, and {@code items.jsonl} or {@code items.csv}, one
 * row per item. Each row becomes a candidate with its key, its media (the row's path, relative to
 * the folder when relative), the SHA-256 and media kind the export recorded (checked on reading),
 * its label by the annotator {@code dataset:<version>}, its split and its attributes. CSV cells and
 * JSONL strings lose exactly the apostrophe the exporter put in front of formula-like text
 * ({@link CsvCells#restoreText}). A folder that is not
 * such an export fails as a whole; a bad row is skipped with its line or row number and reason.
 */
final class DatasetExportReader {
    static final String JSONL = "items.jsonl";
    static final String CSV = "items.csv";
    static final String MANIFEST = "manifest.json";
    private static final String ATTRIBUTE_COLUMN = "attr.";
    private static final List<String> REQUIRED = List.of("key", "path", "sha256", "media");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row before validation: where it is and its values ({@code attributes} separate). */
    private record Row(String origin, Map<String, String> values, Map<String, String> attributes, String problem) {
    }

    CandidateSet read(Path folder, String keyPrefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": no such export folder");
        }
        Path root = folder.toAbsolutePath().normalize();
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(folder + ": not a Labelbench export (no " + MANIFEST + ")");
        }
        String annotator = "dataset:" + versionName(manifest);
        boolean jsonl = Files.isRegularFile(root.resolve(JSONL));
        boolean csv = Files.isRegularFile(root.resolve(CSV));
        if (jsonl == csv) {
            throw new BadInputException(folder + ": " + (jsonl ? "holds both " + JSONL + " and " + CSV
                    : "has no " + JSONL + " or " + CSV) + " (a Labelbench jsonl or csv export has one)");
        }
        Path items = root.resolve(jsonl ? JSONL : CSV);
        List<ImportCandidate> candidates = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        Map<String, String> firstRowOfKey = new HashMap<>();
        RowSink sink = row -> {
            String problem = row.problem() != null ? row.problem() : problem(row.values(), firstRowOfKey);
            Path file = null;
            if (problem == null) {
                String path = row.values().get("path");
                try {
                    Path given = Path.of(path);
                    file = given.isAbsolute() ? given.normalize() : root.resolve(given).normalize();
                    if (!given.isAbsolute() && !file.startsWith(root)) {
                        problem = "path escapes the export's folder: " + path;
                    } else if (!Files.isRegularFile(file)) {
                        problem = "file not found: " + path;
                    }
                } catch (InvalidPathException e) {
                    problem = "not a path: " + path;
                }
            }
            if (problem != null) {
                skipped.add(new ImportReport.Skipped(row.origin(), problem));
                return;
            }
            Map<String, String> values = row.values();
            firstRowOfKey.put(values.get("key"), row.origin());
            String label = values.get("label");
            candidates.add(new ImportCandidate(keyPrefix + values.get("key"), file, row.origin(), row.attributes(),
                    label == null ? List.of() : List.of(new CandidateLabel(annotator, "import", List.of(label), null, null, null)),
                    values.get("split"), values.get("sha256"), values.get("media")));
        };
        try {
            if (jsonl) {
                readJsonLines(items, sink);
            } else {
                readCsv(items, sink);
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(items + ": not UTF-8 text", e);
        }
        return new CandidateSet(candidates, skipped);
    }

    private interface RowSink {
        void accept(Row row);
    }

    private static String problem(Map<String, String> values, Map<String, String> firstRowOfKey) {
        for (String column : REQUIRED) {
            if (values.get(column) == null) {
                return "missing " + column;
            }
        }
        String media = values.get("media");
        if (!media.equals("image") && !media.equals("audio")) {
            return "media '" + media + "' is neither image nor audio";
        }
        if (!values.get("sha256").matches("[0-9a-f]{64}")) {
            return "sha256 '" + values.get("sha256") + "' is not 64 lower-case hex digits";
        }
        String earlier = firstRowOfKey.get(values.get("key"));
        return earlier == null ? null : "key '" + values.get("key") + "' repeats " + earlier;
    }

    private static String versionName(Path manifest) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new BadInputException(manifest + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
        JsonNode version = node == null ? null : node.get("version");
        if (version == null || !version.isValueNode() || version.asText().isBlank()) {
            throw new BadInputException(manifest + ": has no version");
        }
        return version.asText();
    }

    private static void readJsonLines(Path items, RowSink sink) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(items, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String origin = JSONL + " line " + number;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    sink.accept(new Row(origin, Map.of(), Map.of(), "not valid JSON"));
                    continue;
                }
                if (!node.isObject()) {
                    sink.accept(new Row(origin, Map.of(), Map.of(), "not a JSON object"));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> {
                    if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                        values.put(field.getKey(), text(field.getValue()));
                    }
                });
                Map<String, String> attributes = new LinkedHashMap<>();
                JsonNode given = node.get("attributes");
                String problem = null;
                if (given != null && given.isObject()) {
                    given.fields().forEachRemaining(field -> {
                        if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                            attributes.put(CsvCells.restoreText(field.getKey()), text(field.getValue()));
                        }
                    });
                } else if (given != null && !given.isNull()) {
                    problem = "attributes is not an object";
                }
                sink.accept(new Row(origin, values, attributes, problem));
            }
        }
    }

    /** The exporter neutralises JSONL text as CSV cells (a spreadsheet opens both); numbers stay as they are. */
    private static String text(JsonNode value) {
        return value.isTextual() ? CsvCells.restoreText(value.asText()) : value.asText();
    }

    private static void readCsv(Path items, RowSink sink) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(items, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(REQUIRED)) {
                throw new BadInputException(items + ": the header must have columns " + String.join(",", REQUIRED)
                        + " (found: " + String.join(",", header) + ")");
            }
            for (CSVRecord record : (Iterable<CSVRecord>) parser::iterator) {
                Map<String, String> values = new LinkedHashMap<>();
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    String cell = record.get(i);
                    if (cell.isEmpty()) {
                        continue; // the exporter writes an absent value as an empty cell
                    }
                    String value = CsvCells.restoreText(cell);
                    String column = header.get(i);
                    if (column.startsWith(ATTRIBUTE_COLUMN)) {
                        attributes.put(column.substring(ATTRIBUTE_COLUMN.length()), value);
                    } else {
                        values.put(column, value);
                    }
                }
                String origin = CSV + " row " + (record.getRecordNumber() + 1);
                String problem = record.size() != header.size() ? "has " + record.size() + " of " + header.size()
                        + " columns" : null;
                sink.accept(new Row(origin, values, attributes, problem));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(items + ": malformed CSV: " + firstLine(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(items + ": malformed CSV header: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
