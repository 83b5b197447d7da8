package io.streamling.benchmarks.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Follows the query's progress for the harness:
 * <ul>
 *   <li>sums the rows Spark's stateful operators dropped as late ({@code numRowsDroppedByWatermark});</li>
 *   <li>commits each finished micro-batch's end offsets as the offsets of consumer group
 *       {@code appId} (with a watermark: only those of a batch without new rows, which follows the
 *       batch that moved the watermark and writes the windows it closed). Spark keeps its offsets in its checkpoint and commits none to Kafka; the
 *       harness tells that a program consumed its input from that group's committed offsets, so
 *       without this an incomplete result would only end at the run's time-out.</li>
 * </ul>
 */
final class ProgressListener extends StreamingQueryListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String group;
    private final Admin admin;
    private final AtomicLong late = new AtomicLong();

    ProgressListener(String bootstrapServers, String group) {
        this.group = group;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(properties);
    }

    /** Rows dropped as late so far. */
    long lateRows() {
        return late.get();
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        // nothing to follow yet
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        for (StateOperatorProgress operator : event.progress().stateOperators()) {
            late.addAndGet(operator.numRowsDroppedByWatermark());
        }
        if (event.progress().eventTime().containsKey("watermark") && event.progress().numInputRows() > 0) {
            // a query with a watermark writes what a batch's data finalised only in the batch after
            // it (the no-data batch run once the watermark moved): the input counts as consumed when
            // a batch without new rows has finished, not before
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (SourceProgress source : event.progress().sources()) {
            offsets.putAll(offsets(source.endOffset()));
        }
        if (!offsets.isEmpty()) {
            try {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("could not report the offsets of " + group + ": " + e);
            }
        }
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        event.exception().foreach(message -> {
            System.err.println("the query failed: " + message);
            return null;
        });
    }

    /** The Kafka source's offset JSON, {@code {"topic":{"0":123,"1":456}}}. */
    static Map<TopicPartition, OffsetAndMetadata> offsets(String json) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        if (json == null || json.isBlank()) {
            return offsets;
        }
        try {
            JsonNode root = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> topics = root.fields(); topics.hasNext(); ) {
                Map.Entry<String, JsonNode> topic = topics.next();
                for (Iterator<Map.Entry<String, JsonNode>> partitions = topic.getValue().fields(); partitions.hasNext(); ) {
                    Map.Entry<String, JsonNode> partition = partitions.next();
                    offsets.put(new TopicPartition(topic.getKey(), Integer.parseInt(partition.getKey())),
                            new OffsetAndMetadata(partition.getValue().asLong()));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("unreadable source offsets " + json + ": " + e);
        }
        return offsets;
    }

    void close() {
        admin.close();
    }
}
