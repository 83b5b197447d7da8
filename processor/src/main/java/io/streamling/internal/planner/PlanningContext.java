package io.streamling.internal.planner;

import io.streamling.internal.plan.AggregateByKeyNode;
import io.streamling.internal.plan.BatchAggregateNode;
import io.streamling.internal.plan.BatchFunctionNode;
import io.streamling.internal.plan.InverseWindowReduceNode;
import io.streamling.internal.plan.LogicalPlan;
import io.streamling.internal.plan.MapWithStateNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.PrintNode;
import io.streamling.internal.plan.ShuffleNode;
import io.streamling.internal.plan.SourceNode;
import io.streamling.internal.plan.StatelessNode;
import io.streamling.internal.plan.TopicSinkNode;
import io.streamling.internal.plan.UnionNode;
import io.streamling.internal.plan.UpdateStateNode;
import io.streamling.internal.plan.WindowNode;
import io.streamling.internal.runtime.KeyPartitioner;
import io.streamling.internal.runtime.OperatorStores;
import io.streamling.internal.runtime.ShuffleBundle;
import io.streamling.internal.runtime.ShuffleBundler;
import io.streamling.internal.runtime.ShuffleUnbundler;
import io.streamling.internal.runtime.WatermarkMergeProcessor;
import io.streamling.internal.serde.ElementSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The state of one planning run: the Kafka Streams builder, the settings, and the stage already
 * built for each node, so a node read by several others is built once.
 */
final class PlanningContext {

    private final StreamsBuilder builder;
    private final PlannerSettings settings;
    private final Map<Integer, Long> readerCounts;
    private final LogicalPlan plan;
    private final Map<Integer, Stage> built = new HashMap<>();
    /** The repartition topic of each shuffle (Kafka Streams prefixes the application id): its partition count. */
    private final Map<String, Integer> shuffleTopics = new LinkedHashMap<>();

    PlanningContext(StreamsBuilder builder, PlannerSettings settings, LogicalPlan plan) {
        this.builder = builder;
        this.settings = settings;
        this.readerCounts = plan.readerCounts();
        this.plan = plan;
    }

    StreamsBuilder builder() {
        return builder;
    }

    PlannerSettings settings() {
        return settings;
    }

    /** Whether only one node reads {@code node}, so it may be fused into its reader. */
    boolean hasSingleReader(PlanNode node) {
        return readerCounts.getOrDefault(node.id(), 0L) == 1;
    }

    /** The nodes that read {@code node}. */
    List<PlanNode> readers(PlanNode node) {
        return plan.nodes().stream().filter(reader -> reader.inputs().contains(node)).toList();
    }

    /**
     * Whether every reader of {@code node} is a state step ({@code updateStateByKey},
     * {@code mapWithState}, a Structured aggregation's state): each sorts a batch's input by key
     * itself, so {@code node} need not sort its results for them.
     */
    boolean readersSortByKeyThemselves(PlanNode node) {
        List<PlanNode> readers = readers(node);
        return !readers.isEmpty()
                && readers.stream().allMatch(reader -> reader instanceof UpdateStateNode || reader instanceof MapWithStateNode);
    }

    /** The stage of {@code node}, built on first request by the builder of its type. */
    Stage build(PlanNode node) {
        Stage stage = built.get(node.id());
        if (stage == null) {
            stage = buildNew(node);
            built.put(node.id(), stage);
        }
        return stage;
    }

