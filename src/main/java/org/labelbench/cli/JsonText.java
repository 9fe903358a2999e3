package org.labelbench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The text a command prints for {@code --json}, written with jackson-core's streaming generator
 * for the maps, lists, strings, numbers and booleans that commands print. It gives the same text
 * as an {@code ObjectMapper} with indented output (a test holds them equal); anything else (a
 * record, a JSON tree) is handed to a mapper made on first need. Loading and warming
 * jackson-databind was a fifth of a short command's start-up: about 470 classes for a few lines.
 */
final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    static String of(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.setPrettyPrinter(new DefaultPrettyPrinter());
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof Float f) {
            out.writeNumber(f);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> k instanceof String)) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName((String) entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof double[] numbers) {
            out.writeArray(numbers, 0, numbers.length);
        } else if (value instanceof int[] numbers) {
            out.writeArray(numbers, 0, numbers.length);
        } else if (value instanceof long[] numbers) {
            out.writeArray(numbers, 0, numbers.length);
        } else if (value instanceof Object[] elements) {
            write(out, java.util.Arrays.asList(elements));
        } else {
            Mapper.INSTANCE.writeValue(out, value);
        }
    }

    /** Made only when a command prints something the streaming path does not know. */
    private static final class Mapper {
        static final com.fasterxml.jackson.databind.ObjectMapper INSTANCE =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .disable(com.fasterxml.jackson.databind.SerializationFeature.CLOSE_CLOSEABLE)
                        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
