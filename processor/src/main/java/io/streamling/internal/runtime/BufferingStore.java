package io.streamling.internal.runtime;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A buffer of live objects in front of a RocksDB store with a changelog ({@link BufferedStore},
 * {@link BatchStore}). Everything but the buffer is the inner store's.
 *
 * <p>Crash safety: the buffer is written to the inner store in {@link #flushCache()}, which Kafka
 * Streams calls for every {@link CachedStateStore} of a task before it commits the task's output
 * and input offsets (at-least-once and exactly-once alike); a crash before that loses the buffer
 * together with the uncommitted input, which is then processed again. The buffer is dropped
 * whenever the store is opened (a revived task restores it first), cleared or closed. {@code
 * CachedStateStore} is an interface of Kafka Streams' internals, the hook its own caching stores
 * use; the Kafka version is pinned and {@code ExactlyOnceRestartIT} fails if the hook is missed.
 */
abstract class BufferingStore implements StateStore, CachedStateStore<Bytes, byte[]> {

    protected final KeyValueStore<Bytes, byte[]> inner;

    BufferingStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    /** Writes what changed in the buffer to the inner store (and so to its changelog). */
    @Override
    public abstract void flushCache();

    /** Forgets the buffer, without writing it. */
    @Override
    public abstract void clearCache();

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // a revived task initialises its stores again, and restores them before it processes
        clearCache();
        inner.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        flushCache();
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public void close() {
        clearCache();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
