package io.streamling.streaming.api.java;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** foreachRDD, transform, union and saveAsTextFiles: whole batches, empty ones included. */
class BatchOperationsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @TempDir
    Path outputDir;

    @Test
    void shouldHandEveryBatchToForeachRDDIncludingAnEmptyOne() {
        // given
        List<String> seen = new ArrayList<>();
        JavaStreamingContext ssc = new JavaStreamingContext("foreach", Durations.seconds(1));
        ssc.topicStream("lines").foreachRDD((rdd, time) -> seen.add(time + " " + rdd.collect() + " " + rdd.count()));
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batch 0 = a b, batch 1 empty, batch 2 = c
            TestInputTopic<byte[], byte[]> lines = test.rawInput("lines");
            lines.pipeInput(null, bytes("a"), T0 + 1);
            lines.pipeInput(null, bytes("b"), T0 + 2);
            lines.pipeInput(null, bytes("c"), T0 + 2_500);
            test.advanceWallClock(Duration.ofSeconds(5));

            // then
            assertThat(seen).containsExactly(
                    (T0 + 1_000) + " ms [a, b] 2",
                    (T0 + 2_000) + " ms [] 0",
                    (T0 + 3_000) + " ms [c] 1");
        }
    }

    @Test
    void shouldTransformEachBatchAsAWholeSortingItByKey() {
        // given: word counts sorted by count inside transform, as Spark programs do
        JavaStreamingContext ssc = new JavaStreamingContext("transform", Durations.seconds(1));
        ssc.topicStream("words").mapToPair(word -> new Tuple2<>(word, 1)).reduceByKey(Integer::sum)
                .transformToPair(rdd -> rdd.mapToPair(pair -> new Tuple2<>(pair._2(), pair._1())).sortByKey(false))
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            TestInputTopic<byte[], byte[]> words = test.rawInput("words");
            for (String word : List.of("b", "a", "b", "c", "b", "a")) {
                words.pipeInput(null, bytes(word), T0 + 5);
            }
            test.advanceWallClock(Duration.ofSeconds(3));

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "(3,b)", "(2,a)", "(1,c)"));
        }
    }

    @Test
    void shouldUnionTwoStreamsBatchByBatch() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("union", Durations.seconds(1));
        JavaDStream<String> left = ssc.topicStream("left");
        JavaDStream<String> right = ssc.topicStream("right").map(String::toUpperCase);
        ssc.union(left, right).count().print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: the right stream lags behind; its batch 0 must still count in batch 0
            test.rawInput("left").pipeInput(null, bytes("x"), T0 + 10);
            test.rawInput("left").pipeInput(null, bytes("y"), T0 + 1_010);
            test.rawInput("right").pipeInput(null, bytes("z"), T0 + 20);
            test.rawInput("right").pipeInput(null, bytes("w"), T0 + 1_020);
            test.advanceWallClock(Duration.ofSeconds(4));

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "2") + block(T0 + 2_000, "2"));
        }
    }

    @Test
    void shouldUnionTwoBranchesOfTheSameSource() {
        // given: both inputs carry the same source's progress, which counts once
        JavaStreamingContext ssc = new JavaStreamingContext("branches", Durations.seconds(1));
        JavaDStream<String> lines = ssc.topicStream("lines");
        lines.map(String::toUpperCase).union(lines).count().print();
        lines.flatMap(line -> List.of(line, line).iterator())
                .transformWith(lines, (doubled, single, time) -> new io.streamling.api.java.JavaRDD<>(
                        List.of(doubled.count() + "/" + single.count()))).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput("lines").pipeInput(null, bytes("a"), T0 + 1);
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(test.console()).contains(block(T0 + 1_000, "2"), block(T0 + 1_000, "2/1"));
        }
    }

    @Test
    void shouldGatherEachInputOfAUnionStraightIntoTheBatchOperation() {
        // given a union of a 2-partition stream and a 1-partition count, handed whole to foreachRDD
        JavaStreamingContext ssc = new JavaStreamingContext("gather", Durations.seconds(1));
        JavaDStream<String> wide = ssc.topicStream("wide");
        wide.union(ssc.topicStream("narrow").count().map(String::valueOf)).foreachRDD(rdd -> { });

        // when it is compiled
        String described = ssc.topology(java.util.Map.of("wide", 2, "narrow", 1)).describe().toString();

        // then the wide input crosses one topic into the single task, and nothing moves the other
        // twice: not first to a common parallelism of two and then again into one partition
        List<String> topics = java.util.regex.Pattern.compile("topic: (\\S+-repartition)\\)").matcher(described)
                .results().map(match -> match.group(1)).distinct().sorted().toList();
        assertThat(topics).containsExactly("foreachRDD-6-0-repartition");
    }

    @Test
    void shouldGatherBatchResultsInBundlesAndSingleElementsAsRecords() {
        // given the per-batch counts of a 2-partition stream, and its lines, each handed whole to foreachRDD
        JavaStreamingContext ssc = new JavaStreamingContext("bundles", Durations.seconds(1));
        JavaDStream<String> lines = ssc.topicStream("lines");
        lines.mapToPair(line -> new Tuple2<>(line, 1)).reduceByKey(Integer::sum).foreachRDD(rdd -> { });
        lines.foreachRDD(rdd -> { });

        // when it is compiled
        String described = ssc.topology(java.util.Map.of("lines", 2)).describe().toString();

        // then the counts, which come all at once as each batch closes, cross the topic packed;
        // the lines, which come one record at a time, cross it as they are
        assertThat(described).contains("Processor: foreachRDD-4-bundle", "Processor: foreachRDD-4-unbundle")
                .doesNotContain("foreachRDD-5-bundle");
    }

    @Test
    void shouldRefuseAUnionOfStreamsWithDifferentSlideDurations() {
        JavaStreamingContext ssc = new JavaStreamingContext("union", Durations.seconds(1));
        JavaDStream<String> lines = ssc.topicStream("lines");

        assertThatThrownBy(() -> lines.union(lines.window(Durations.seconds(4), Durations.seconds(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Some of the DStreams have different slide durations");
    }

    @Test
    void shouldSaveEachBatchAsATextDirectoryNamedAfterItsTime() throws Exception {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("save", Durations.seconds(1));
        String prefix = outputDir.resolve("out").toString();
        ssc.topicStream("lines").map(String::length).saveAsTextFiles(prefix, "txt");
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput("lines").pipeInput(null, bytes("abc"), T0 + 1);
            test.rawInput("lines").pipeInput(null, bytes("de"), T0 + 2);
            test.advanceWallClock(Duration.ofSeconds(4));

            // then: one directory per batch, empty batches too, and nothing half-written
            Path first = outputDir.resolve("out-" + (T0 + 1_000) + ".txt");
            assertThat(Files.readAllLines(first.resolve("part-00000"))).containsExactly("3", "2");
            assertThat(first.resolve("_SUCCESS")).exists();
            assertThat(Files.readAllLines(outputDir.resolve("out-" + (T0 + 2_000) + ".txt").resolve("part-00000")))
                    .isEmpty();
            try (var entries = Files.list(outputDir)) {
                assertThat(entries.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("out-" + (T0 + 1_000) + ".txt", "out-" + (T0 + 2_000) + ".txt");
            }
        }
    }

    @Test
    void shouldNameFilesAsSparksRddToFileName() {
        assertThat(JavaDStreamLike.fileName("spark", null, new io.streamling.streaming.Time(12345678910L)))
                .isEqualTo("spark-12345678910");
        assertThat(JavaDStreamLike.fileName("spark", "tmp", new io.streamling.streaming.Time(12345678910L)))
                .isEqualTo("spark-12345678910.tmp");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
