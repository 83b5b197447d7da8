package io.streamling.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.sql.Row;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** Bare row keys as store keys: decoded back equal, and in byte order exactly when in row order. */
class OrderedRowKeyTest {

    private static final ElementSerde SERDE = ElementSerde.INSTANCE;
    private static final String[] WORDS = {"", "a", "a\0", "a\0b", "ab", "b", "é", "z", "\uD83D\uDE00", "\uFFFD"};

    private static Row randomKey(Random random) {
        long start = (random.nextInt(7) - 3) * 10_000L;
        Timestamp end = new Timestamp(start + 30_000);
        end.setNanos(random.nextInt(3) * 1_000);
        Row window = random.nextInt(10) == 0 ? null : Row.of(new Timestamp(start), end);
        double[] doubles = {Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 2.25, Double.NaN};
        return Row.of(window, random.nextInt(10) == 0 ? null : WORDS[random.nextInt(WORDS.length)],
                (long) random.nextInt(5) - 2, doubles[random.nextInt(doubles.length)], random.nextBoolean(),
                random.nextInt(3) - 1);
    }

    @Test
    void shouldDecodeEveryKeyBackToAnEqualRow() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            Row key = randomKey(random);
            Object decoded = SERDE.deserializeOrderedKey(SERDE.serializeOrderedKey(key));
            assertThat(decoded).isEqualTo(key);
            assertThat(((Row) decoded).schema()).isNull();
        }
    }

    @Test
    void shouldOrderTheBytesOfKeysAsRowsCompare() {
        // given random keys with values of one type per column, nulls and nested windows among them
        Random random = new Random(5);
        List<Row> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add(randomKey(random));
        }
        keys.add(Row.of(Row.of(new Timestamp(0), new Timestamp(30_000)), "a"));

        // when they are sorted by their encodings
        List<Row> byBytes = new ArrayList<>(keys);
        byBytes.sort((a, b) -> Bytes.wrap(SERDE.serializeOrderedKey(a)).compareTo(Bytes.wrap(SERDE.serializeOrderedKey(b))));

        // then that is their order as rows, strings outside the Basic Multilingual Plane aside (sorted by
        // code point, where Java compares UTF-16 units)
        for (int i = 1; i < byBytes.size(); i++) {
            Row previous = byBytes.get(i - 1);
            Row next = byBytes.get(i);
            if (!hasOutsideBmp(previous) && !hasOutsideBmp(next)) {
                assertThat(previous.compareTo(next)).as("%s before %s", previous, next).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void shouldKeepThePlainEncodingForARowWithASchemaOrAValueWithoutAnOrder() {
        StructType schema = new StructType(List.of(new StructField("w", DataTypes.StringType, true)));
        Row withSchema = new Row(schema, "a");
        Row withBytes = Row.of("a", new byte[] {1});

        Row decodedWithSchema = (Row) SERDE.deserializeOrderedKey(SERDE.serializeOrderedKey(withSchema));
        Row decodedWithBytes = (Row) SERDE.deserializeOrderedKey(SERDE.serializeOrderedKey(withBytes));

        assertThat(decodedWithSchema.schema()).isEqualTo(schema);
        assertThat(decodedWithSchema).isEqualTo(withSchema);
        assertThat(Arrays.equals((byte[]) decodedWithBytes.get(1), new byte[] {1})).isTrue();
        assertThat(SERDE.serializeOrderedKey(withSchema)).isEqualTo(SERDE.serialize(null, withSchema));
    }

    private static boolean hasOutsideBmp(Row key) {
        return key.get(1) instanceof String word && word.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }
}
