package io.streamling.internal.runtime;

import io.streamling.internal.serde.ElementSerde;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-batch entries of an operator (keys made by {@link BatchKeys}: a batch, then an element
 * key), held in memory as live objects per batch and stored a <em>batch at a time</em>: at each
 * commit every batch changed since the last one is written to RocksDB (and so to its changelog) as
 * a few records of up to {@link #CHUNK_BYTES}, and a batch that is gone is deleted the same way.
 *
 * <p>Why not one record per entry, as {@link BufferedStore} keeps per-key state: the entries of a
 * batch live only until the batch closes, and a step that waits for a slower input (a shuffle whose
 * producers run on different threads reads one producer's batches long before the other's) holds
 * many open batches across commits. Written an entry at a time, each of them cost a RocksDB put, a
 * changelog record, a RocksDB delete and a tombstone; written a batch at a time, a batch that is
 * complete on one side and waits for the other is written once, as one or a few records.
 *
 * <p>Crash safety is {@link BufferingStore}'s: the changed batches reach RocksDB before the task
 * commits. A batch found in RocksDB (a restarted task) is read
 * back whole when one of its keys is first used.
 */
public final class BatchStore extends BufferingStore {

    /** A stored record of a batch holds about this many bytes at most (one entry may exceed it). */
    static final int CHUNK_BYTES = 1 << 20;
    /**
     * Beyond this many entries in memory, every batch but the one being filled is written out and
     * dropped from memory. That one stays: a batch is handed to its operator whole when it closes,
     * so it must fit in memory anyway, and writing it out would only read it back at its next entry.
     */
    static final int MAX_BUFFERED_ENTRIES = BufferedStore.MAX_BUFFERED_ENTRIES;

    /** The batches in memory, each whole. */
    private final NavigableMap<Long, Batch> inMemory = new TreeMap<>();
    /** The batches RocksDB holds that are not in memory: how many records each; null until read. */
    private NavigableMap<Long, Integer> onlyStored;
    private int bufferedEntries;
    /** The batch used last and its number: records mostly come batch after batch. */
    private Batch lastBatch;
    private long lastNumber;

    /**
     * One batch: its live entries, and how it stands with RocksDB. The entries keep their insertion
     * order: entries put in key order (the results of a reduce, a collected batch's sequence) are
     * then sorted by {@link #range} in one pass instead of n log n comparisons.
     */
    private static final class Batch {
        final Map<Bytes, Object> entries;
        /** How many records RocksDB holds for the batch. */
        int storedRecords;
        boolean dirty;

        /** @param expectedEntries how many entries the batch will likely hold, so its map need not grow */
        Batch(int storedRecords, int expectedEntries) {
            this.storedRecords = storedRecords;
            this.entries = new LinkedHashMap<>(Math.max(16, (int) (expectedEntries / 0.75f) + 1));
        }
    }

    BatchStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** The value of {@code key}, or null. */
    public Object get(Bytes key) {
        Batch batch = batch(BatchKeys.batchOf(key), false);
        return batch == null ? null : batch.entries.get(key);
    }

    /** Sets the value of {@code key} (not null); the object is kept, so an operator may update it in place. */
    public void put(Bytes key, Object value) {
        Batch batch = batch(BatchKeys.batchOf(key), true);
        if (batch.entries.put(key, value) == null) {
            bufferedEntries++;
        }
        batch.dirty = true;
        if (bufferedEntries > MAX_BUFFERED_ENTRIES && inMemory.size() > 1) {
            writeOutAllBut(BatchKeys.batchOf(key));
        }
    }

    /** Removes {@code key}. */
    public void delete(Bytes key) {
        long number = BatchKeys.batchOf(key);
        Batch batch = batch(number, false);
        if (batch != null && batch.entries.remove(key) != null) {
            bufferedEntries--;
            batch.dirty = true;
            if (batch.entries.isEmpty() && batch.storedRecords == 0) {
                inMemory.remove(number); // never written: nothing to delete
                lastBatch = null;
            }
        }
    }

    /**
     * The entries of the batches in {@code [from, to)}, in key order.
     *
     * @param from the {@link BatchKeys#lowerBound} of the first batch
     * @param to the {@link BatchKeys#lowerBound} of the batch after the last
     */
    public List<KeyValue<Bytes, Object>> range(Bytes from, Bytes to) {
        List<KeyValue<Bytes, Object>> found = new ArrayList<>();
        for (Batch batch : batches(from, to)) {
            batch.entries.forEach((key, value) -> found.add(KeyValue.pair(key, value)));
        }
        found.sort((a, b) -> a.key.compareTo(b.key));
        return found;
    }

    /** Whether any of the batches in {@code [from, to)} (as for {@link #range}) has an entry. */
    public boolean hasAny(Bytes from, Bytes to) {
        return batches(from, to).stream().anyMatch(batch -> !batch.entries.isEmpty());
    }

    /** The batches in {@code [from, to)}, read from RocksDB where only there. */
    private List<Batch> batches(Bytes from, Bytes to) {
        if (!BatchKeys.isBatchBound(from) || !BatchKeys.isBatchBound(to)) {
            throw new IllegalArgumentException("A range of " + name() + " must be bounded by whole batches");
        }
        long first = BatchKeys.batchOf(from);
        long end = BatchKeys.batchOf(to);
        for (Long stored : new ArrayList<>(stored().subMap(first, end).keySet())) {
            batch(stored, false);
        }
        return new ArrayList<>(inMemory.subMap(first, end).values());
    }

    /** Batch {@code number} in memory, read from RocksDB if stored there; if absent, created or null. */
    private Batch batch(long number, boolean create) {
        if (lastBatch != null && lastNumber == number) {
            return lastBatch;
        }
        Batch batch = inMemory.get(number);
        if (batch == null) {
            batch = readOrCreate(number, create);
        }
        if (batch != null) {
            lastBatch = batch;
            lastNumber = number;
        }
        return batch;
    }

    private Batch readOrCreate(long number, boolean create) {
        Batch batch;
        Integer records = stored().remove(number);
        if (records != null) {
            batch = read(number, records);
        } else if (create) {
            // a new batch usually holds about as many keys as the one before it
            batch = new Batch(0, lastBatch == null ? 0 : lastBatch.entries.size());
        } else {
            return null;
        }
        inMemory.put(number, batch);
        return batch;
    }

    /** The batches only RocksDB holds, found by reading it once (after any restoration). */
    private NavigableMap<Long, Integer> stored() {
        if (onlyStored == null) {
            onlyStored = new TreeMap<>();
            try (KeyValueIterator<Bytes, byte[]> records = inner.all()) {
                records.forEachRemaining(record -> onlyStored.merge(BatchKeys.batchOf(record.key), 1, Integer::sum));
            }
            inMemory.keySet().forEach(onlyStored::remove);
        }
        return onlyStored;
    }

    private Batch read(long number, int records) {
        Batch batch = new Batch(records, 0);
        for (int i = 0; i < records; i++) {
            byte[] bytes = inner.get(BatchKeys.key(number, i));
            if (bytes == null) {
                throw new IllegalStateException("Record " + i + " of batch " + number + " of " + name() + " is missing");
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            while (in.hasRemaining()) {
                Bytes key = Bytes.wrap(readBytes(in));
                batch.entries.put(key, ElementSerde.INSTANCE.deserialize(null, readBytes(in)));
                bufferedEntries++;
            }
        }
        return batch;
    }

    private static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    /** Writes every changed batch to RocksDB (and so to its changelog). */
    @Override
    public void flushCache() {
        var batches = inMemory.entrySet().iterator();
        while (batches.hasNext()) {
            var next = batches.next();
            Batch batch = next.getValue();
            if (batch.dirty) {
                write(next.getKey(), batch);
                if (batch.entries.isEmpty()) {
                    batches.remove();
                    lastBatch = null;
                }
            }
        }
    }

    private void write(long number, Batch batch) {
        List<byte[]> records = encode(batch.entries);
        for (int i = 0; i < records.size(); i++) {
            inner.put(BatchKeys.key(number, i), records.get(i));
        }
        for (int i = records.size(); i < batch.storedRecords; i++) {
            inner.delete(BatchKeys.key(number, i));
        }
        batch.storedRecords = records.size();
        batch.dirty = false;
    }

    /** The entries as records of about {@link #CHUNK_BYTES}: per entry its key and its value, each length-prefixed. */
    private static List<byte[]> encode(Map<Bytes, Object> entries) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(record);
        try {
            for (Map.Entry<Bytes, Object> entry : entries.entrySet()) {
                byte[] key = entry.getKey().get();
                byte[] value = ElementSerde.INSTANCE.serialize(null, entry.getValue());
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(value.length);
                out.write(value);
                if (record.size() >= CHUNK_BYTES) {
                    records.add(record.toByteArray());
                    record.reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never thrown by an in-memory stream
        }
        if (record.size() > 0) {
            records.add(record.toByteArray());
        }
        return records;
    }

    /** Writes every batch but {@code kept} out and drops it from memory: it is read back when next used. */
    private void writeOutAllBut(long kept) {
        Batch keep = inMemory.remove(kept);
        inMemory.forEach((number, batch) -> {
            if (batch.dirty) {
                write(number, batch);
            }
            if (batch.storedRecords > 0) {
                stored().put(number, batch.storedRecords);
            }
        });
        forget();
        inMemory.put(kept, keep);
        bufferedEntries = keep.entries.size();
    }

    /** How many entries each batch holds, by batch number, reading the batches only RocksDB holds. */
    public NavigableMap<Long, Integer> sizes() {
        for (Long stored : new ArrayList<>(stored().keySet())) {
            batch(stored, false);
        }
        NavigableMap<Long, Integer> sizes = new TreeMap<>();
        inMemory.forEach((number, batch) -> {
            if (!batch.entries.isEmpty()) {
                sizes.put(number, batch.entries.size());
            }
        });
        return sizes;
    }

    private void forget() {
        inMemory.clear();
        lastBatch = null;
        bufferedEntries = 0;
    }

    @Override
    public void clearCache() {
        forget();
        onlyStored = null;
    }
}