    private Stage buildNew(PlanNode node) {
        if (node instanceof SourceNode source) {
            return SourceBuilder.build(this, source);
        } else if (node instanceof StatelessNode step) {
            return StatelessBuilder.build(this, step);
        } else if (node instanceof WindowNode window) {
            return WindowBuilder.build(this, window);
        } else if (node instanceof AggregateByKeyNode aggregate) {
            return AggregateByKeyBuilder.build(this, aggregate);
        } else if (node instanceof InverseWindowReduceNode window) {
            return InverseWindowReduceBuilder.build(this, window);
        } else if (node instanceof UpdateStateNode update) {
            return KeyedStateBuilder.build(this, update);
        } else if (node instanceof MapWithStateNode mapWithState) {
            return KeyedStateBuilder.build(this, mapWithState);
        } else if (node instanceof BatchAggregateNode aggregate) {
            return BatchAggregateBuilder.build(this, aggregate);
        } else if (node instanceof ShuffleNode shuffle) {
            return shuffle(build(shuffle.input()), shuffle.name(), shuffle.partitions());
        } else if (node instanceof UnionNode union) {
            return UnionBuilder.build(this, union);
        } else if (node instanceof PrintNode print) {
            return BatchFunctionBuilder.buildPrint(this, print);
        } else if (node instanceof BatchFunctionNode function) {
            return BatchFunctionBuilder.build(this, function);
        } else if (node instanceof TopicSinkNode sink) {
            return TopicSinkBuilder.build(this, sink);
        }
        throw new IllegalStateException("No builder for plan node " + node.name());
    }

    /**
     * Moves a stage's elements into a repartition topic named after {@code name}, by key, with
     * every marker broadcast to all partitions, so each downstream task hears every upstream task.
     * The result is partitioned by the elements' routing keys (a pair's key). Markers of several
     * producers in one task (after a union) are first merged into the task's own. Gathering the
     * output of a single task into one partition needs no topic at all.
     *
     * <p>{@linkplain Stage#batchResults Batch results} cross the topic packed into a few
     * {@link ShuffleBundle}s per task, partition and batch rather than as a record each.
     */
    Stage shuffle(Stage input, String name, int requestedPartitions) {
        int partitions = settings.oneTaskPerStep() ? 1 : requestedPartitions;
        if (partitions == 1 && input.parallelism() == 1) {
            // gathering what one task produces: it is gathered already
            return new Stage(input.stream(), 1, input.producers(), input.slideMs(), true, input.batchResults());
        }
        KStream<Object, Object> stream = input.stream();
        Map<String, Integer> producers = input.producers();
        boolean bundled = input.batchResults();
        if (bundled) {
            // before any merge of markers: each producer's marker closes the bundles of its results
            stream = stream.process(() -> new ShuffleBundler(partitions), Named.as(name + "-bundle"));
        }
        if (input.markerProducers() != 1) {
            String merge = name + "-merge";
            int expected = input.markerProducers();
            stream = stream.process(Suppliers.of(() -> new WatermarkMergeProcessor(merge, expected),
                    OperatorStores.progress(merge)), Named.as(merge));
            producers = Map.of(merge, 1);
        }
        shuffleTopics.put(name + "-repartition", partitions);
        KStream<Object, Object> shuffled = stream.repartition(Repartitioned
                .with(ElementSerde.INSTANCE, ElementSerde.INSTANCE)
                .withName(name)
                .withNumberOfPartitions(partitions)
                .withStreamPartitioner(new KeyPartitioner()));
        if (bundled) {
            shuffled = shuffled.process(ShuffleUnbundler::new, Named.as(name + "-unbundle"));
        }
        // every downstream task hears every upstream task
        Map<String, Integer> heard = new HashMap<>();
        producers.forEach((operator, count) -> heard.put(operator, count * input.parallelism()));
        return new Stage(shuffled, partitions, heard, input.slideMs(), true, false);
    }

    /**
     * The stream of {@code node} gathered into one partition, for a whole-batch operation named
     * {@code name}. A union is gathered input by input, each straight into the one partition and
     * then merged: built first, its inputs would cross a topic to a common parallelism and then a
     * second one to be gathered (a Structured query's results and its input counts, every batch).
     */
    Stage gather(PlanNode node, String name) {
        if (!(node instanceof UnionNode union)) {
            return shuffle(build(node), name, 1);
        }
        List<Stage> parts = new ArrayList<>();
        for (int i = 0; i < union.inputs().size(); i++) {
            parts.add(shuffle(build(union.inputs().get(i)), name + "-" + i, 1));
        }
        return Stage.merged(parts, name, 1);
    }

    /** The repartition topics of the shuffles built so far, without the application id prefix, and their partitions. */
    Map<String, Integer> shuffleTopics() {
        return Map.copyOf(shuffleTopics);
    }
}
