package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.StructType;
import java.util.List;

/** The Kafka sink's checks at {@code start()}, with Spark's messages (its KafkaWriter and KafkaSourceProvider). */
final class KafkaSinkRules {

    private static final String HEADERS_TYPE = "array<struct<key:string,value:binary>>";

    private KafkaSinkRules() {
    }

    /** The position of the column named exactly {@code name} (as Spark's Kafka writer matches), or -1. */
    static int index(StructType schema, String name) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static void validate(WriteSpec spec) {
        if (spec.option("kafka.key.serializer") != null) {
            throw new IllegalArgumentException("Kafka option 'key.serializer' is not supported as keys are serialized "
                    + "with ByteArraySerializer.");
        }
        if (spec.option("kafka.value.serializer") != null) {
            throw new IllegalArgumentException("Kafka option 'value.serializer' is not supported as value are "
                    + "serialized with ByteArraySerializer.");
        }
        StructType schema = spec.schema();
        if (spec.option("topic") == null) {
            if (index(schema, "topic") < 0) {
                throw new AnalysisException("topic option required when no 'topic' attribute is present. Use the topic "
                        + "option for setting a topic.");
            }
            checkType(schema, "topic", List.of("string"));
        }
        checkType(schema, "key", List.of("string", "binary"));
        if (index(schema, "value") < 0) {
            throw new AnalysisException("Required attribute 'value' not found");
        }
        checkType(schema, "value", List.of("string", "binary"));
        checkType(schema, "headers", List.of(HEADERS_TYPE));
        checkType(schema, "partition", List.of("int"));
        // a missing bootstrap.servers or a bad producer setting fails here, in Kafka's words, not at the first batch
        KafkaSinkWriter.checkConfig(spec.options());
    }

    private static void checkType(StructType schema, String column, List<String> allowed) {
        int i = index(schema, column);
        if (i < 0) {
            return;
        }
        DataType type = schema.apply(i).dataType();
        if (!allowed.contains(type.simpleString())) {
            throw new AnalysisException(column + " attribute unsupported type " + type.simpleString() + ". " + column
                    + " must be a(n) " + String.join(" or ", allowed));
        }
    }
}
