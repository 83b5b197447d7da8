package io.streamling.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSingleObjectSerdeTest {

    private static final String TOPIC = "lines";
    private static final Instant INGESTED_AT = Instant.ofEpochMilli(1_700_000_000_123L);

    @Test
    void shouldRoundTripTextLine() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        TextLine line = TextLine.newBuilder()
                .setLine("to be or not to be")
                .setSource("socket:localhost:9999")
                .setPosition(42L)
                .setIngestedAt(INGESTED_AT)
                .build();

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, line);
        TextLine back = serde.deserializer().deserialize(TOPIC, bytes);

        // then
        assertThat(back).isEqualTo(line);
        assertThat(back.getIngestedAt()).isEqualTo(INGESTED_AT);
    }

    @Test
    void shouldRoundTripBatchPairWithAndWithoutKey() {
        // given
        AvroSingleObjectSerde<BatchPair> serde = AvroSingleObjectSerde.of(BatchPair.class);
        BatchPair keyed = new BatchPair(Instant.ofEpochMilli(1_000L), "word", "3");
        BatchPair unkeyed = new BatchPair(Instant.ofEpochMilli(2_000L), null, "hello");

        // when
        BatchPair keyedBack = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, keyed));
        BatchPair unkeyedBack = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, unkeyed));

        // then
        assertThat(keyedBack).isEqualTo(keyed);
        assertThat(unkeyedBack).isEqualTo(unkeyed);
        assertThat(unkeyedBack.getKey()).isNull();
    }

    @Test
    void shouldWriteSingleObjectEncodingReadableWithoutTheSerde() throws IOException {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        TextLine line = new TextLine("x", "/data/in/a.txt", 2L, INGESTED_AT);

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, line);

        // then: C3 01, then the little-endian CRC-64-AVRO fingerprint, then the body
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(AvroSingleObjectSerde.fingerprint(TextLine.getClassSchema()));
        assertThat(TextLine.fromByteBuffer(ByteBuffer.wrap(bytes))).isEqualTo(line);
    }

    @Test
    void shouldReadBatchPairWrittenWithOlderSchemaUsingTheDefaultKey() throws IOException {
        // given: a record written by a producer that still uses BatchPair without 'key'
        Schema older = schema("BatchPair-v0.avsc");
        GenericRecord old = new GenericData.Record(older);
        old.put("batchTime", 5_000L);
        old.put("value", "42");
        byte[] bytes = encodeGeneric(older, old);
        AvroSingleObjectSerde<BatchPair> serde = AvroSingleObjectSerde.of(BatchPair.class).withWriterSchema(older);

        // when
        BatchPair read = serde.deserializer().deserialize(TOPIC, bytes);

        // then
        assertThat(read.getBatchTime()).isEqualTo(Instant.ofEpochMilli(5_000L));
        assertThat(read.getKey()).isNull();
        assertThat(read.getValue()).isEqualTo("42");
    }

    @Test
    void shouldReadTextLineWrittenWithOlderSchemaFoundInSchemaStore() throws IOException {
        // given: a record written before TextLine had 'source', and a store knowing that version
        Schema older = schema("TextLine-v0.avsc");
        GenericRecord old = new GenericData.Record(older);
        old.put("line", "old line");
        old.put("position", 7L);
        old.put("ingestedAt", INGESTED_AT.toEpochMilli());
        byte[] bytes = encodeGeneric(older, old);
        SchemaStore.Cache store = new SchemaStore.Cache();
        store.addSchema(older);
        AvroSingleObjectSerde<TextLine> serde = new AvroSingleObjectSerde<>(TextLine.class, store);

        // when
        TextLine read = serde.deserializer().deserialize(TOPIC, bytes);

        // then
        assertThat(read).isEqualTo(new TextLine("old line", "", 7L, INGESTED_AT));
    }

    @Test
    void shouldReadTextLineWrittenWithNewerSchemaIgnoringTheExtraField() throws IOException {
        // given
        Schema newer = schema("TextLine-v2.avsc");
        GenericRecord record = new GenericData.Record(newer);
        record.put("line", "new line");
        record.put("source", "socket:localhost:9999");
        record.put("position", 3L);
        record.put("ingestedAt", INGESTED_AT.toEpochMilli());
        record.put("host", "worker-1");
        byte[] bytes = encodeGeneric(newer, record);
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class).withWriterSchema(newer);

        // when
        TextLine read = serde.deserializer().deserialize(TOPIC, bytes);

        // then
        assertThat(read).isEqualTo(new TextLine("new line", "socket:localhost:9999", 3L, INGESTED_AT));
    }

    @Test
    void shouldNameTheFingerprintWhenWriterSchemaIsUnknown() throws IOException {
        // given: bytes written with an older schema the serde was not told about
        Schema older = schema("BatchPair-v0.avsc");
        GenericRecord old = new GenericData.Record(older);
        old.put("batchTime", 5_000L);
        old.put("value", "42");
        byte[] bytes = encodeGeneric(older, old);
        AvroSingleObjectSerde<BatchPair> serde = AvroSingleObjectSerde.of(BatchPair.class);
        String fingerprint = String.format("0x%016x", AvroSingleObjectSerde.fingerprint(older));

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize("results", bytes))
                .isInstanceOf(SchemaException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown writer schema fingerprint " + fingerprint)
                .hasMessageContaining("io.streamling.schemas.BatchPair")
                .hasMessageContaining("topic 'results'");
    }

    @Test
    void shouldRejectGarbageBytesWithClearError() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        byte[] garbage = "hello, world".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, garbage))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("not Avro single-object encoded")
                .hasMessageContaining("68 65 6C 6C");
    }

    @Test
    void shouldRejectBytesTooShortForTheHeader() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {(byte) 0xC3, 0x01, 0x00}))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("not Avro single-object encoded")
                .hasMessageContaining("got 3 bytes");
    }

    @Test
    void shouldNameTheFingerprintOfGarbageWithAValidMarker() {
        // given: the marker bytes followed by a fingerprint nobody wrote
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        byte[] bytes = {(byte) 0xC3, 0x01, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00};

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("unknown writer schema fingerprint 0x0807060504030201");
    }

    @Test
    void shouldRejectTruncatedBody() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        byte[] bytes = serde.serializer().serialize(TOPIC, new TextLine("a long enough line", "", 1L, INGESTED_AT));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("malformed body");
    }

    @Test
    void shouldRefuseToRegisterAnIncompatibleWriterSchema() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        Schema incompatible = schema("TextLine-incompatible.avsc");

        // when / then
        assertThatThrownBy(() -> serde.withWriterSchema(incompatible))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("cannot be read as io.streamling.schemas.TextLine")
                .hasMessageContaining("position");
    }

    @Test
    void shouldMapNullToNullBothWays() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);

        // when / then
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldReportMissingRequiredFieldWhenSerializing() {
        // given
        AvroSingleObjectSerde<TextLine> serde = AvroSingleObjectSerde.of(TextLine.class);
        TextLine invalid = new TextLine(null, "", 1L, INGESTED_AT);

        // when / then
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, invalid))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Cannot encode io.streamling.schemas.TextLine for topic 'lines'");
    }

    private static Schema schema(String resource) {
        try (InputStream in = AvroSingleObjectSerdeTest.class.getResourceAsStream("/schemas/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /schemas/" + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encodeGeneric(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
