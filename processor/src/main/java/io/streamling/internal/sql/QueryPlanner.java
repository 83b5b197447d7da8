package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.api.java.JavaRDD;
import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a streaming query into a DStream program. One micro-batch is one DStream batch of the
 * trigger interval (record timestamps cut batches, as for every Streamling program); the source's
 * lines become rows through the source's parser; row steps are a flatMap; an aggregation is
 * {@code flatMapToPair(keys)} + {@code updateStateByKey(fold)}, whose state is the result table;
 * the sink sees each batch whole, through {@code transformWith(source)} (to know whether the
 * batch had input) and {@code foreachRDD}.
 */
public final class QueryPlanner {

    private static final long DEFAULT_TRIGGER_MS = 1_000;

    private QueryPlanner() {
    }

    /**
     * Validates a query as Spark does at {@code start()} and compiles it.
     *
     * @throws AnalysisException with Spark's message for an unsupported output mode or sink
     */
    public static CompiledQuery compile(WriteSpec spec, PrintStream console) {
        return compile(spec, new SinkContext(console, BatchObserver.NONE, BatchLog.inMemory()));
    }

    /**
     * As {@link #compile(WriteSpec, PrintStream)}, with the sink reporting to {@code context}'s
     * observer and batch log; the caller closes {@code context} when the query stops.
     */
    public static CompiledQuery compile(WriteSpec spec, SinkContext context) {
        validate(spec);
        StreamPlan plan = spec.plan();
        StreamingConf conf = new StreamingConf().setAppName(context.applicationId() != null ? context.applicationId()
                : spec.queryName() != null ? spec.queryName() : spec.session().appName());
        if (context.stateDir() != null) {
            conf.set(StreamingConf.STATE_DIR, context.stateDir());
        }
        if (spec.session().conf(StreamingConf.BOOTSTRAP_SERVERS) != null) {
            conf.setBootstrapServers(spec.session().conf(StreamingConf.BOOTSTRAP_SERVERS));
        }
        SourceStreams.configure(conf, plan.source().validate(), spec.session().conf(StreamingConf.BOOTSTRAP_SERVERS));
        long triggerMs = spec.triggerMs() > 0 ? spec.triggerMs() : DEFAULT_TRIGGER_MS;
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(triggerMs));
        SourceStreams.Opened opened = SourceStreams.open(ssc, plan.source(), triggerMs);
        JavaDStream<Object> lines = opened.rows();
        RowParser parser = plan.source().parser();
        List<RowOp> before = plan.before();
        TriggerSink sink = new TriggerSink(spec, context);
        if (plan.aggregation() == null) {
            // each line carries its (possibly no) rows, so the sink sees whether the batch had input at all
            lines.map(line -> new ArrayList<>(rowsOf(line, parser, before))).foreachRDD((batch, time) -> {
                ArrayList<Row> rows = new ArrayList<>();
                batch.collect().forEach(rows::addAll);
                sink.accept(new TriggerOutput(time.milliseconds(), !batch.isEmpty(), rows, batch.count()));
            });
        } else {
            JavaDStream<Row> rows = lines.flatMap(line -> rowsOf(line, parser, before).iterator());
            aggregate(rows, plan.aggregation(), spec.outputMode().equals("complete"))
                    .transformWith(lines, (result, input, time) -> new JavaRDD<>(List.of(new TriggerOutput(
                            time.milliseconds(), !input.isEmpty(), new ArrayList<>(result.collect()), input.count()))))
                    .foreachRDD(batch -> batch.collect().forEach(sink::accept));
        }
        return new CompiledQuery(ssc, opened.input());
    }

    private static List<Row> rowsOf(Object line, RowParser parser, List<RowOp> before) {
        List<Row> out = parser.parse(line);
        for (RowOp op : before) {
            List<Row> next = new ArrayList<>();
            out.forEach(r -> next.addAll(op.apply(r)));
            out = next;
        }
        return out;
    }

    private static JavaDStream<Row> aggregate(JavaDStream<Row> rows, Aggregation agg, boolean complete) {
        return rows.flatMapToPair(row -> agg.keysOf(row).stream().map(key -> new Tuple2<>(key, row)).iterator())
                .updateStateByKey((List<Row> values, Optional<AggState> state) ->
                        Optional.of(agg.update(state.orElse(null), values)))
                .toJavaDStream()
                // complete mode writes the whole result table; update mode only the groups this batch changed
                .filter(entry -> complete || entry._2().changed())
                .map(entry -> agg.output(entry._1(), entry._2()));
    }

    /** The sink's own checks (options, output mode), which Spark makes before it looks at the query. */
    public static void validateSink(WriteSpec spec) {
        Sinks.validate(spec);
    }

    private static void validate(WriteSpec spec) {
        if (spec.trigger().kind() == io.streamling.sql.Trigger.Kind.CONTINUOUS) {
            throw new UnsupportedOperationException("Trigger.Continuous (continuous processing) is not supported: "
                    + "Streamling runs every query as micro-batches; use Trigger.ProcessingTime");
        }
        // as Spark, the sink is created (and checks its options and output mode) before the query is analyzed
        Sinks.validate(spec);
        StreamPlan plan = spec.plan();
        boolean aggregated = plan.aggregation() != null;
        String mode = spec.outputMode();
        if (aggregated && mode.equals("append") && plan.watermarkColumn() == null) {
            throw new AnalysisException("Append output mode not supported when there are streaming aggregations on "
                    + "streaming DataFrames/DataSets without watermark");
        }
        if (!aggregated && mode.equals("complete")) {
            throw new AnalysisException("Complete output mode not supported when there are no streaming aggregations on "
                    + "streaming DataFrames/Datasets");
        }
        if (aggregated && !mode.equals("complete") && plan.watermarkColumn() != null) {
            // Spark would drop late rows and old state here; until that exists, refuse rather than differ
            throw new UnsupportedOperationException("Streamling does not support " + mode
                    + " output mode on an aggregation with a watermark yet; use complete mode");
        }
    }
}
