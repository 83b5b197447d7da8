package io.streamling.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.api.Tuple2;
import io.streamling.internal.runtime.Watermark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static int unsigned(byte[] left, byte[] right) {
        return Arrays.compareUnsigned(left, right);
    }
}
