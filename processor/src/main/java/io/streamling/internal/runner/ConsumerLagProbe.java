package io.streamling.internal.runner;

import io.streamling.internal.runtime.SourceLag;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads source-partition lags from the consumer metrics of the running Kafka Streams
 * application ({@code records-lag}, recorded at every fetch). A partition is caught up when its
 * latest lag is zero; one never fetched yet is not. Reads are cached briefly: every task asks at
 * each punctuation.
 */
final class ConsumerLagProbe implements SourceLag {

    private static final String LAG_METRIC = "records-lag";
    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
    private static final long REFRESH_MS = 50;

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private Map<String, Double> lags = Map.of();
    private long refreshedAt;

    ConsumerLagProbe(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        this.metrics = metrics;
    }

    @Override
    public synchronized boolean caughtUp(String topic, int partition) {
        long now = System.currentTimeMillis();
        if (now - refreshedAt >= REFRESH_MS) {
            lags = readLags();
            refreshedAt = now;
        }
        Double lag = lags.get(key(topic.replace('.', '_'), Integer.toString(partition)));
        return lag != null && lag <= 0;
    }

    private Map<String, Double> readLags() {
        Map<String, Double> read = new HashMap<>();
        metrics.get().forEach((name, metric) -> {
            if (LAG_METRIC.equals(name.name()) && FETCH_GROUP.equals(name.group())
                    && name.tags().containsKey("partition") && metric.metricValue() instanceof Double value) {
                // the consumer reports topic names with '.' replaced by '_'
                read.put(key(name.tags().get("topic"), name.tags().get("partition")), value);
            }
        });
        return read;
    }

    private static String key(String topic, String partition) {
        return topic + "/" + partition;
    }
}
