package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checks must accept a correct output in any order, and see what is missing or wrong. */
class OutputCheckTest {

    private final InputSpec input = InputSpec.of(3_000, 100, 7);
    private final Expectations expectations = new Expectations(input);

    /** A record of an output topic. */
    private record Out(long timestamp, String key, String value) {
    }

    @Test
    void perBatchCountsInAnyOrderAreCompleteAndExact() {
        List<Out> output = perBatchCounts();
        Collections.shuffle(output, new Random(1));
        OutputCheck check = expectations.check(Workload.BATCH_COUNT, Side.STREAMLING);
        output.forEach(out -> check.accept(out.timestamp(), out.key(), out.value()));
        assertThat(check.complete()).isTrue();
        assertThat(check.exact()).isTrue();
        assertThat(check.missing()).isZero();
    }

    @Test
    void markersZerosAndWindowsAfterTheDataAreIgnored() {
        OutputCheck check = expectations.check(Workload.BATCH_COUNT, Side.KAFKA_STREAMS);
        perBatchCounts().forEach(out -> check.accept(out.timestamp(), out.key(), out.value()));
        assertThat(check.accept(input.endMarkerTime(), "~end-0", "1")).isFalse();
        assertThat(check.accept(input.baseTimeMs(), input.vocabulary().word(0), "0")).isFalse();
        assertThat(check.accept(input.dataEndMs(), input.vocabulary().word(0), "3")).isFalse();
        assertThat(check.exact()).isTrue();
    }

    @Test
    void droppedWordsShowAsMissingAndChangeTheChecksum() {
        List<Out> output = perBatchCounts();
        Out first = output.remove(0);
        OutputCheck check = expectations.check(Workload.BATCH_COUNT, Side.KAFKA_STREAMS);
        output.forEach(out -> check.accept(out.timestamp(), out.key(), out.value()));
        assertThat(check.complete()).isFalse();
        assertThat(check.missing()).isEqualTo(Long.parseLong(first.value()));
        assertThat(check.exact()).isFalse();
        check.accept(first.timestamp(), first.key(), "999");
        assertThat(check.complete()).isFalse();
        assertThat(check.exact()).isFalse();
    }

    @Test
    void slidingWindowsAreMatchedByStartWhicheverWaySidesStampThem() {
        Map<String, Integer> windows = new HashMap<>();
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            long last = line.timestamp() - line.timestamp() % Workload.SLIDE_MS;
            for (long start = last; start > line.timestamp() - Workload.WINDOW_MS; start -= Workload.SLIDE_MS) {
                for (String word : line.text().split(" ")) {
                    windows.merge(start + " " + word, 1, Integer::sum);
                }
            }
        }
        OutputCheck streamling = expectations.check(Workload.SLIDING_COUNT, Side.STREAMLING);
        OutputCheck kafkaStreams = expectations.check(Workload.SLIDING_COUNT, Side.KAFKA_STREAMS);
        // Spark's Structured Streaming side writes window.start, as the Kafka Streams baseline
        OutputCheck spark = expectations.check(Workload.SLIDING_COUNT, Side.SPARK);
        windows.forEach((window, count) -> {
            long start = Long.parseLong(window.split(" ")[0]);
            String word = window.split(" ")[1];
            streamling.accept(start + Workload.WINDOW_MS - Workload.BATCH_MS, word, count.toString());
            kafkaStreams.accept(start, word, count.toString());
            spark.accept(start, word, count.toString());
        });
        assertThat(streamling.complete()).isTrue();
        assertThat(kafkaStreams.complete()).isTrue();
        assertThat(spark.complete()).isTrue();
        assertThat(streamling.checksum()).isEqualTo(kafkaStreams.checksum()).isEqualTo(spark.checksum())
                .isEqualTo(streamling.expectedChecksum());
    }

    @Test
    void runningCountTakesTheLastValueOfEachWord() {
        Map<String, Integer> totals = new HashMap<>();
        OutputCheck check = expectations.check(Workload.RUNNING_COUNT, Side.KAFKA_STREAMS);
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            for (String word : line.text().split(" ")) {
                int total = totals.merge(word, 1, Integer::sum);
                check.accept(line.timestamp(), word, Integer.toString(total));
            }
        }
        assertThat(check.complete()).isTrue();
        assertThat(check.exact()).isTrue();
    }

    @Test
    void recordsAreCountedAsAMultiset() {
        OutputCheck check = expectations.check(Workload.STATELESS, Side.RAW_CLIENTS);
        List<Out> output = new ArrayList<>();
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            for (String word : line.text().split(" ")) {
                String out = Workload.statelessWord(word);
                if (out != null) {
                    output.add(new Out(line.timestamp(), null, out));
                }
            }
        }
        Collections.reverse(output);
        output.forEach(out -> check.accept(out.timestamp(), out.key(), out.value()));
        assertThat(check.accept(input.endMarkerTime(), null, "~END-0")).isFalse();
        assertThat(check.complete()).isTrue();
        assertThat(check.exact()).isTrue();
    }

    private List<Out> perBatchCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            long batch = line.timestamp() - line.timestamp() % 1000;
            for (String word : line.text().split(" ")) {
                counts.merge(batch + " " + word, 1, Integer::sum);
            }
        }
        List<Out> output = new ArrayList<>();
        counts.forEach((key, count) -> output.add(new Out(Long.parseLong(key.split(" ")[0]), key.split(" ")[1],
                count.toString())));
        return output;
    }
}
