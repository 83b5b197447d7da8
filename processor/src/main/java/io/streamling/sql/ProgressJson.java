package io.streamling.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON of the progress objects as Spark writes them (json4s over Jackson): compact, or pretty with
 * Jackson's default printer (2-space indent, {@code " : "}), NaN and infinite rates left out,
 * empty maps left out, map keys sorted, offsets embedded as JSON when they parse as JSON.
 */
final class ProgressJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProgressJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void putRate(ObjectNode node, String field, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            node.put(field, value);
        }
    }

    /** A map as a child object with its keys sorted; left out when empty, as Spark's. */
    static void putMap(ObjectNode node, String field, Map<String, ?> map) {
        if (map != null && !map.isEmpty()) {
            ObjectNode child = node.putObject(field);
            new TreeMap<>(map).forEach((key, value) -> child.set(key, MAPPER.valueToTree(value)));
        }
    }

    static void putOffset(ObjectNode node, String field, String offset) {
        if (offset == null) {
            node.putNull(field);
            return;
        }
        try {
            node.set(field, MAPPER.readTree(offset));
        } catch (JsonProcessingException e) {
            node.put(field, offset);
        }
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
