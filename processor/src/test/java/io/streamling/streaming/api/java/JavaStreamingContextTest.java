package io.streamling.streaming.api.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.StreamlingException;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import org.junit.jupiter.api.Test;

class JavaStreamingContextTest {

    @Test
    void shouldTakeSparksStorageLevelsAndGiveCachedStreamsTheirOwnTypes() {
        // given a program written as Spark's JavaNetworkWordCount, with a storage level and cache()
        JavaStreamingContext ssc = new JavaStreamingContext(
                new StreamingConf().setAppName("JavaNetworkWordCount").setMaster("local[2]"), Durations.seconds(1));
        JavaReceiverInputDStream<String> lines = ssc.socketTextStream("localhost", 9999,
                io.streamling.api.java.StorageLevels.MEMORY_AND_DISK_SER);
        JavaDStream<String> words = lines.flatMap(line -> java.util.Arrays.asList(line.split(" ")).iterator()).cache();
        JavaPairDStream<String, Integer> counts = words.mapToPair(w -> new io.streamling.api.Tuple2<>(w, 1))
                .reduceByKey(Integer::sum).persist(io.streamling.storage.StorageLevel.MEMORY_ONLY());
        counts.print();

        // then it compiles to the same program as without them
        assertThat(words.persist()).isSameAs(words);
        assertThat(ssc.topology().describe().toString()).contains("socketTextStream");
    }

    @Test
    void shouldTakeSparksQueueOfRddsAndInitialStateMadeBySparkContext() {
        // given Spark's JavaQueueStream and JavaStatefulNetworkWordCount, as written
        JavaStreamingContext ssc = new JavaStreamingContext("app", Durations.seconds(1));
        java.util.Queue<io.streamling.api.java.JavaRDD<Integer>> rddQueue = new java.util.LinkedList<>();
        for (int i = 0; i < 3; i++) {
            rddQueue.add(ssc.sparkContext().parallelize(java.util.List.of(1, 2, i), 10));
        }
        io.streamling.api.java.JavaPairRDD<Integer, Integer> initialRDD = ssc.sparkContext()
                .parallelizePairs(java.util.List.of(new io.streamling.api.Tuple2<>(1, 100)));
        ssc.queueStream(rddQueue).mapToPair(x -> new io.streamling.api.Tuple2<>(x % 10, 1))
                .updateStateByKey((java.util.List<Integer> values, java.util.Optional<Integer> state) ->
                        java.util.Optional.of(state.orElse(0) + values.size()), 1, initialRDD)
                .print();

        // then the queue's RDDs are the batches: the program compiles with one queue source
        assertThat(rddQueue.peek()).containsExactly(1, 2, 0);
        assertThat(ssc.topology().describe().toString()).contains("queueStream");
    }

    @Test
    void shouldRejectAZeroBatchIntervalNamingIt() {
        assertThatThrownBy(() -> new JavaStreamingContext("app", Durations.milliseconds(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchDuration (the batch interval) must be positive, got 0 ms");
    }

    @Test
    void shouldRejectANegativeBatchIntervalNamingIt() {
        assertThatThrownBy(() -> new JavaStreamingContext("app", Durations.seconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchDuration (the batch interval) must be positive, got -1000 ms");
    }

    @Test
    void shouldRefuseToCompileAProgramWithoutOutputOperations() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("app", Durations.seconds(1));
        ssc.topicStream("lines").map(String::length);

        // then
        assertThatThrownBy(ssc::topology)
                .isInstanceOf(StreamlingException.class)
                .hasMessage("No output operations registered, so nothing to execute");
    }

    @Test
    void shouldFailFastNamingAnUnknownStreamlingKey() {
        // given
        StreamingConf conf = new StreamingConf().setAppName("app").set("streamling.idle.timout.ms", "5");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream("lines").print();

        // then: before anything starts
        assertThatThrownBy(ssc::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown configuration key streamling.idle.timout.ms");
        assertThat(ssc.getState()).isEqualTo(StreamingContextState.INITIALIZED);
    }

    @Test
    void shouldFailFastNamingAKeyWithABadValue() {
        // given
        StreamingConf conf = new StreamingConf().setAppName("app").set(StreamingConf.IDLE_TIMEOUT_MS, "soon");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream("lines").print();

        // then
        assertThatThrownBy(ssc::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamling.idle.timeout.ms must be a positive whole number, got 'soon'");
    }

    @Test
    void shouldRejectAnApplicationNameThatCannotNameATopic() {
        JavaStreamingContext ssc = new JavaStreamingContext("word count", Durations.seconds(1));
        ssc.topicStream("lines").print();

        assertThatThrownBy(ssc::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamling.app.name must use only letters");
    }

    @Test
    void shouldRefuseNewOperationsOnceStopped() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("app", Durations.seconds(1));
        JavaDStream<String> lines = ssc.topicStream("lines");
        ssc.stop();

        // then
        assertThatThrownBy(() -> lines.map(String::length))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Adding new inputs, transformations, and output operations after starting a context is not supported");
        assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
        assertThatThrownBy(ssc::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("StreamingContext has already been stopped");
    }

    @Test
    void shouldRejectAnInvalidSocketAddress() {
        JavaStreamingContext ssc = new JavaStreamingContext("app", Durations.seconds(1));

        assertThatThrownBy(() -> ssc.socketTextStream("localhost", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socket port must be in 1..65535, got 0");
    }

    @Test
    void shouldNameTheSocketTopicAfterTheApplicationAndAddress() {
        JavaStreamingContext ssc = new JavaStreamingContext("NetworkWordCount", Durations.seconds(1));

        assertThat(ssc.socketTextStream("localhost", 9999).topic()).isEqualTo("NetworkWordCount-socket-localhost-9999");
    }
}
