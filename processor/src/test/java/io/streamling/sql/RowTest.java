package io.streamling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's equality and hash: rows key the groups of an aggregation, so both are on values only. */
class RowTest {

    private static Row window(long startMs, long endMs) {
        return Row.of(new Timestamp(startMs), new Timestamp(endMs));
    }

    @Test
    void shouldBeEqualWithEqualValuesNestedRowsAndByteArrays() {
        // given two rows built apart, with a nested row, a byte array and a null
        Row a = Row.of(window(0, 10_000), "word", new byte[] {1, 2}, null, 3L);
        Row b = Row.of(window(0, 10_000), "word", new byte[] {1, 2}, null, 3L);

        // then they are equal, with equal hashes, whether or not the hashes were computed first
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldDifferInAnyValueNestedOrNot() {
        Row base = Row.of(window(0, 10_000), "word", new byte[] {1, 2}, null);

        assertThat(base).isNotEqualTo(Row.of(window(0, 20_000), "word", new byte[] {1, 2}, null));
        assertThat(base).isNotEqualTo(Row.of(window(0, 10_000), "other", new byte[] {1, 2}, null));
        assertThat(base).isNotEqualTo(Row.of(window(0, 10_000), "word", new byte[] {1, 3}, null));
        assertThat(base).isNotEqualTo(Row.of(window(0, 10_000), "word", new byte[] {1, 2}, 0L));
        assertThat(base).isNotEqualTo(Row.of(window(0, 10_000), "word", new byte[] {1, 2}));
        assertThat(Row.of(1L)).isNotEqualTo(Row.of(1));
    }

    @Test
    void shouldIgnoreTheSchemaWhenComparing() {
        Row bare = Row.of("a", 1L);
        Row withSchema = new Row(new StructType(List.of(
                new StructField("w", DataTypes.StringType, true), new StructField("n", DataTypes.LongType, true))),
                "a", 1L);

        assertThat(withSchema).isEqualTo(bare);
        assertThat(withSchema.hashCode()).isEqualTo(bare.hashCode());
    }

    @Test
    void shouldFindAGroupByAnEqualKeyBuiltApart() {
        // given a map of groups keyed by rows, as a per-batch aggregation keeps them
        Map<Row, Long> groups = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            groups.merge(Row.of(window(i % 7 * 10_000L, i % 7 * 10_000L + 30_000), "w" + i % 13), 1L, Long::sum);
        }

        // then every (window, word) pair is one group, counted whole
        assertThat(groups).hasSize(7 * 13);
        assertThat(groups.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        assertThat(groups.get(Row.of(window(0, 30_000), "w0"))).isEqualTo(1_000 / 91 + (0 < 1_000 % 91 ? 1 : 0));
    }

    @Test
    void shouldHashAsArraysDeepHashCodeOfTheValues() {
        Object[] values = {window(0, 10_000), "word", new byte[] {1, 2}, null, 3L, new Object[] {"x", 1}};

        assertThat(Row.of(values).hashCode()).isEqualTo(Arrays.deepHashCode(values));
    }
}
