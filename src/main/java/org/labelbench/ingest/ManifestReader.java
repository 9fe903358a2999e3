package org.labelbench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvProblem;
import org.labelbench.project.OneLine;

/**
 * Reads a manifest: CSV with a header, or JSON Lines, with {@code key} and {@code path} and
 * optionally {@code label}; every other column becomes an item attribute. Paths are relative to
 * the manifest's folder and must stay inside it. A malformed file (no header, no key or path
 * column) fails as a whole; a bad row is skipped with its row number and reason.
 */
final class ManifestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Manifest(List<ImportCandidate> candidates, List<ImportReport.Skipped> skipped) {
    }

    /** One row before validation: its number as a user counts it and its named values. */
    private record RawRow(String origin, Map<String, String> values, String problem) {
        RawRow(String origin, Map<String, String> values) {
            this(origin, values, null);
        }
    }

    Manifest read(Path manifest, String keyPrefix) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(manifest + ": no such manifest file");
        }
        String name = manifest.getFileName().toString().toLowerCase(Locale.ROOT);
        List<RawRow> rows;
        try {
            if (name.endsWith(".csv")) {
                rows = readCsv(manifest);
            } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                rows = readJsonLines(manifest);
            } else {
                throw new BadInputException(manifest + ": a manifest must be .csv or .jsonl");
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(manifest + ": not UTF-8 text", e);
        }
        Path root = manifest.toAbsolutePath().getParent().toRealPath();
        List<ImportCandidate> candidates = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        Map<String, String> firstRowOfKey = new HashMap<>();
        for (RawRow row : rows) {
            String problem = row.problem();
            String key = row.values().get("key");
            String path = row.values().get("path");
            if (problem != null) {
                // already known: the line itself is unreadable
            } else if (key == null || key.isBlank()) {
                problem = "missing key";
            } else if (path == null || path.isBlank()) {
                problem = "missing path";
            } else if (firstRowOfKey.containsKey(key)) {
                problem = "key '" + OneLine.of(key, 80) + "' repeats " + firstRowOfKey.get(key);
            }
            Path file = null;
            if (problem == null) {
                try {
                    file = root.resolve(path).normalize();
                } catch (InvalidPathException e) { // a NUL character, or what the file system cannot name
                    problem = "not a valid path: " + OneLine.of(path, 120);
                }
            }
            if (problem == null) {
                if (!Files.exists(file)) {
                    problem = "file not found: " + OneLine.of(path, 120);
                } else if (!file.toRealPath().startsWith(root)) {
                    problem = "path escapes the manifest's folder: " + OneLine.of(path, 120);
                }
            }
            if (problem != null) {
                skipped.add(new ImportReport.Skipped(row.origin(), problem));
                continue;
            }
            firstRowOfKey.put(key, row.origin());
            Map<String, String> attributes = new LinkedHashMap<>();
            row.values().forEach((column, value) -> {
                if (!column.equals("key") && !column.equals("path") && !column.equals("label") && value != null
                        && !value.isBlank()) {
                    attributes.put(column, value.strip());
                }
            });
            String label = row.values().get("label");
            label = label == null || label.isBlank() ? null : label.strip();
            candidates.add(new ImportCandidate(keyPrefix + key.strip(), file, row.origin(), attributes, label));
        }
        return new Manifest(candidates, skipped);
    }

    private static List<RawRow> readCsv(Path manifest) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        List<RawRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(withoutBom(reader))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.contains("key") || !header.contains("path")) {
                throw new BadInputException(manifest + ": the header must have columns key and path (found: "
                        + OneLine.of(String.join(",", header), 160) + ")");
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    throw new BadInputException(manifest + ": malformed CSV after line "
                            + parser.getCurrentLineNumber() + ": " + CsvProblem.of(e), e);
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                // Row numbers as a spreadsheet shows them: the header is row 1.
                String origin = "row " + (record.getRecordNumber() + 1);
                String problem = record.size() < header.size() ? "has " + record.size() + " of "
                        + header.size() + " columns" : null;
                rows.add(new RawRow(origin, values, problem));
            }
        } catch (IllegalArgumentException | CSVException e) {
            throw new BadInputException(manifest + ": malformed CSV header: " + CsvProblem.of(e), e);
        }
        return rows;
    }

    private static List<RawRow> readJsonLines(Path manifest) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String origin = "line " + number;
                Map<String, String> values = new LinkedHashMap<>();
                try {
                    JsonNode node = JSON.readTree(line);
                    if (!node.isObject()) {
                        rows.add(new RawRow(origin, Map.of(), "not a JSON object"));
                        continue;
                    }
                    node.fields().forEachRemaining(field -> {
                        JsonNode value = field.getValue();
                        if (!value.isNull() && !value.isContainerNode()) {
                            values.put(field.getKey().toLowerCase(Locale.ROOT), value.asText());
                        }
                    });
                } catch (IOException e) {
                    rows.add(new RawRow(origin, Map.of(), "not valid JSON"));
                    continue;
                }
                rows.add(new RawRow(origin, values));
            }
        }
        return rows;
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
