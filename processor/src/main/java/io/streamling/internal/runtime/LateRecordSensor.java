package io.streamling.internal.runtime;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The {@code late-records-total} and {@code late-records-rate} metrics of one operator in one
 * task (group {@code streamling-operator-metrics}), published with the application's metrics
 * ({@code KafkaStreams#metrics()}, JMX).
 */
final class LateRecordSensor implements AutoCloseable {

    static final String GROUP = "streamling-operator-metrics";

    private final ProcessorContext<?, ?> context;
    private final Sensor sensor;

    LateRecordSensor(ProcessorContext<?, ?> context, String operator) {
        this.context = context;
        String task = context.taskId().toString();
        Map<String, String> tags = Map.of("task-id", task, "operator", operator);
        this.sensor = context.metrics().addSensor("streamling." + task + "." + operator + ".late-records",
                Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName("late-records-total", GROUP,
                "Records that arrived after their batch had closed, dropped or sent to the late-data topic", tags),
                new CumulativeCount());
        sensor.add(new MetricName("late-records-rate", GROUP, "Late records per second", tags), new Rate());
    }

    void record() {
        sensor.record();
    }

    @Override
    public void close() {
        context.metrics().removeSensor(sensor);
    }
}
