package io.streamling.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.api.ElementCodec;
import io.streamling.api.Tuple2;
import io.streamling.internal.sql.AggState;
import io.streamling.internal.runtime.Watermark;
import io.streamling.sql.Row;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ElementSerdeTest {

    private final ElementSerde serde = ElementSerde.INSTANCE;

    @Test
    void shouldRoundTripEveryBuiltInType() {
        List<Object> values = Arrays.asList(null, "héllo", 42L, 7, 2.5d, true, 1.5f, (short) 3, (byte) 4, 'x',
                new Tuple2<>("a", new Tuple2<>(1, null)), List.of("x", 1L), new Watermark("reduceByKey-4/3", 1_000L, 500L),
                new java.math.BigDecimal("1.25"), java.util.Optional.of("x"), java.util.Optional.empty());

        for (Object value : values) {
            assertThat(serde.deserialize("t", serde.serialize("t", value))).isEqualTo(value);
        }
    }

    @Test
    void shouldEncodeAPairFromItsEncodedKeyAsThePairItself() {
        // given a pair key of its own type and a value
        Row key = new Row(null, "word", new java.sql.Timestamp(10_000L));

        // when the pair is encoded from the key's encoding
        byte[] pair = serde.serializePair(serde.serialize(null, key), 3L);

        // then the bytes are those of the pair
        assertThat(pair).containsExactly(serde.serialize(null, new Tuple2<>(key, 3L)));
    }

    @Test
    void shouldRoundTripByteArrays() {
        byte[] bytes = {1, 2, (byte) 0xFF};

        assertThat((byte[]) serde.deserialize("t", serde.serialize("t", bytes))).containsExactly(bytes);
    }

    @Test
    void shouldNameATypeItCannotSerialize() {
        Object unserializable = new Thread();

        assertThatThrownBy(() -> serde.serialize("t", unserializable))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("No serde for element type java.lang.Thread");
    }

    @Test
    void shouldOrderStringAndNumberKeysNaturally() {
        List<Object> keys = new ArrayList<>(List.of("b", "a", "ab", -5, 3, Integer.MIN_VALUE, -1L, 10L));
        List<byte[]> encoded = keys.stream().map(serde::serializeOrderedKey).sorted(ElementSerdeTest::unsigned).toList();

        assertThat(encoded.stream().map(serde::deserializeOrderedKey))
                .containsExactly("a", "ab", "b", Integer.MIN_VALUE, -5, 3, -1L, 10L);
    }

    @Test
    void shouldRoundTripRowsWithTheirSchemaAndSqlValues() {
        StructType window = new StructType().add("start", DataTypes.TimestampType).add("end", DataTypes.TimestampType);
        StructType schema = new StructType().add("window", window).add("word", DataTypes.StringType)
                .add("n", DataTypes.LongType).add("tags", io.streamling.internal.sql.Exprs.WINDOW_TYPE);
        Timestamp withNanos = new Timestamp(1_000L);
        withNanos.setNanos(123_456_789);
        Row row = new Row(schema, new Row(window, new Timestamp(0L), withNanos), "héllo", 3L, null);

        Row back = (Row) serde.deserialize("t", serde.serialize("t", row));

        assertThat(back).isEqualTo(row);
        assertThat(back.schema()).isEqualTo(schema);
        assertThat(back.getStruct(0).schema()).isEqualTo(window);
        assertThat(((Timestamp) back.getStruct(0).get(1)).getNanos()).isEqualTo(123_456_789);
        assertThat(((Row) serde.deserialize("t", serde.serialize("t", Row.of("a", 1)))).schema()).isNull();
    }

    @Test
    void shouldKeepASchemaWhoseTypeHasNoCodeThroughJavaSerialization() {
        StructType schema = StructType.fromDDL("a STRING").add("b", new CustomType())
                .add("c", new StructType().add("x", DataTypes.IntegerType));
        Row row = new Row(schema, "x", List.of("y"), Row.of(1));

        Row back = (Row) serde.deserialize("t", serde.serialize("t", row));

        assertThat(back.schema()).isEqualTo(schema);
        assertThat(back.schema().simpleString()).isEqualTo("struct<a:string,b:custom,c:struct<x:int>>");
    }

    @Test
    void shouldEncodeEqualRowsToEqualBytesWhateverTheirSchemaInstance() {
        Row first = new Row(StructType.fromDDL("word STRING, n BIGINT"), "a", 1L);
        Row second = new Row(StructType.fromDDL("word STRING, n BIGINT"), "a", 1L);

        assertThat(serde.serializeOrderedKey(first)).isEqualTo(serde.serializeOrderedKey(second));
        assertThat(serde.deserializeOrderedKey(serde.serializeOrderedKey(first))).isEqualTo(second);
    }

    @Test
    void shouldRoundTripSqlAndTimeValues() {
        List<Object> values = List.of(new java.sql.Date(86_400_000L), new BigDecimal("-12345678901234567890.125"),
                Instant.ofEpochSecond(5, 7), LocalDate.of(2026, 11, 21), new TreeMap<>(Map.of("b", 2L, "a", 1L)),
                new Timestamp(-1_500L));

        for (Object value : values) {
            Object back = serde.deserialize("t", serde.serialize("t", value));
            assertThat(back).isEqualTo(value);
            assertThat(back).hasSameClassAs(value);
        }
    }

    @Test
    void shouldRoundTripObjectAndLongArrays() {
        Object[] objects = {1L, "a", null, new Object[] {2}};
        long[] longs = {Long.MIN_VALUE, 0, 42};

        assertThat(Arrays.deepEquals((Object[]) serde.deserialize("t", serde.serialize("t", objects)), objects)).isTrue();
        assertThat((long[]) serde.deserialize("t", serde.serialize("t", longs))).containsExactly(longs);
    }

    @Test
    void shouldRoundTripAnAggregateStateWithoutJavaSerialization() {
        AggState state = new AggState(new Object[] {5L, 2.5d, null}, new long[] {5, 2, 0}, true);

        byte[] bytes = serde.serialize("t", state);
        AggState back = (AggState) serde.deserialize("t", bytes);

        assertThat(back.values()).containsExactly(5L, 2.5d, null);
        assertThat(back.counts()).containsExactly(5, 2, 0);
        assertThat(back.changed()).isTrue();
        assertThat(bytes.length).isLessThan(80);
    }

    @Test
    void shouldUseARegisteredCodecForItsTypeOnly() {
        ElementSerde.register(7_001, Point.class, new PointCodec());

        byte[] bytes = serde.serialize("t", new Tuple2<>(new Point(3, -4), "p"));

        assertThat(serde.deserialize("t", bytes)).isEqualTo(new Tuple2<>(new Point(3, -4), "p"));
        // tags: TUPLE2, the codec's tag and id, two ints, then the string
        assertThat(bytes.length).isEqualTo(1 + 1 + 4 + 8 + 1 + 4 + 1);
    }

    @Test
    void shouldRefuseConflictingCodecRegistrations() {
        ElementSerde.register(7_002, Other.class, new OtherCodec());

        assertThatThrownBy(() -> ElementSerde.register(7_002, Point.class, new PointCodec()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Element codec id 7002 is already registered for " + Other.class.getName()
                        + ", cannot register it for " + Point.class.getName());
        assertThatThrownBy(() -> ElementSerde.register(7_003, Other.class, new OtherCodec()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An element codec for " + Other.class.getName() + " is already registered with id 7002, "
                        + "cannot register it again with id 7003");
        assertThatThrownBy(() -> ElementSerde.register(7_004, String.class, new ElementCodec<String>() {
            public void write(String value, ElementCodec.Output out) {
            }

            public String read(ElementCodec.Input in) {
                return null;
            }
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot register an element codec for java.lang.String: Streamling encodes it itself");
    }

    @Test
    void shouldNameTheMissingCodecOfAnUnknownId() {
        byte[] bytes = {14, 0, 0, 0x7F, 0x7F};

        assertThatThrownBy(() -> serde.deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("No element codec is registered with id 32639");
    }

    static final class CustomType extends io.streamling.sql.types.DataType {
        private static final long serialVersionUID = 1L;

        @Override
        public String simpleString() {
            return "custom";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CustomType;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    record Point(int x, int y) implements java.io.Serializable {
    }

    record Other(String name) {
    }

    static final class PointCodec implements ElementCodec<Point> {
        @Override
        public void write(Point value, ElementCodec.Output out) {
            out.writeInt(value.x());
            out.writeInt(value.y());
        }

        @Override
        public Point read(ElementCodec.Input in) {
            return new Point(in.readInt(), in.readInt());
        }
    }

    static final class OtherCodec implements ElementCodec<Other> {
        @Override
        public void write(Other value, ElementCodec.Output out) {
            out.writeString(value.name());
        }

        @Override
        public Other read(ElementCodec.Input in) {
            return new Other(in.readString());
        }
    }

    private static int unsigned(byte[] left, byte[] right) {
        return Arrays.compareUnsigned(left, right);
    }
}
