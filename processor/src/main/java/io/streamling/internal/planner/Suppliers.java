package io.streamling.internal.planner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** Processor suppliers that bring their own state stores, so each builder stays one call. */
final class Suppliers {

    private Suppliers() {
    }

    static <K, V> ProcessorSupplier<Object, Object, K, V> of(
            Supplier<Processor<Object, Object, K, V>> factory, StoreBuilder<?>... stores) {
        // ordered, so Topology.describe() lists stores the same way every run
        Set<StoreBuilder<?>> storeSet = new LinkedHashSet<>(List.of(stores));
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Object, Object, K, V> get() {
                return factory.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return storeSet.isEmpty() ? null : storeSet;
            }
        };
    }
}
