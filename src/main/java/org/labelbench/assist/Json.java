package org.labelbench.assist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The JSON columns of a model's row. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> object(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in a model's row: " + e.getMessage(), e);
        }
    }

    static List<Object> array(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(text, new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in a model's row: " + e.getMessage(), e);
        }
    }
}
