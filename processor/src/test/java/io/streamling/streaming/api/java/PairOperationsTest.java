package io.streamling.streaming.api.java;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.api.java.JavaRDD;
import io.streamling.streaming.Durations;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-batch pair operations — grouping, combining, joins — with Spark's results for the same batches. */
class PairOperationsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldGroupTheValuesOfEachKeyPerBatch() {
        String printed = run(ssc -> pairs(ssc, "left").groupByKey().print(),
                test -> pipe(test, "left", 0, "a=1", "b=2", "a=3"), "left");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "(a,[1, 3])", "(b,[2])"));
    }

    @Test
    void shouldCombineByKeyWithCombinersAsSparkDoes() {
        // given: (sum, count) per key, then the average
        String printed = run(ssc -> pairs(ssc, "left")
                        .combineByKey(v -> new Tuple2<>(v, 1), (c, v) -> new Tuple2<>(c._1() + v, c._2() + 1),
                                (c1, c2) -> new Tuple2<>(c1._1() + c2._1(), c1._2() + c2._2()))
                        .mapValues(c -> (double) c._1() / c._2()).print(),
                test -> pipe(test, "left", 0, "a=1", "b=2", "a=4"), "left");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "(a,2.5)", "(b,2.0)"));
    }

    @Test
    void shouldRunFoldsWithTheirOwnPartitionCountsInTheTestKitWithTheSameResults() {
        // given: folds asking for 3 and 2 partitions; the test kit runs every step as one task
        String printed = run(Long.MAX_VALUE - T0, ssc -> {
            JavaPairDStream<String, Integer> pairs = pairs(ssc, "left");
            pairs.reduceByKey(Integer::sum, 3).print();
            pairs.updateStateByKey((List<Integer> values, Optional<Integer> state) ->
                    Optional.of(values.stream().mapToInt(Integer::intValue).sum() + state.orElse(0)), 2).print();
        }, test -> {
            pipe(test, "left", 0, "a=1", "b=2", "a=3");
            pipe(test, "left", 1, "a=5", "c=1");
        }, "left");

        // then: each output's batches (the two outputs' blocks interleave by when each batch closes)
        assertThat(printed).startsWith(block(T0 + 1_000, "(a,4)", "(b,2)") + block(T0 + 1_000, "(a,4)", "(b,2)"))
                .contains(block(T0 + 2_000, "(a,5)", "(c,1)"), block(T0 + 2_000, "(a,9)", "(b,2)", "(c,1)"));
    }

    @Test
    void shouldJoinOnlyRecordsOfTheSameBatch() {
        // given: "a" is on both sides in batch 0; "b" on the left in batch 0 and on the right in batch 1
        String printed = run(3_000, ssc -> pairs(ssc, "left").join(pairs(ssc, "right")).print(),
                test -> {
                    pipe(test, "left", 0, "a=1", "a=2", "b=3");
                    pipe(test, "right", 0, "a=10");
                    pipe(test, "right", 1, "b=30");
                }, "left", "right");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "(a,(1,10))", "(a,(2,10))") + block(T0 + 2_000));
    }

    @Test
    void shouldLeftRightAndFullOuterJoinWithEmptyOptionals() {
        String printed = run(Long.MAX_VALUE - T0, ssc -> {
            JavaPairDStream<String, Integer> left = pairs(ssc, "left");
            JavaPairDStream<String, Integer> right = pairs(ssc, "right");
            left.leftOuterJoin(right).print();
            left.rightOuterJoin(right).print();
            left.fullOuterJoin(right).print();
        }, test -> {
            pipe(test, "left", 0, "a=1", "b=2");
            pipe(test, "right", 0, "a=10", "c=30");
        }, "left", "right");

        assertThat(printed).contains(block(T0 + 1_000, "(a,(1,Optional[10]))", "(b,(2,Optional.empty))"));
        assertThat(printed).contains(block(T0 + 1_000, "(a,(Optional[1],10))", "(c,(Optional.empty,30))"));
        assertThat(printed).contains(block(T0 + 1_000, "(a,(Optional[1],Optional[10]))",
                "(b,(Optional[2],Optional.empty))", "(c,(Optional.empty,Optional[30]))"));
    }

    @Test
    void shouldCogroupBothSidesPerKey() {
        String printed = run(ssc -> pairs(ssc, "left").cogroup(pairs(ssc, "right")).print(),
                test -> {
                    pipe(test, "left", 0, "a=1", "a=2");
                    pipe(test, "right", 0, "b=5");
                }, "left", "right");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "(a,([1, 2],[]))", "(b,([],[5]))"));
    }

    @Test
    void shouldGroupByKeyAndWindowOverTwoBatches() {
        String printed = run(5_000, ssc -> pairs(ssc, "left")
                        .groupByKeyAndWindow(Durations.seconds(2), Durations.seconds(1)).print(),
                test -> {
                    pipe(test, "left", 0, "a=1");
                    pipe(test, "left", 1, "a=2", "b=3");
                }, "left");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "(a,[1])") + block(T0 + 2_000, "(a,[1, 2])", "(b,[3])")
                + block(T0 + 3_000, "(a,[2])", "(b,[3])") + block(T0 + 4_000));
    }

    @Test
    void shouldFlatMapValuesAndFlatMapToPair() {
        String printed = run(ssc -> ssc.topicStream("left")
                        .flatMapToPair(line -> List.of(new Tuple2<>(line, line.length())).iterator())
                        .flatMapValues(n -> List.of(n, n * 10).iterator()).print(),
                test -> pipe(test, "left", 0, "xy"), "left");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "(xy,2)", "(xy,20)"));
    }

    @Test
    void shouldTransformWithTheOtherStreamsBatchOfTheSameTime() {
        String printed = run(3_000, ssc -> ssc.topicStream("left").transformWith(ssc.topicStream("right"),
                        (JavaRDD<String> a, JavaRDD<String> b, io.streamling.streaming.Time time) ->
                                new JavaRDD<>(List.of(a.count() + "+" + b.count()))).print(),
                test -> {
                    pipe(test, "left", 0, "x", "y");
                    pipe(test, "right", 0, "z");
                    pipe(test, "right", 1, "w");
                }, "left", "right");

        assertThat(printed).isEqualTo(block(T0 + 1_000, "2+1") + block(T0 + 2_000, "0+1"));
    }

    @Test
    void shouldGlomAndMapPartitionsEachBatchAsOnePartition() {
        String printed = run(Long.MAX_VALUE - T0, ssc -> {
            JavaDStream<String> lines = ssc.topicStream("left");
            lines.glom().print();
            lines.mapPartitions(elements -> {
                int total = 0;
                while (elements.hasNext()) {
                    total += elements.next().length();
                }
                return List.of(total).iterator();
            }).print();
        }, test -> pipe(test, "left", 0, "ab", "cde"), "left");

        assertThat(printed).contains(block(T0 + 1_000, "[ab, cde]"), block(T0 + 1_000, "5"));
    }

    /** Runs {@code program} on {@code input}; returns what it printed for the batches before {@code shownUpTo}. */
    private String run(Consumer<JavaStreamingContext> program, Consumer<DStreamTestDriver> input, String... topics) {
        return run(2_000, program, input, topics);
    }

    private String run(long shownUpTo, Consumer<JavaStreamingContext> program, Consumer<DStreamTestDriver> input,
                       String... topics) {
        JavaStreamingContext ssc = new JavaStreamingContext("pairs", Durations.seconds(1));
        program.accept(ssc);
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            input.accept(test);
            // every input stream shows progress past the batches of interest
            for (String topic : topics) {
                test.rawInput(topic).pipeInput(null, bytes("end=0"), T0 + 5_000);
            }
            test.advanceWallClock(Duration.ofMillis(500));
            String console = test.console();
            int afterInterest = console.indexOf("-------------------------------------------\nTime: " + (T0 + shownUpTo));
            return afterInterest < 0 ? console : console.substring(0, afterInterest);
        }
    }

    private static JavaPairDStream<String, Integer> pairs(JavaStreamingContext ssc, String topic) {
        return ssc.topicStream(topic).mapToPair(text -> {
            String[] parts = text.split("=");
            return new Tuple2<>(parts[0], Integer.parseInt(parts[1]));
        });
    }

    private static void pipe(DStreamTestDriver test, String topic, int batch, String... elements) {
        TestInputTopic<byte[], byte[]> input = test.rawInput(topic);
        Arrays.stream(elements).forEach(element -> input.pipeInput(null, bytes(element), T0 + batch * 1_000L + 1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
