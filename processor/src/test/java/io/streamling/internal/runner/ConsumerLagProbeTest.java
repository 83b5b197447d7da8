package io.streamling.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConsumerLagProbeTest {

    private final Map<MetricName, Metric> registry = new LinkedHashMap<>();
    private final AtomicInteger scans = new AtomicInteger();
    private long now = 0;
    private final ConsumerLagProbe probe = new ConsumerLagProbe(() -> {
        scans.incrementAndGet();
        return new LinkedHashMap<>(registry);
    }, () -> now);

    @Test
    void shouldReadTheLagLiveBetweenScansOfTheMetrics() {
        // given a partition whose consumer still lags
        double[] lag = {120.0};
        register("lines.in", 0, () -> lag[0]);
        assertThat(probe.caughtUp("lines.in", 0)).isFalse();

        // when it catches up, before the next scan of the metrics
        lag[0] = 0.0;
        now += ConsumerLagProbe.RESCAN_MS - 1;

        // then the probe sees it, from the metric it kept
        assertThat(probe.caughtUp("lines.in", 0)).isTrue();
        assertThat(scans).hasValue(1);
    }

    @Test
    void shouldScanAgainForAPartitionWithoutAMetricAtMostEveryFiftyMilliseconds() {
        // given a partition not fetched yet: no metric, not caught up
        assertThat(probe.caughtUp("lines", 1)).isFalse();
        register("lines", 1, () -> 0.0);

        // when asked again within the short interval, the metrics are not scanned again
        now += ConsumerLagProbe.MISSING_RESCAN_MS - 1;
        assertThat(probe.caughtUp("lines", 1)).isFalse();
        assertThat(scans).hasValue(1);

        // then after it, the new metric is found
        now += 1;
        assertThat(probe.caughtUp("lines", 1)).isTrue();
        assertThat(scans).hasValue(2);
    }

    @Test
    void shouldDropAMetricThatIsGoneAtTheNextScan() {
        // given a caught-up partition
        register("lines", 0, () -> 0.0);
        assertThat(probe.caughtUp("lines", 0)).isTrue();

        // when its metric is removed (a rebalance took the partition away) and the metrics are scanned again
        registry.clear();
        now += ConsumerLagProbe.RESCAN_MS;

        // then it no longer counts as caught up
        assertThat(probe.caughtUp("lines", 0)).isFalse();
    }

    @Test
    void shouldIgnoreOtherMetricsAndLagsOfAnotherGroup() {
        // given a lag metric of another group and another metric of the fetch group
        registry.put(new MetricName("records-lag", "other-group", "", Map.of("topic", "lines", "partition", "0")),
                metric(() -> 0.0));
        registry.put(new MetricName("records-lag-max", "consumer-fetch-manager-metrics", "",
                Map.of("topic", "lines", "partition", "0")), metric(() -> 0.0));

        // then the partition has no lag to go by
        assertThat(probe.caughtUp("lines", 0)).isFalse();
    }

    private void register(String topic, int partition, DoubleSupplier lag) {
        // the consumer reports topic names with '.' replaced by '_'
        registry.put(new MetricName("records-lag", "consumer-fetch-manager-metrics", "",
                Map.of("topic", topic.replace('.', '_'), "partition", Integer.toString(partition))), metric(lag));
    }

    private static Metric metric(DoubleSupplier value) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return null;
            }

            @Override
            public Object metricValue() {
                return value.getAsDouble();
            }
        };
    }
}
