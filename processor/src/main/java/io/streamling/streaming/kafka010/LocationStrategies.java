package io.streamling.streaming.kafka010;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Spark's {@code LocationStrategies}. Every strategy is the same here: Kafka Streams assigns
 * partitions to tasks (see {@link LocationStrategy}).
 */
public final class LocationStrategies {

    private LocationStrategies() {
    }

    /** Spark's default: partitions spread over the executors. */
    public static LocationStrategy PreferConsistent() {
        return LocationStrategy.ANY;
    }

    /** Spark's choice when executors run on the brokers. */
    public static LocationStrategy PreferBrokers() {
        return LocationStrategy.ANY;
    }

    /** Spark's placement of given partitions on given hosts. */
    public static LocationStrategy PreferFixed(Map<TopicPartition, String> hostMap) {
        return LocationStrategy.ANY;
    }
}
