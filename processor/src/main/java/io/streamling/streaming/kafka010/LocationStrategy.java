package io.streamling.streaming.kafka010;

/**
 * Where Spark schedules the consumers of a direct stream. Streamling has no executors to choose
 * from: Kafka Streams assigns each topic partition to a task. Kept so that Spark programs compile.
 */
public final class LocationStrategy {

    static final LocationStrategy ANY = new LocationStrategy();

    private LocationStrategy() {
    }
}
