package io.streamling.benchmarks;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaDStreamLike;
import io.streamling.streaming.api.java.JavaPairDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Streamling DStream program of each workload, written as a Spark user would. */
final class StreamlingJob implements Job {

    /** Empty batches run after the jump to the wall clock at the end of the input. */
    static final long MAX_EMPTY_BATCHES = 10;

    private final JavaStreamingContext ssc;

    StreamlingJob(JobSpec spec) {
        StreamingConf conf = new StreamingConf()
                .setAppName(spec.appId())
                .setBootstrapServers(spec.bootstrapServers())
                .set(StreamingConf.STATE_DIR, spec.stateDir().toString())
                // the replayed input ends months before the wall clock, to which the watermark jumps once
                // the input is idle: running count would then emit its whole state for the last 1000
                // (default) empty seconds before now, which no baseline does and no result needs
                .set(StreamingConf.MAX_EMPTY_BATCHES, Long.toString(MAX_EMPTY_BATCHES));
        ssc = new JavaStreamingContext(conf, Durations.milliseconds(Workload.BATCH_MS));
        JavaDStream<String> lines = ssc.topicStream(spec.inputTopic());
        define(spec, lines).to(spec.outputTopic());
    }

    private static JavaDStreamLike<?> define(JobSpec spec, JavaDStream<String> lines) {
        JavaDStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator());
        JavaPairDStream<String, Integer> pairs = words.mapToPair(word -> new Tuple2<>(word, 1));
        return switch (spec.workload()) {
            case COPY -> lines;
            case STATELESS -> words.filter(word -> word.length() >= Workload.MIN_WORD_LENGTH)
                    .map(word -> word.toUpperCase(java.util.Locale.ROOT));
            case BATCH_COUNT -> pairs.reduceByKey(Integer::sum);
            case SLIDING_COUNT -> spec.side() == Side.STREAMLING_INCREMENTAL
                    ? pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
                            Durations.milliseconds(Workload.WINDOW_MS), Durations.milliseconds(Workload.SLIDE_MS))
                    : pairs.reduceByKeyAndWindow(Integer::sum,
                            Durations.milliseconds(Workload.WINDOW_MS), Durations.milliseconds(Workload.SLIDE_MS));
            case RUNNING_COUNT -> pairs.updateStateByKey((List<Integer> values, Optional<Integer> state) ->
                    Optional.of(values.stream().mapToInt(Integer::intValue).sum() + state.orElse(0)));
            case EVENTS_PER_HOUR, STRUCTURED_SLIDING_COUNT ->
                    throw new IllegalArgumentException(spec.workload() + " is a Structured query (StructuredJob)");
        };
    }

    @Override
    public void start() {
        ssc.start();
    }

    @Override
    public long lateRecords() {
        return ssc.lateRecordCount();
    }

    @Override
    public void close() {
        ssc.stop();
    }
}
