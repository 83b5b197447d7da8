package io.streamling.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} for generated Avro records that needs no schema registry.
 *
 * <p>Values are written with Avro's
 * <a href="https://avro.apache.org/docs/1.12.0/specification/#single-object-encoding">single-object
 * encoding</a>: the two marker bytes {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema, then the Avro binary body. Any consumer that knows the schema
 * (for example from this module's {@code .avsc} files) can read the bytes; the fingerprint tells
 * it which schema version wrote them.
 *
 * <p>The reader schema is the schema of the record class. Bytes written with another version of
 * the schema are read through Avro schema resolution once that writer schema is known, either
 * registered with {@link #withWriterSchema(Schema)} or found through a {@link SchemaStore} given
 * to {@link #AvroSingleObjectSerde(Class, SchemaStore)}. Bytes whose fingerprint is unknown fail
 * with a {@link SchemaException} that names the fingerprint.
 *
 * <p>{@code null} serializes to {@code null} and {@code null} bytes deserialize to {@code null}
 * (tombstones pass through). Instances are thread-safe.
 *
 * <pre>{@code
 * Serde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
 * byte[] bytes = serde.serializer().serialize("lines", line);
 * TextLine back = serde.deserializer().deserialize("lines", bytes);
 * }</pre>
 *
 * @param <T> the generated record class
 */
public final class AvroSingleObjectSerde<T extends SpecificRecord> implements Serde<T> {

    /** Length of the single-object header: 2 marker bytes and an 8-byte fingerprint. */
    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final Class<T> type;
    private final Schema readerSchema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Serializer<T> serializer = new SingleObjectSerializer();
    private final Deserializer<T> deserializer = new SingleObjectDeserializer();

    /**
     * Creates a serde for a generated record class, reading only bytes written with that class's
     * own schema until other writer schemas are registered.
     *
     * @param type the generated record class, e.g. {@code TextLine.class}
     * @throws SchemaException if {@code type} is not a generated Avro record class
     */
    public AvroSingleObjectSerde(Class<T> type) {
        this(type, null);
    }

    /**
     * Creates a serde for a generated record class that looks up unknown writer schemas in a
     * {@link SchemaStore} (for example a {@link SchemaStore.Cache} filled with older versions).
     *
     * @param type          the generated record class, e.g. {@code TextLine.class}
     * @param writerSchemas where to look up writer schemas by fingerprint; may be {@code null}
     * @throws SchemaException if {@code type} is not a generated Avro record class
     */
    public AvroSingleObjectSerde(Class<T> type, SchemaStore writerSchemas) {
        this.type = Objects.requireNonNull(type, "type");
        SpecificData model = SpecificData.getForClass(type);
        Schema schema;
        try {
            schema = model.getSchema(type);
        } catch (AvroRuntimeException e) {
            throw new SchemaException("Not a generated Avro record class: " + type.getName(), e);
        }
        if (schema == null || schema.getType() != Schema.Type.RECORD) {
            throw new SchemaException("Not a generated Avro record class: " + type.getName());
        }
        this.readerSchema = schema;
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, writerSchemas);
    }

    /**
     * Creates a serde for a generated record class.
     *
     * @param type the generated record class
     * @param <T>  the record type
     * @return a new serde
     * @see #AvroSingleObjectSerde(Class)
     */
    public static <T extends SpecificRecord> AvroSingleObjectSerde<T> of(Class<T> type) {
        return new AvroSingleObjectSerde<>(type);
    }

    /**
     * Registers another version of the record's schema (older or newer) so that bytes written with
     * it can be read into {@code T} through Avro schema resolution: fields the writer lacks take
     * their defaults, fields the reader lacks are skipped.
     *
     * @param writerSchema a version of the schema that producers may have used
     * @return this serde, for chaining
     * @throws SchemaException if data written with {@code writerSchema} cannot be read as {@code T}
     */
    public AvroSingleObjectSerde<T> withWriterSchema(Schema writerSchema) {
        Objects.requireNonNull(writerSchema, "writerSchema");
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SchemaException("Writer schema " + writerSchema.getFullName() + " (fingerprint "
                    + hex(fingerprint(writerSchema)) + ") cannot be read as " + readerSchema.getFullName()
                    + ": " + describe(compatibility.getResult().getIncompatibilities()));
        }
        decoder.addSchema(writerSchema);
        return this;
    }

    /**
     * Returns the schema records are written with and read into.
     *
     * @return the schema of {@code T}
     */
    public Schema schema() {
        return readerSchema;
    }

    /**
     * Returns the CRC-64-AVRO fingerprint of {@link #schema()}, as written in every encoded value.
     *
     * @return the writer fingerprint of this serde
     */
    public long fingerprint() {
        return fingerprint(readerSchema);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    /**
     * Encodes a record with single-object encoding.
     *
     * @param record the record; may be {@code null}
     * @return the encoded bytes, or {@code null} for a {@code null} record
     * @throws SchemaException if the record cannot be encoded (e.g. a required field is null)
     */
    public byte[] encode(T record) {
        return encode(null, record);
    }

    private byte[] encode(String topic, T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            encoder.encode(record, out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SchemaException("Cannot encode " + readerSchema.getFullName()
                    + (topic == null ? "" : " for topic '" + topic + "'") + ": " + e, e);
        }
    }

    /**
     * Decodes single-object encoded bytes into a record.
     *
     * @param bytes the encoded bytes; may be {@code null}
     * @return the record, or {@code null} for {@code null} bytes
     * @throws SchemaException if the bytes are not single-object encoded, the writer schema's
     *                         fingerprint is unknown, or the body is malformed
     */
    public T decode(byte[] bytes) {
        return decode(null, bytes);
    }

    private T decode(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String where = topic == null ? "" : " from topic '" + topic + "'";
        if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new SchemaException("Cannot decode " + readerSchema.getFullName() + where
                    + ": not Avro single-object encoded (expected header C3 01 followed by an 8-byte"
                    + " schema fingerprint, got " + bytes.length + " bytes starting " + prefix(bytes) + ")");
        }
        long fingerprint = readFingerprint(bytes);
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new SchemaException("Cannot decode " + readerSchema.getFullName() + where
                    + ": unknown writer schema fingerprint " + hex(fingerprint)
                    + " (this serde reads fingerprint " + hex(fingerprint()) + "); register the writer"
                    + " schema with withWriterSchema(...) or a SchemaStore", e);
        } catch (IOException | RuntimeException e) {
            throw new SchemaException("Cannot decode " + readerSchema.getFullName() + where
                    + ": malformed body for writer schema fingerprint " + hex(fingerprint) + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "AvroSingleObjectSerde[" + type.getName() + ", fingerprint " + hex(fingerprint()) + "]";
    }

    /**
     * Returns the CRC-64-AVRO fingerprint of a schema's parsing canonical form, the value that
     * single-object encoding writes after the marker bytes.
     *
     * @param schema any schema
     * @return its 64-bit fingerprint
     */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private String describe(List<SchemaCompatibility.Incompatibility> incompatibilities) {
        StringBuilder sb = new StringBuilder();
        for (SchemaCompatibility.Incompatibility incompatibility : incompatibilities) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            String field = fieldPath(incompatibility.getLocation());
            sb.append(field.isEmpty() ? "at " + incompatibility.getLocation() : "field '" + field + "'")
                    .append(": ").append(incompatibility.getMessage());
        }
        return sb.toString();
    }

    /** Turns a location such as {@code /fields/2/type} into reader field names such as {@code position}. */
    private String fieldPath(String location) {
        String[] tokens = location.split("/");
        Schema current = readerSchema;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if ("fields".equals(tokens[i]) && i + 1 < tokens.length && current.getType() == Schema.Type.RECORD) {
                try {
                    Schema.Field field = current.getFields().get(Integer.parseInt(tokens[++i]));
                    path.append(path.length() > 0 ? "." : "").append(field.name());
                    current = field.schema();
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
        return path.toString();
    }

    private static long readFingerprint(byte[] bytes) {
        long value = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) { // little-endian
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }

    private static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }

    private static String prefix(byte[] bytes) {
        if (bytes.length == 0) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 4); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return bytes.length > 4 ? sb.append(" ...").toString() : sb.toString();
    }

    private final class SingleObjectSerializer implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            return encode(topic, data);
        }
    }

    private final class SingleObjectDeserializer implements Deserializer<T> {
        @Override
        public T deserialize(String topic, byte[] data) {
            return decode(topic, data);
        }
    }
}
