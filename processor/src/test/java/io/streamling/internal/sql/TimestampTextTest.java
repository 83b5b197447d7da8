package io.streamling.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts read as timestamps, compared with what Apache Spark 4.0.1 gave for
 * {@code try_cast(text AS TIMESTAMP)} in time zone UTC ({@code spark-reference/timestamp-casts-spark-4.0.1.tsv},
 * recorded by {@code io.streamling.benchmarks.spark.StaticReference} from {@code timestamp-texts.txt}).
 */
class TimestampTextTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("sparksTimestamps")
    void shouldReadATextAsTheTimestampSparkReads(String text, String sparks) {
        // when
        Timestamp parsed = TimestampText.parse(text, ZoneOffset.UTC);

        // then
        assertThat(String.valueOf(parsed)).isEqualTo(sparks);
    }

    static Stream<Arguments> sparksTimestamps() throws IOException {
        try (InputStream in = TimestampTextTest.class.getResourceAsStream(
                "/spark-reference/timestamp-casts-spark-4.0.1.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\t", -1))
                    .map(parts -> Arguments.of(parts[1], parts[2])).toList().stream();
        }
    }
}
