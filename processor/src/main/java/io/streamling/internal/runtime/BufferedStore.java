package io.streamling.internal.runtime;

import io.streamling.internal.serde.ElementSerde;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A RocksDB store with a changelog, behind a write-back buffer of live objects, for per-key state
 * that lives across batches ({@code updateStateByKey}'s and {@code mapWithState}'s states, the
 * windows of an inverse-reduced window): updates touch only a hash map, and reach RocksDB and the
 * changelog once per commit, an entry at a time — and not at all for entries created and deleted
 * between two commits. The entries of open batches are kept by {@link BatchStore} instead.
 *
 * <p>Why not Kafka Streams' record cache: it keeps serialized bytes in a sorted map, so every
 * update deserializes and reserializes the value and pays a tree lookup; profiles of the word counts
 * put a third of the stream thread there.
 *
 * <p>Crash safety is {@link BufferingStore}'s: the buffer reaches RocksDB before the task commits.
 *
 * <p>Values handed out by {@link #get} are the buffered objects themselves: an operator may update
 * them in place and must then {@link #put} them again to mark them changed.
 *
 * <p>While the buffer holds every entry of the store ("complete": the store was empty at first use,
 * or {@link #all} loaded it, as the per-key state of a running count is once per batch), reads need
 * RocksDB no more: a key missing from the buffer is missing, and {@link #all} walks the buffer in a key order kept between calls instead of scanning RocksDB and
 * sorting every key each batch. Overflowing the buffer ends that until the next {@link #all}.
 */
public final class BufferedStore extends BufferingStore {

    /** Beyond this many buffered keys, the buffer is written out and emptied. */
    static final int MAX_BUFFERED_ENTRIES = 50_000;

    private static final byte[] UNKNOWN = new byte[0];

    private final Map<Bytes, Entry> buffer = new HashMap<>();
    /** Whether the buffer holds every entry of the inner store; null until checked at first use. */
    private Boolean complete;
    /** Whether loading the whole store failed (too many entries) since the last flush: not retried before it. */
    private boolean loadFailed;
    /** The live keys in order as of the last {@link #all} (some may have been deleted since), or null. */
    private List<Bytes> ordered;
    /** The keys that became live since {@link #ordered} was built. */
    private final List<Bytes> becameLive = new ArrayList<>();

    /** A buffered key: its current value (null once deleted) and what the inner store holds. */
    private static final class Entry {
        Object value;
        /** The inner store's bytes for the key, null when it has none, {@link #UNKNOWN} when not looked up. */
        byte[] stored;
        boolean dirty;

        Entry(Object value, byte[] stored, boolean dirty) {
            this.value = value;
            this.stored = stored;
            this.dirty = dirty;
        }
    }

    BufferedStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** The value of {@code key}, or null. */
    public Object get(Bytes key) {
        Entry entry = buffer.get(key);
        if (entry != null) {
            return entry.value;
        }
        if (complete()) {
            return null;
        }
        byte[] stored = inner.get(key);
        Object value = stored == null ? null : ElementSerde.INSTANCE.deserialize(null, stored);
        buffer.put(key, new Entry(value, stored, false));
        return value;
    }

    /** Sets the value of {@code key} (not null). */
    public void put(Bytes key, Object value) {
        Entry entry = buffer.get(key);
        if (entry == null) {
            // what the store holds decides whether a later delete must reach the changelog
            buffer.put(key, new Entry(value, complete() ? null : inner.get(key), true));
            becameLive(key);
            evictIfFull();
        } else {
            if (entry.value == null) {
                becameLive(key);
            }
            entry.value = value;
            entry.dirty = true;
        }
    }

    /** Removes {@code key}. */
    public void delete(Bytes key) {
        Entry entry = buffer.get(key);
        if (entry == null) {
            if (complete()) {
                return; // not stored either
            }
            buffer.put(key, new Entry(null, UNKNOWN, true));
            evictIfFull();
        } else if (entry.stored == null) {
            buffer.remove(key); // never written out: nothing to delete
        } else {
            entry.value = null;
            entry.dirty = true;
        }
    }

    /** Every entry, in key order. */
    public List<KeyValue<Bytes, Object>> all() {
        if (!complete() && !loadAll()) {
            try (KeyValueIterator<Bytes, byte[]> stored = inner.all()) {
                return merged(stored);
            }
        }
        List<Bytes> keys = liveKeysInOrder();
        List<KeyValue<Bytes, Object>> entries = new ArrayList<>(keys.size());
        for (Bytes key : keys) {
            entries.add(KeyValue.pair(key, buffer.get(key).value));
        }
        return entries;
    }

    /** Whether the buffer holds every entry of the inner store, checked once (after any restoration). */
    private boolean complete() {
        if (complete == null) {
            try (KeyValueIterator<Bytes, byte[]> stored = inner.all()) {
                complete = buffer.isEmpty() && !stored.hasNext();
            }
        }
        return complete;
    }

    /**
     * Buffers every stored entry not buffered yet, unless that would overflow the buffer; returns
     * whether the buffer is now complete.
     */
    private boolean loadAll() {
        if (loadFailed) {
            return false;
        }
        List<KeyValue<Bytes, byte[]>> missing = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> stored = inner.all()) {
            while (stored.hasNext()) {
                KeyValue<Bytes, byte[]> next = stored.next();
                if (!buffer.containsKey(next.key)) {
                    if (buffer.size() + missing.size() >= MAX_BUFFERED_ENTRIES) {
                        loadFailed = true;
                        return false;
                    }
                    missing.add(next);
                }
            }
        }
        for (KeyValue<Bytes, byte[]> entry : missing) {
            buffer.put(entry.key, new Entry(ElementSerde.INSTANCE.deserialize(null, entry.value), entry.value, false));
        }
        complete = true;
        ordered = null;
        return true;
    }

    private void becameLive(Bytes key) {
        if (ordered != null) {
            becameLive.add(key);
        }
    }

    /**
     * The live keys in order: the order of the previous call without the keys deleted since, merged
     * with the keys that became live since (sorted on their own) — a running state sorts only its
     * new keys each batch.
     */
    private List<Bytes> liveKeysInOrder() {
        List<Bytes> merged;
        if (ordered == null) {
            merged = new ArrayList<>();
            buffer.forEach((key, entry) -> {
                if (entry.value != null) {
                    merged.add(key);
                }
            });
            merged.sort(Bytes::compareTo);
        } else {
            becameLive.sort(Bytes::compareTo);
            merged = new ArrayList<>(ordered.size() + becameLive.size());
            int a = 0;
            int b = 0;
            while (a < ordered.size() || b < becameLive.size()) {
                Bytes next = b == becameLive.size()
                        || (a < ordered.size() && ordered.get(a).compareTo(becameLive.get(b)) <= 0)
                        ? ordered.get(a++) : becameLive.get(b++);
                Entry entry = buffer.get(next);
                // a key deleted and put again is in both lists: keep it once
                if (entry != null && entry.value != null
                        && (merged.isEmpty() || !merged.get(merged.size() - 1).equals(next))) {
                    merged.add(next);
                }
            }
        }
        becameLive.clear();
        ordered = merged;
        return merged;
    }

    /**
     * The buffered entries merged with those of the store (in key order), buffered ones winning: one
     * sort of the buffered part and one merge, not a sorted map of everything.
     */
    private List<KeyValue<Bytes, Object>> merged(Iterator<KeyValue<Bytes, byte[]>> stored) {
        List<KeyValue<Bytes, Object>> buffered = new ArrayList<>();
        buffer.forEach((key, entry) -> {
            if (entry.value != null) {
                buffered.add(KeyValue.pair(key, entry.value));
            }
        });
        buffered.sort((a, b) -> a.key.compareTo(b.key));
        List<KeyValue<Bytes, Object>> entries = new ArrayList<>(buffered.size());
        int next = 0;
        while (stored.hasNext()) {
            KeyValue<Bytes, byte[]> kv = stored.next();
            if (buffer.containsKey(kv.key)) {
                continue;
            }
            while (next < buffered.size() && buffered.get(next).key.compareTo(kv.key) < 0) {
                entries.add(buffered.get(next++));
            }
            entries.add(KeyValue.pair(kv.key, ElementSerde.INSTANCE.deserialize(null, kv.value)));
        }
        entries.addAll(buffered.subList(next, buffered.size()));
        return entries;
    }

    /** Writes the changed entries to the inner store (and so to its changelog). */
    @Override
    public void flushCache() {
        loadFailed = false;
        Iterator<Map.Entry<Bytes, Entry>> entries = buffer.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Bytes, Entry> next = entries.next();
            Entry entry = next.getValue();
            if (!entry.dirty) {
                continue;
            }
            if (entry.value == null) {
                if (entry.stored != null) {
                    inner.delete(next.getKey());
                }
                entries.remove();
                continue;
            }
            byte[] bytes = ElementSerde.INSTANCE.serialize(null, entry.value);
            if (entry.stored == UNKNOWN || !Arrays.equals(bytes, entry.stored)) {
                inner.put(next.getKey(), bytes); // an unchanged value costs no write and no changelog record
            }
            entry.stored = bytes;
            entry.dirty = false;
        }
    }

    private void evictIfFull() {
        if (buffer.size() > MAX_BUFFERED_ENTRIES) {
            flushCache();
            buffer.clear();
            complete = false;
            forgetOrder();
        }
    }

    private void forgetOrder() {
        ordered = null;
        becameLive.clear();
    }

    @Override
    public void clearCache() {
        buffer.clear();
        complete = null;
        forgetOrder();
    }
}
