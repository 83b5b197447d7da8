package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.api.java.JavaRDD;
import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.streaming.Durations;
import io.streamling.streaming.State;
import io.streamling.streaming.StateSpec;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaMapWithStateDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Compiles a streaming query into a DStream program. One micro-batch is one DStream batch of the
 * trigger interval (record timestamps cut batches, as for every Streamling program); the source's
 * lines become rows through the source's parser; row steps are a flatMap; an aggregation is
 * {@code flatMapToPair(keys)} + {@code reduceByKey} + {@code mapWithState(fold)}, whose state is the
 * result table (a query that needs the watermark or one global step runs {@link StatefulOp}s instead);
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
        List<SourceSpec> distinctSources = new ArrayList<>();
        int[] sourceOfInput = sourceOfEachInput(plan, distinctSources);
        for (SourceSpec source : distinctSources) {
            SourceStreams.configure(conf, source.validate(), spec.session().conf(StreamingConf.BOOTSTRAP_SERVERS));
        }
        long triggerMs = spec.triggerMs() > 0 ? spec.triggerMs() : DEFAULT_TRIGGER_MS;
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(triggerMs));
        List<JavaInputDStream<?>> sources = new ArrayList<>();
        List<JavaDStream<Object>> sourceRows = new ArrayList<>();
        for (SourceSpec source : distinctSources) {
            SourceStreams.Opened opened = SourceStreams.open(ssc, source, triggerMs);
            sources.add(opened.input());
            sourceRows.add(opened.rows());
        }
        JavaDStream<Object> lines = sourceRows.get(0);
        List<RowOp> before = plan.before();
        TriggerSink sink = new TriggerSink(spec, context);
        StatefulOp stateful = statefulOp(plan, spec.outputMode());
        if (stateful != null || plan.inputs() != null) {
            RowPipeline pipeline = RowPipeline.of(plan);
            JavaDStream<Tagged> tagged = tag(sourceRows, sourceOfInput);
            if (stateful == null) {
                tagged.map(line -> new ArrayList<>(pipeline.run(line.source(), line.line()).rows()))
                        .foreachRDD((batch, time) -> {
                            ArrayList<Row> rows = new ArrayList<>();
                            batch.collect().forEach(rows::addAll);
                            sink.accept(new TriggerOutput(time.milliseconds(), !batch.isEmpty(), rows, batch.count()));
                        });
            } else {
                runStatefully(tagged, pipeline, stateful, maxPolicy(spec))
                        .foreachRDD(batch -> batch.collect().forEach(sink::accept));
            }
            return new CompiledQuery(ssc, sources.get(0), sources);
        }
        RowParser parser = plan.source().parser();
        if (plan.aggregation() == null) {
            // each line carries its (possibly no) rows, so the sink sees whether the batch had input at all
            lines.map(line -> new ArrayList<>(rowsOf(line, parser, before))).foreachRDD((batch, time) -> {
                ArrayList<Row> rows = new ArrayList<>();
                batch.collect().forEach(rows::addAll);
                sink.accept(new TriggerOutput(time.milliseconds(), !batch.isEmpty(), rows, batch.count()));
            });
        } else {
            JavaDStream<Row> rows = lines.flatMap(line -> rowsOf(line, parser, before).iterator());
            Aggregation agg = plan.aggregation();
            boolean complete = spec.outputMode().equals("complete");
            // the batch's input is counted per task and summed: the sink needs whether it had any, not the lines
            keyedResults(rows, agg, complete).transformWith(lines.count(), (results, counts, time) -> {
                long inputRows = counts.collect().stream().mapToLong(n -> n).sum();
                ArrayList<Row> result = new ArrayList<>();
                long total = 0;
                long updated = 0;
                for (Object element : results.collect()) {
                    if (element instanceof Row row) {
                        result.add(agg.dress(row));
                    } else if (element instanceof Long groups) {
                        total += groups;
                    } else {
                        updated++;
                    }
                }
                // update mode writes the changed groups; complete mode the whole result table
                if (complete) {
                    total = result.size();
                } else {
                    updated = result.size();
                }
                ArrayList<StateMetrics> state = new ArrayList<>(List.of(
                        new StateMetrics(StateMetrics.AGGREGATION, total, updated, 0, 0)));
                return new JavaRDD<>(List.of(new TriggerOutput(time.milliseconds(), inputRows > 0, result, inputRows,
                        new TreeMap<>(), state)));
            }).foreachRDD(batch -> batch.collect().forEach(sink::accept));
        }
        return new CompiledQuery(ssc, sources.get(0), sources);
    }

    /** One line of one of the query's sources (a union has several). */
    record Tagged(int source, Object line) implements java.io.Serializable {
    }

    /**
     * The index, among the distinct sources (collected into {@code distinct}), of each input's
     * source. Inputs that derive from one DataFrame share its source object (a self-join, a union of
     * two filters of one stream): as in Spark, that source is read once and each of its lines feeds
     * every such input; two {@code readStream()} calls stay two sources.
     */
    private static int[] sourceOfEachInput(StreamPlan plan, List<SourceSpec> distinct) {
        List<StreamPlan> inputs = plan.sourcePlans();
        int[] sourceOf = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            SourceSpec source = inputs.get(i).source();
            int index = IntStream.range(0, distinct.size()).filter(d -> distinct.get(d) == source)
                    .findFirst().orElse(-1);
            if (index < 0) {
                distinct.add(source);
                index = distinct.size() - 1;
            }
            sourceOf[i] = index;
        }
        return sourceOf;
    }

    /** Each source's lines tagged with the input(s) they feed, all in one stream. */
    private static JavaDStream<Tagged> tag(List<JavaDStream<Object>> sources, int[] sourceOfInput) {
        JavaDStream<Tagged> all = null;
        for (int d = 0; d < sources.size(); d++) {
            int source = d;
            List<Integer> inputs = IntStream.range(0, sourceOfInput.length).filter(i -> sourceOfInput[i] == source)
                    .boxed().toList();
            JavaDStream<Tagged> tagged = inputs.size() == 1
                    ? sources.get(d).map(line -> new Tagged(inputs.get(0), line))
                    : sources.get(d).flatMap(line -> inputs.stream().map(input -> new Tagged(input, line)).iterator());
            all = all == null ? tagged : all.union(tagged);
        }
        return all;
    }

    /** {@code spark.sql.streaming.multipleWatermarkPolicy}: whether the global watermark is the max (else the min). */
    private static boolean maxPolicy(WriteSpec spec) {
        String policy = spec.session().conf("spark.sql.streaming.multipleWatermarkPolicy");
        if (policy == null || policy.equalsIgnoreCase("min")) {
            return false;
        }
        if (policy.equalsIgnoreCase("max")) {
            return true;
        }
        throw new IllegalArgumentException("The value of spark.sql.streaming.multipleWatermarkPolicy should be one of "
                + "min, max, but was " + policy);
    }

    /**
     * The operator that must run in the query's single stateful step, or null: an aggregation that
     * needs the watermark (append/update mode with one) or merges session windows, or any other
     * stateful operator.
     */
    private static StatefulOp statefulOp(StreamPlan plan, String mode) {
        if (plan.stateful() != null) {
            return plan.stateful();
        }
        Aggregation agg = plan.aggregation();
        if (agg == null) {
            return null;
        }
        int sessionKey = agg.sessionWindowKey();
        if (sessionKey < 0 && plan.inputs() == null && (plan.watermarkColumn() == null || mode.equals("complete"))) {
            return null; // keyed updateStateByKey, in parallel: nothing global is needed
        }
        return new StatefulAggregation(agg, agg.eventTimeKey(plan.effectiveWatermarkColumn()), sessionKey, mode);
    }

    /**
     * The stateful step: rows become keyed partials combined per key within the batch (in
     * parallel); the batch's partials, its time and whether it had input are gathered into one
     * {@link BatchInput}; {@code updateStateByKey} under one constant key then runs the operator
     * with the global watermark, which Spark computes over all rows of the query, and decides
     * whether the DStream batch is a micro-batch (it had input, or the watermark moved: Spark's
     * no-data micro-batch).
     */
    private static JavaDStream<TriggerOutput> runStatefully(JavaDStream<Tagged> lines, RowPipeline pipeline,
            StatefulOp op, boolean maxPolicy) {
        JavaDStream<Tuple2<Row, Partial>> partials = lines.flatMapToPair(line -> {
            RowPipeline.Lines out = pipeline.run(line.source(), line.line());
            List<Tuple2<Row, Partial>> pairs = new ArrayList<>();
            for (Row row : out.rows()) {
                op.partials(line.source(), row).forEach(p -> pairs.add(new Tuple2<>(p._1(), new Partial(p._2(), null,
                        null))));
            }
            if (out.hasEventTime()) {
                pairs.add(new Tuple2<>(EVENT_TIME_ONLY, new Partial(null, out.maxEventTimes(), out.stats())));
            }
            return pairs.iterator();
        }).reduceByKey((a, b) -> a.merge(b, op)).toJavaDStream();
        return partials.transformWith(lines.count(), (batch, counts, time) -> new JavaRDD<>(List.of(new Tuple2<>(
                        STATE_KEY, new BatchInput(time.milliseconds(), counts.collect().stream().mapToLong(n -> n).sum(),
                                new ArrayList<>(batch.collect().stream()
                                        .map(p -> new BatchInput.Keyed(p._1(), p._2())).toList()))))))
                .mapToPair(pair -> pair)
                .updateStateByKey((List<BatchInput> inputs, Optional<MicroBatchState> state) ->
                        Optional.of(microBatch(op, pipeline.delaysMs(), maxPolicy, inputs, state.orElse(null))))
                .toJavaDStream()
                .map(entry -> entry._2().output());
    }

    private static final Row EVENT_TIME_ONLY = Row.of();
    private static final String STATE_KEY = "query";

    /** One DStream batch through the stateful step. */
    private static MicroBatchState microBatch(StatefulOp op, long[] delaysMs, boolean maxPolicy,
            List<BatchInput> inputs, MicroBatchState previous) {
        long watermark = previous == null ? 0 : previous.nextWatermark();
        long lastBatchWatermark = previous == null ? 0 : previous.lastBatchWatermark();
        long[] watermarks = previous == null ? new long[delaysMs.length] : previous.watermarks().clone();
        Object opState = previous == null ? null : previous.opState();
        long time = inputs.isEmpty() ? 0 : inputs.get(0).time();
        boolean hadInput = inputs.stream().anyMatch(BatchInput::hadInput);
        if (!hadInput && !op.runsWithoutData(watermark, lastBatchWatermark)) {
            // no micro-batch: Spark neither runs one nor advances the batch id
            return new MicroBatchState(watermark, lastBatchWatermark, watermarks, opState,
                    new TriggerOutput(time, false, new ArrayList<>(), 0));
        }
        TreeMap<Row, Object> batch = new TreeMap<>();
        long[] maxEventTimes = null;
        EventTimeStats stats = null;
        long numInputRows = 0;
        for (BatchInput input : inputs) {
            numInputRows += input.numInputRows();
            for (BatchInput.Keyed p : input.partials()) {
                maxEventTimes = Partial.max(maxEventTimes, p.partial().maxEventTimes());
                stats = EventTimeStats.merge(stats, p.partial().stats());
                if (p.partial().value() != null) {
                    batch.merge(p.key(), p.partial().value(), op::merge);
                }
            }
        }
        boolean hasWatermark = delaysMs.length > 0;
        StatefulOp.Step step = op.step(opState, batch,
                new StatefulOp.BatchClock(watermark, lastBatchWatermark, hasWatermark, time));
        // each watermark only moves forward, from the end of a micro-batch; the global one is their min (or max)
        for (int i = 0; maxEventTimes != null && i < delaysMs.length; i++) {
            if (maxEventTimes[i] != Long.MIN_VALUE) {
                watermarks[i] = Math.max(watermarks[i], maxEventTimes[i] - delaysMs[i]);
            }
        }
        long chosen = watermark;
        if (hasWatermark) {
            chosen = maxPolicy ? java.util.Arrays.stream(watermarks).max().getAsLong()
                    : java.util.Arrays.stream(watermarks).min().getAsLong();
        }
        ArrayList<StateMetrics> stateOperators = new ArrayList<>();
        if (step.metrics() != null) {
            stateOperators.add(step.metrics());
        }
        return new MicroBatchState(Math.max(watermark, chosen), watermark, watermarks, step.state(),
                new TriggerOutput(time, true, new ArrayList<>(step.rows()), numInputRows,
                        eventTime(hasWatermark, watermark, stats), stateOperators));
    }

    /**
     * The progress's eventTime, as Spark's: with a watermark, the one the micro-batch ran with,
     * and min, max and avg of the batch's event times when it had any.
     */
    private static TreeMap<String, String> eventTime(boolean hasWatermark, long watermark, EventTimeStats stats) {
        TreeMap<String, String> eventTime = new TreeMap<>();
        if (!hasWatermark) {
            return eventTime;
        }
        eventTime.put("watermark", QueryMonitor.timestamp(watermark));
        if (stats != null) {
            eventTime.put("min", QueryMonitor.timestamp(stats.min()));
            eventTime.put("max", QueryMonitor.timestamp(stats.max()));
            eventTime.put("avg", QueryMonitor.timestamp(stats.avgMs()));
        }
        return eventTime;
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

    /**
     * What the sink needs of a batch of a keyed aggregation: in update mode the output row of each
     * group the batch changed and the number of groups in the state (a {@link Long}); in complete
     * mode the output row of every group and a {@link Boolean} per changed group (the metrics'
     * numRowsUpdated). Each batch's rows are folded per group first ({@code reduceByKey}: per
     * task, then merged); {@code mapWithState} then touches only the groups with new rows, where
     * {@code updateStateByKey} would rewrite and emit every group every batch. The number of
     * groups is a running count of new groups, kept under one key: nothing evicts a group here.
     */
    private static JavaDStream<Object> keyedResults(JavaDStream<Row> rows, Aggregation agg, boolean complete) {
        JavaMapWithStateDStream<Row, AggState, AggState, Tuple2<Row, Boolean>> folded = rows
                .flatMapToPair(row -> {
                    // one partial for every key of the row (a row is in several sliding windows): merges copy it
                    AggState partial = agg.update(null, List.of(row));
                    return agg.keysOf(row).stream().map(key -> new Tuple2<>(key, partial)).iterator();
                })
                .reduceByKey(agg::merge)
                .mapWithState(StateSpec.function((Row key, Optional<AggState> partial, State<AggState> state) -> {
                    boolean isNew = !state.exists();
                    AggState next = agg.fold(state.getOption().orElse(null), partial.map(List::of).orElse(List.of()));
                    state.update(next);
                    return new Tuple2<>(complete ? null : agg.bareOutput(key, next), isNew);
                }));
        if (complete) {
            return folded.map(changed -> (Object) Boolean.TRUE)
                    .union(folded.stateSnapshots().map(group -> (Object) agg.bareOutput(group._1(), group._2())));
        }
        // one hop fewer than reduceByKey first: the sink waits for this branch too
        JavaDStream<Object> groups = folded.filter(Tuple2::_2)
                .mapToPair(added -> new Tuple2<>(GROUPS_KEY, 1L))
                .updateStateByKey((List<Long> added, Optional<Long> count) ->
                        Optional.of(count.orElse(0L) + added.stream().mapToLong(n -> n).sum()))
                .toJavaDStream()
                .map(count -> (Object) count._2());
        return folded.map(changed -> (Object) changed._1()).union(groups);
    }

    private static final String GROUPS_KEY = "groups";

    /** The sink's own checks (options, output mode), which Spark makes before it looks at the query. */
    public static void validateSink(WriteSpec spec) {
        Sinks.validate(spec);
    }

    /** Spark's start()-time checks of row and batch steps (UnsupportedOperationChecker). */
    private static void validateSteps(StreamPlan plan, String mode) {
        List<RowOp> steps = new ArrayList<>(plan.before());
        steps.addAll(plan.after());
        for (RowOp step : steps) {
            if (step instanceof UnsupportedStep unsupported) {
                throw new AnalysisException(unsupported.message());
            }
            if (step instanceof ChainedStatefulStep chained) {
                // Spark's checkStreamingQueryGlobalWatermarkLimit: these first operators may emit late rows
                boolean emitsLateRows = (plan.aggregation() != null && !mode.equals("append"))
                        || (plan.stateful() instanceof GroupStateOp group
                                && group.timeout() == io.streamling.sql.GroupStateTimeout.EventTimeTimeout);
                throw new AnalysisException(chained.countsAsStateful() && emitsLateRows
                        ? ChainedStatefulStep.CORRECTNESS : chained.unsupported());
            }
            if (step instanceof SortOp && (plan.aggregation() == null || !mode.equals("complete"))) {
                throw new AnalysisException("Sorting is not supported on streaming DataFrames/Datasets, unless it is on "
                        + "aggregated DataFrame/Dataset in Complete output mode");
            }
            if (step instanceof LimitOp && mode.equals("update")) {
                throw new AnalysisException("Limits are not supported on streaming DataFrames/Datasets in Update "
                        + "output mode");
            }
        }
    }

    private static void validate(WriteSpec spec) {
        if (spec.trigger().kind() == io.streamling.sql.Trigger.Kind.CONTINUOUS) {
            throw new UnsupportedOperationException("Trigger.Continuous (continuous processing) is not supported: "
                    + "Streamling runs every query as micro-batches; use Trigger.ProcessingTime");
        }
        // as Spark, the sink is created (and checks its options and output mode) before the query is analyzed
        Sinks.validate(spec);
        StreamPlan plan = spec.plan();
        Aggregation aggregation = plan.aggregation();
        boolean aggregated = aggregation != null;
        String mode = spec.outputMode();
        // Spark allows append only when the watermark can finalize groups: a key on the event-time column
        if (aggregated && mode.equals("append") && aggregation.eventTimeKey(plan.effectiveWatermarkColumn()) < 0) {
            throw new AnalysisException("Append output mode not supported when there are streaming aggregations on "
                    + "streaming DataFrames/DataSets without watermark");
        }
        if (!aggregated && mode.equals("complete")) {
            throw new AnalysisException("Complete output mode not supported when there are no streaming aggregations on "
                    + "streaming DataFrames/Datasets");
        }
        if (aggregated && aggregation.sessionWindowKey() >= 0) {
            if (mode.equals("update")) {
                throw new AnalysisException("Update output mode not supported for session window on "
                        + "streaming DataFrames/DataSets");
            }
            if (aggregation.keys().size() < 2) {
                throw new AnalysisException("Global aggregation with session window in streaming query is not supported.");
            }
        }
        if (plan.stateful() != null) {
            plan.stateful().validate(mode, plan.effectiveWatermarkColumn() != null);
        }
        validateSteps(plan, mode);
    }
}
