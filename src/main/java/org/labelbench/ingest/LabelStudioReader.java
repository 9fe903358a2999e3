package org.labelbench.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.labelbench.media.MediaProbe;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;

/**
 * Reads a Label Studio JSON export (File: Export, format "JSON": an array of tasks) of image or
 * audio classification tasks, one task at a time from a streaming parser, so a 100,000-task
 * export is never held as one tree. Each task becomes a candidate: its media from {@code data.image}
 * or {@code data.audio} (else the first data value that names a media file), its other plain data
 * values as attributes, and one label per annotation whose {@code choices} results name a class
 * (several: a multi-label answer), by the annotation's {@code completed_by}. A task that cannot be imported is skipped with its id
 * and the reason; a file that is not a JSON array of tasks fails as a whole.
 */
final class LabelStudioReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MEDIA_FIELDS = List.of("image", "audio");
    private static final String LOCAL_FILES = "/data/local-files/";
    private static final String UPLOAD = "/data/upload/";
    private static final String KEY_FIELD = "key";
    private static final String SPLIT_FIELD = "split";

    CandidateSet read(Path export, Path mediaRoot, String keyPrefix) throws IOException {
        if (!Files.isRegularFile(export)) {
            throw new BadInputException(export + ": no such Label Studio export file");
        }
        Path root = null;
        if (mediaRoot != null) {
            if (!Files.isDirectory(mediaRoot)) {
                throw new BadValueException("media root", mediaRoot.toString(), " is not a folder");
            }
            root = mediaRoot.toAbsolutePath().normalize();
        }
        Path exportFolder = export.toAbsolutePath().normalize().getParent();
        Tasks tasks = new Tasks(root, exportFolder, keyPrefix);
        try (JsonParser parser = JSON.getFactory().createParser(export.toFile())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new BadInputException(export + ": not a Label Studio JSON export (expected an array of tasks,"
                        + " found " + describe(first) + ")");
            }
            int element = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new BadInputException(export + ": malformed JSON: the array of tasks is not closed");
                }
                element++;
                JsonNode task = JSON.readTree(parser);
                tasks.add(task, element);
            }
            if (parser.nextToken() != null) {
                throw new BadInputException(export + ": malformed JSON: text after the array of tasks at line "
                        + parser.currentLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(export + ": malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + firstLine(e.getOriginalMessage()), e);
        }
        return new CandidateSet(tasks.candidates, tasks.skipped);
    }

    /** The tasks read so far: candidates, skipped tasks, and which task first named each key. */
    private static final class Tasks {
        private final Path mediaRoot;
        private final Path exportFolder;
        private final String keyPrefix;
        private final List<ImportCandidate> candidates = new ArrayList<>();
        private final List<ImportReport.Skipped> skipped = new ArrayList<>();
        private final Map<String, String> taskOfKey = new HashMap<>();

        Tasks(Path mediaRoot, Path exportFolder, String keyPrefix) {
            this.mediaRoot = mediaRoot;
            this.exportFolder = exportFolder;
            this.keyPrefix = keyPrefix;
        }

        void add(JsonNode task, int element) {
            if (!task.isObject()) {
                skipped.add(new ImportReport.Skipped("element " + element, "not a task (a JSON object)"));
                return;
            }
            JsonNode id = task.get("id");
            String origin = id != null && id.isValueNode() ? "task " + id.asText() : "element " + element;
            try {
                candidates.add(candidate(task, origin));
            } catch (SkippedTask e) {
                skipped.add(new ImportReport.Skipped(origin, e.getMessage()));
            }
        }

        private ImportCandidate candidate(JsonNode task, String origin) {
            JsonNode data = task.get("data");
            if (data == null || !data.isObject()) {
                throw new SkippedTask("has no data object");
            }
            String mediaField = mediaField(data);
            if (mediaField == null) {
                throw new SkippedTask("names no media in its data (no image or audio field, no value that is a"
                        + " media file's path or URL)");
            }
            String reference = data.get(mediaField).asText();
            Path file = resolve(reference);
            // A task Labelbench exported carries the item's key and split in its data: they come back as such.
            JsonNode givenKey = data.get(KEY_FIELD);
            String key = keyPrefix + (givenKey != null && givenKey.isTextual() && !givenKey.asText().isBlank()
                    ? givenKey.asText() : keyOf(file));
            JsonNode givenSplit = data.get(SPLIT_FIELD);
            String split = givenSplit != null && givenSplit.isTextual() && !givenSplit.asText().isBlank()
                    ? givenSplit.asText() : null;
            List<CandidateLabel> labels = labels(task);
            String earlier = taskOfKey.putIfAbsent(key, origin);
            if (earlier != null) {
                throw new SkippedTask("its media " + reference + " is " + earlier + "'s too (item key '" + key + "')");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            data.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (!field.getKey().equals(mediaField) && !field.getKey().equals(KEY_FIELD)
                        && !field.getKey().equals(SPLIT_FIELD) && value.isValueNode() && !value.isNull()
                        && !value.asText().isBlank()) {
                    attributes.put(field.getKey(), value.asText());
                }
            });
            return new ImportCandidate(key, file, origin, attributes, labels, split, null, null);
        }

        /** data.image, data.audio, else the first text value that is a URL or a media file's name. */
        private static String mediaField(JsonNode data) {
            for (String name : MEDIA_FIELDS) {
                JsonNode value = data.get(name);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return name;
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && namesMedia(field.getValue().asText())) {
                    return field.getKey();
                }
            }
            return null;
        }

        private static boolean namesMedia(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            if (text.matches("[a-z][a-z0-9+.-]*://.*") || text.startsWith(LOCAL_FILES) || text.startsWith(UPLOAD)) {
                return true;
            }
            int slash = text.lastIndexOf('/');
            return MediaProbe.kindForFileName(text.substring(slash + 1)).isPresent();
        }

        private Path resolve(String reference) {
            String text = reference.strip();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                throw new SkippedTask("its media is a URL (" + text + "), and imports are offline: download the"
                        + " files and import them from a folder");
            }
            if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
                throw new SkippedTask("its media is in cloud storage (" + text + "), and imports are offline:"
                        + " download the files and import them from a folder");
            }
            if (text.startsWith(LOCAL_FILES)) {
                String relative = queryValue(text, "d");
                if (relative == null || relative.isBlank()) {
                    throw new SkippedTask("its local-files URL has no d= path: " + text);
                }
                return existing(underRoot(relative, text, "Label Studio local storage"), text);
            }
            if (text.startsWith(UPLOAD)) {
                String rest = decode(text.substring(UPLOAD.length()));
                requireRoot(text, "Label Studio's media folder, or a folder of the uploaded files");
                String fileName = rest.substring(rest.lastIndexOf('/') + 1);
                // LS keeps uploads in MEDIA_ROOT/upload/N/FILE; a user may also have gathered them in one folder.
                for (String candidate : List.of("upload/" + rest, rest, fileName)) {
                    Path file = underRoot(candidate, text, null);
                    if (Files.isRegularFile(file)) {
                        return file;
                    }
                }
                throw new SkippedTask("file not found under the media root: " + "upload/" + rest + ", " + rest
                        + " or " + fileName + " (from " + text + ")");
            }
            Path path;
            try {
                path = Path.of(text);
            } catch (InvalidPathException e) {
                throw new SkippedTask("its media is not a path: " + text);
            }
            if (!path.isAbsolute()) {
                Path base = mediaRoot != null ? mediaRoot : exportFolder;
                path = base.resolve(path).normalize();
                if (!path.startsWith(base)) {
                    throw new SkippedTask("its media path escapes " + (mediaRoot != null ? "the media root" :
                            "the export's folder") + ": " + text);
                }
            }
            return existing(path, text);
        }

        private void requireRoot(String reference, String what) {
            if (mediaRoot == null) {
                throw new SkippedTask("its media " + reference + " needs the media root (" + what + ")");
            }
        }

        private Path underRoot(String relative, String reference, String what) {
            if (what != null) {
                requireRoot(reference, what);
            }
            Path file;
            try {
                file = mediaRoot.resolve(relative).normalize();
            } catch (InvalidPathException e) {
                throw new SkippedTask("its media is not a path: " + reference);
            }
            if (!file.startsWith(mediaRoot)) {
                throw new SkippedTask("its media path escapes the media root: " + reference);
            }
            return file;
        }

        private static Path existing(Path file, String reference) {
            if (!Files.isRegularFile(file)) {
                throw new SkippedTask("file not found: " + file + (file.toString().equals(reference) ? ""
                        : " (from " + reference + ")"));
            }
            return file;
        }

        /** The path relative to the media root (or the export's folder), else the file's name. */
        private String keyOf(Path file) {
            Path base = mediaRoot != null ? mediaRoot : exportFolder;
            if (file.startsWith(base)) {
                return base.relativize(file).toString().replace('\\', '/');
            }
            return file.getFileName().toString();
        }

        /** One label per annotation that chose a class (or several); cancelled ones and ones with no choice are not labels. */
        private static List<CandidateLabel> labels(JsonNode task) {
            JsonNode annotations = task.has("annotations") ? task.get("annotations") : task.get("completions");
            List<CandidateLabel> labels = new ArrayList<>();
            if (annotations == null || annotations.isNull()) {
                return labels;
            }
            if (!annotations.isArray()) {
                throw new SkippedTask("its annotations are not an array");
            }
            for (JsonNode annotation : annotations) {
                if (!annotation.isObject() || annotation.path("was_cancelled").asBoolean(false)) {
                    continue;
                }
                Set<String> choices = choices(annotation);
                if (choices.isEmpty()) {
                    continue;
                }
                String which = "annotation " + annotation.path("id").asText("?");
                String annotator = annotator(annotation.get("completed_by"));
                JsonNode leadTime = annotation.get("lead_time");
                Long durationMs = leadTime != null && leadTime.isNumber()
                        ? Math.round(leadTime.asDouble() * 1000) : null;
                Instant submitted = instant(annotation.path("created_at").asText(null));
                List<String> chosen = List.copyOf(choices);
                // Label Studio's task import format lets an annotation leave out completed_by (Label Studio
                // then credits whoever imports it); here, as a manifest's labels, the import annotator.
                labels.add(annotator == null ? new CandidateLabel(AnnotatorRepository.IMPORT_ANNOTATOR, "import", chosen,
                        submitted, durationMs, which)
                        : new CandidateLabel(annotator, "labeler", chosen, submitted, durationMs, which));
            }
            return labels;
        }

        private static Set<String> choices(JsonNode annotation) {
            JsonNode result = annotation.get("result");
            Set<String> choices = new LinkedHashSet<>();
            if (result == null || !result.isArray()) {
                return choices;
            }
            for (JsonNode region : result) {
                if ("choices".equals(region.path("type").asText())) {
                    for (JsonNode choice : region.path("value").path("choices")) {
                        if (choice.isTextual() && !choice.asText().isBlank()) {
                            choices.add(choice.asText().strip());
                        }
                    }
                }
            }
            return choices;
        }

        /** {@code completed_by}: a user id (the JSON export) or a user object (API and older exports). */
        private static String annotator(JsonNode completedBy) {
            if (completedBy == null || completedBy.isNull()) {
                return null;
            }
            if (completedBy.isObject()) {
                String email = completedBy.path("email").asText("").strip();
                if (!email.isEmpty()) {
                    return email;
                }
                JsonNode id = completedBy.get("id");
                return id != null && id.isValueNode() && !id.isNull() ? "ls-" + id.asText() : null;
            }
            return completedBy.isValueNode() && !completedBy.asText().isBlank() ? "ls-" + completedBy.asText() : null;
        }
    }

    /** Label Studio writes UTC times with a Z ({@code 2021-03-09T22:16:08.728353Z}); a bare local time is read as UTC. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String queryValue(String url, String name) {
        int question = url.indexOf('?');
        if (question < 0) {
            return null;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "an empty file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Why one task is skipped; never leaves this reader. */
    private static final class SkippedTask extends RuntimeException {
        SkippedTask(String reason) {
            super(reason, null, false, false);
        }
    }
}
