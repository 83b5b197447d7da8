package io.streamling.internal.runner;

import io.streamling.internal.runtime.SourceLag;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads source-partition lags from the consumer metrics of the running Kafka Streams
 * application ({@code records-lag}, recorded at every fetch). A partition is caught up when its
 * latest lag is zero; one never fetched yet is not.
 *
 * <p>Every task asks at each punctuation, and {@code KafkaStreams.metrics()} builds a map of every
 * metric of every client at each call, so the lag metrics found are kept and read live; the map is
 * scanned again every {@link #RESCAN_MS} (metrics come and go with rebalances), or sooner, at most
 * every {@link #MISSING_RESCAN_MS}, while a partition asked about has no metric yet.
 */
final class ConsumerLagProbe implements SourceLag {

    static final long RESCAN_MS = 1_000;
    static final long MISSING_RESCAN_MS = 50;
    private static final String LAG_METRIC = "records-lag";
    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final LongSupplier clock;
    private Map<String, Metric> lagMetrics = Map.of();
    private long scannedAt = Long.MIN_VALUE / 2;

    ConsumerLagProbe(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        this(metrics, System::currentTimeMillis);
    }

    ConsumerLagProbe(Supplier<Map<MetricName, ? extends Metric>> metrics, LongSupplier clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public synchronized boolean caughtUp(String topic, int partition) {
        // the consumer reports topic names with '.' replaced by '_'
        String key = key(topic.replace('.', '_'), Integer.toString(partition));
        Metric lag = lagMetrics.get(key);
        long sinceScan = clock.getAsLong() - scannedAt;
        if (sinceScan >= RESCAN_MS || lag == null && sinceScan >= MISSING_RESCAN_MS) {
            lagMetrics = scanLagMetrics();
            scannedAt = clock.getAsLong();
            lag = lagMetrics.get(key);
        }
        return lag != null && lag.metricValue() instanceof Double value && value <= 0;
    }

    private Map<String, Metric> scanLagMetrics() {
        Map<String, Metric> found = new HashMap<>();
        metrics.get().forEach((name, metric) -> {
            if (LAG_METRIC.equals(name.name()) && FETCH_GROUP.equals(name.group())
                    && name.tags().containsKey("partition")) {
                found.put(key(name.tags().get("topic"), name.tags().get("partition")), metric);
            }
        });
        return found;
    }

    private static String key(String topic, String partition) {
        return topic + "/" + partition;
    }
}
