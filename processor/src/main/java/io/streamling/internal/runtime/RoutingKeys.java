package io.streamling.internal.runtime;

import io.streamling.api.Tuple2;

/**
 * The record key every element carries inside a program. Kafka Streams drops records with a
 * null key on their way into a repartition topic, so no internal record may have one: a pair is
 * keyed by its key, a marker by itself, any other element by itself, and null by a stand-in.
 * The key only routes records; operators read elements from the value.
 */
final class RoutingKeys {

    /** Stands for a null element or a null pair key: it routes, it is never read back as data. */
    static final String NULL_KEY = "";

    private RoutingKeys() {
    }

    static Object of(Object element) {
        Object key = element instanceof Tuple2<?, ?> pair ? pair._1() : element;
        return key == null ? NULL_KEY : key;
    }
}
