package io.streamling.internal.runtime;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a {@link BufferedStore} over a RocksDB store of the same name with a changelog. The
 * buffer is the store's cache, so Kafka Streams' own record cache is never added.
 */
final class BufferedStoreBuilder implements StoreBuilder<BufferedStore> {

    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;

    BufferedStoreBuilder(String name) {
        this(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray()));
    }

    private BufferedStoreBuilder(StoreBuilder<KeyValueStore<Bytes, byte[]>> inner) {
        this.inner = inner;
    }

    @Override
    public StoreBuilder<BufferedStore> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<BufferedStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<BufferedStore> withLoggingEnabled(Map<String, String> config) {
        return new BufferedStoreBuilder(inner.withLoggingEnabled(config));
    }

    @Override
    public StoreBuilder<BufferedStore> withLoggingDisabled() {
        return new BufferedStoreBuilder(inner.withLoggingDisabled());
    }

    @Override
    public BufferedStore build() {
        return new BufferedStore(inner.build());
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
