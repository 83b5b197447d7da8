package io.streamling.internal.runtime;

import io.streamling.internal.serde.ElementSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The two kinds of state store operators use, both RocksDB-backed with a changelog so that a
 * restarted task resumes where the committed state says: a small progress store (watermarks,
 * closed batches) and a batch store keyed by {@link BatchKeys}. Batch stores are cached, so the
 * per-record updates of an open batch stay in memory and reach RocksDB and the changelog once
 * per commit.
 */
public final class OperatorStores {

    private OperatorStores() {
    }

    /** The progress store of {@code operator}. */
    public static StoreBuilder<KeyValueStore<String, Object>> progress(String operator) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(progressName(operator)),
                Serdes.String(), ElementSerde.INSTANCE);
    }

    /** The batch store of {@code operator}. */
    public static StoreBuilder<KeyValueStore<Bytes, Object>> batches(String operator) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(batchesName(operator)),
                Serdes.Bytes(), ElementSerde.INSTANCE).withCachingEnabled();
    }

    /**
     * The batch store of {@code operator} as a {@link BatchStore}, for operators that update an
     * entry per record (folds, lists of values).
     */
    public static StoreBuilder<BatchStore> bufferedBatches(String operator) {
        return new BufferedStoreBuilder<>(batchesName(operator), BatchStore::new);
    }

    /** A {@link BufferedStore} of {@code name}: per-key state such as {@code updateStateByKey}'s. */
    public static StoreBuilder<BufferedStore> keyed(String name) {
        return new BufferedStoreBuilder<>(name, BufferedStore::new);
    }

    static String progressName(String operator) {
        return operator + "-progress";
    }

    static String batchesName(String operator) {
        return operator + "-batches";
    }
}
