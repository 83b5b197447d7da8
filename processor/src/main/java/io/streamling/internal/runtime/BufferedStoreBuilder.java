package io.streamling.internal.runtime;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a store that buffers live objects ({@link BufferedStore}, {@link BatchStore}) over a
 * RocksDB store of the same name with a changelog. The buffer is the store's cache, so Kafka
 * Streams' own record cache is never added.
 *
 * @param <S> the buffering store
 */
final class BufferedStoreBuilder<S extends StateStore> implements StoreBuilder<S> {

    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;
    private final Function<KeyValueStore<Bytes, byte[]>, S> buffering;

    /**
     * @param name the store's name
     * @param buffering puts the buffering store in front of the RocksDB store
     */
    BufferedStoreBuilder(String name, Function<KeyValueStore<Bytes, byte[]>, S> buffering) {
        this(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray()),
                buffering);
    }

    private BufferedStoreBuilder(StoreBuilder<KeyValueStore<Bytes, byte[]>> inner,
                                 Function<KeyValueStore<Bytes, byte[]>, S> buffering) {
        this.inner = inner;
        this.buffering = buffering;
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        return new BufferedStoreBuilder<>(inner.withLoggingEnabled(config), buffering);
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
        return new BufferedStoreBuilder<>(inner.withLoggingDisabled(), buffering);
    }

    @Override
    public S build() {
        return buffering.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
