package org.labelbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;

/**
 * A predictions file as written by a training script: CSV with the header
 * {@code item,label[,confidence][,p_<class>...]}, or JSON Lines with the keys {@code item},
 * {@code label}, optional {@code confidence}, and the probabilities as {@code p_<class>} keys or
 * a {@code probabilities} object. Parsing checks the form of each row (numbers in 0..1, nothing
 * empty, no item twice); the project checks items and classes afterwards.
 */
record PredictionFile(Path file, List<String> probabilityClasses, List<Row> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One prediction; {@code probabilities} in the order of {@link #probabilityClasses}, or null. */
    record Row(int line, String item, String label, Double confidence, float[] probabilities) {
    }

    static PredictionFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            PredictionFile parsed = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? readJsonLines(file)
                    : readCsv(file);
            if (parsed.rows().isEmpty()) {
                throw new BadInputException(file + ": no predictions in the file");
            }
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (Row row : parsed.rows()) {
                Integer first = seen.putIfAbsent(row.item(), row.line());
                if (first != null) {
                    throw problem(file, row.line(), "a second prediction for '" + row.item() + "' (line " + first + ")");
                }
            }
            return parsed;
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static PredictionFile readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!lower.contains("item") || !lower.contains("label")) {
                throw new BadInputException(file + ": the header must have columns item,label[,confidence][,p_<class>...]"
                        + " (found: " + String.join(",", header) + "); nothing imported");
            }
            int itemColumn = lower.indexOf("item");
            int labelColumn = lower.indexOf("label");
            int confidenceColumn = lower.indexOf("confidence");
            List<String> classes = new ArrayList<>();
            List<Integer> classColumns = new ArrayList<>();
            for (int column = 0; column < header.size(); column++) {
                if (header.get(column).startsWith("p_") && header.get(column).length() > 2) {
                    classes.add(header.get(column).substring(2));
                    classColumns.add(column);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (Iterator<CSVRecord> it = parser.iterator(); it.hasNext();) {
                CSVRecord record = it.next();
                int line = (int) parser.getCurrentLineNumber();
                if (record.size() < header.size()) {
                    throw problem(file, line, "has " + record.size() + " of " + header.size() + " columns");
                }
                float[] probabilities = null;
                if (!classColumns.isEmpty()) {
                    probabilities = new float[classColumns.size()];
                    for (int i = 0; i < probabilities.length; i++) {
                        probabilities[i] = (float) probability(file, line, "p_" + classes.get(i),
                                record.get(classColumns.get(i)));
                    }
                }
                Double confidence = confidenceColumn < 0 || record.get(confidenceColumn).isBlank() ? null
                        : probability(file, line, "confidence", record.get(confidenceColumn));
                // A CSV may be one the app wrote (predictions export): undo its spreadsheet apostrophe.
                rows.add(row(file, line, CsvCells.restoreText(record.get(itemColumn).strip()),
                        CsvCells.restoreText(record.get(labelColumn).strip()), confidence, probabilities));
            }
            return new PredictionFile(file, List.copyOf(classes), rows);
        }
    }

    private static PredictionFile readJsonLines(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> classes = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (IOException e) {
                    throw problem(file, line, "not a JSON object");
                }
                if (node == null || !node.isObject()) {
                    throw problem(file, line, "not a JSON object");
                }
                List<String> lineClasses = new ArrayList<>();
                List<JsonNode> values = new ArrayList<>();
                node.fields().forEachRemaining(field -> {
                    if (field.getKey().startsWith("p_") && field.getKey().length() > 2) {
                        lineClasses.add(field.getKey().substring(2));
                        values.add(field.getValue());
                    }
                });
                if (node.has("probabilities")) {
                    if (!node.get("probabilities").isObject()) {
                        throw problem(file, line, "\"probabilities\" must be an object of class: probability");
                    }
                    node.get("probabilities").fields().forEachRemaining(field -> {
                        lineClasses.add(field.getKey());
                        values.add(field.getValue());
                    });
                }
                if (classes == null) {
                    classes = List.copyOf(lineClasses);
                } else if (!classes.equals(lineClasses)) {
                    throw problem(file, line, "probabilities for " + lineClasses + ", but the first line has " + classes);
                }
                float[] probabilities = null;
                if (!lineClasses.isEmpty()) {
                    probabilities = new float[values.size()];
                    for (int i = 0; i < probabilities.length; i++) {
                        probabilities[i] = (float) probability(file, line, "probability of " + lineClasses.get(i),
                                values.get(i).asText());
                    }
                }
                JsonNode confidence = node.get("confidence");
                rows.add(row(file, line, node.path("item").asText(""), node.path("label").asText(""),
                        confidence == null || confidence.isNull() ? null
                                : probability(file, line, "confidence", confidence.asText()),
                        probabilities));
            }
        }
        return new PredictionFile(file, classes == null ? List.of() : classes, rows);
    }

    private static Row row(Path file, int line, String item, String label, Double confidence, float[] probabilities) {
        if (item.isBlank() || label.isBlank()) {
            throw problem(file, line, "item and label must not be empty");
        }
        return new Row(line, item.strip(), label.strip(), confidence, probabilities);
    }

    private static double probability(Path file, int line, String what, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw problem(file, line, what + " '" + text + "' is not a number");
        }
        if (!(value >= 0 && value <= 1)) {
            throw problem(file, line, what + " " + text + " is outside 0..1");
        }
        return value;
    }

    static BadInputException problem(Path file, int line, String reason) {
        return new BadInputException(file + ": line " + line + ": " + reason + "; nothing imported");
    }
}
