package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The events query for real: JSON files → file connector → topic → Structured query → memory table. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StructuredEventsIT {

    @TempDir
    Path input;

    @TempDir
    Path staging;

    @Test
    void aStartedQueryFillsTheMemoryTableThatSqlTotals(EmbeddedKafkaBroker broker) throws Exception {
        // given
        SparkSession spark = SparkSession.builder().appName("structured-events-it")
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
        try {
            Dataset<Row> events = spark.readStream().schema(StructuredEvents.SCHEMA).json(input.toString());
            StreamingQuery query = StructuredEvents.counts(events).writeStream().format("memory").queryName("counts")
                    .outputMode("complete").start();
            try {
                assertThat(query.isActive()).isTrue();
                assertThat(query.name()).isEqualTo("counts");

                // when
                Path file = Files.writeString(staging.resolve("events.json"), String.join("\n",
                        "{\"time\":1469501107,\"action\":\"Open\"}", "{\"time\":1469501281,\"action\":\"Close\"}",
                        "{\"time\":1469505000,\"action\":\"Open\"}", ""));
                Files.move(file, input.resolve("events.json"), StandardCopyOption.ATOMIC_MOVE);

                // then
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> totals(spark).equals(List.of(Row.of("Close", 1L), Row.of("Open", 2L))));
            } finally {
                query.stop();
            }
            assertThat(query.isActive()).isFalse();
        } finally {
            spark.stop();
        }
    }

    private static List<Row> totals(SparkSession spark) {
        return spark.sql(StructuredEvents.TOTALS_SQL + " order by action").collectAsList();
    }
}
