package io.streamling.internal.runtime;

import io.streamling.api.Tuple2;
import io.streamling.internal.serde.ElementSerde;
import io.streamling.sql.Row;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-batch entries of an operator (an element key within a batch), held in memory as live
 * objects per batch and stored a <em>batch at a time</em>: at each commit every batch changed
 * since the last one is written to RocksDB (and so to its changelog) as a few records of up to
 * {@link #CHUNK_BYTES}, and a batch that is gone is deleted the same way.
 *
 * <p>Why not one record per entry, as {@link BufferedStore} keeps per-key state: the entries of a
 * batch live only until the batch closes, and a step that waits for a slower input (a shuffle whose
 * producers run on different threads reads one producer's batches long before the other's) holds
 * many open batches across commits. Written an entry at a time, each of them cost a RocksDB put, a
 * changelog record, a RocksDB delete and a tombstone; written a batch at a time, a batch that is
 * complete on one side and waits for the other is written once, as one or a few records.
 *
 * <p>Keys are held as the element keys themselves where their class compares by value (strings,
 * boxed numbers, rows, pairs of these): an update then costs the key's own hash, where a serialized
 * key cost an encoding and a hash of its bytes for every record. Other keys are held as their
 * ordered encoding ({@link ElementSerde#serializeOrderedKey}), so that keys equal in bytes are one
 * key as before. Either way a key is encoded once per batch, when the batch is read in order or
 * written out, and a range comes in the encoding's byte order.
 *
 * <p>Crash safety is {@link BufferingStore}'s: the changed batches reach RocksDB before the task
 * commits. A batch found in RocksDB (a restarted task) is read
 * back whole when one of its keys is first used.
 */
public final class BatchStore extends BufferingStore {

    /** A stored record of a batch holds about this many bytes at most (one entry may exceed it). */
    static final int CHUNK_BYTES = 1 << 20;
    /**
     * Beyond this many entries in memory, the batches used least recently are written out and
     * dropped from memory until half of it is left, never the one being filled: a batch is handed to
     * its operator whole when it closes, so it must fit in memory anyway, and writing it out would
     * only read it back at its next entry. Least recently used, not all but the current one: a step
     * fed by two producers at different batches (a shuffle, a collect) fills two batches in turn,
     * and writing out each when the other is used would read a whole batch back at every turn.
     */
    static final int MAX_BUFFERED_ENTRIES = BufferedStore.MAX_BUFFERED_ENTRIES;

    /** One entry of a {@link #range}: its batch start, its element key and its live value. */
    public static final class Entry {
        private final long batch;
        private final Object held;
        private final Object value;
        private Bytes orderedKey;

        private Entry(long batch, Object held, Object value) {
            this.batch = batch;
            this.held = held;
            this.value = value;
        }

        /** The batch start. */
        public long batch() {
            return batch;
        }

        /** The element key. */
        public Object key() {
            return held instanceof Bytes encoded ? ElementSerde.INSTANCE.deserializeOrderedKey(encoded.get()) : held;
        }

        /** The key's ordered encoding, by which {@link #range} sorts a batch; encoded when first asked. */
        public Bytes orderedKey() {
            if (orderedKey == null) {
                orderedKey = held instanceof Bytes encoded ? encoded
                        : Bytes.wrap(ElementSerde.INSTANCE.serializeOrderedKey(held));
            }
            return orderedKey;
        }

        /** The value, live: an operator may update it in place and put it again. */
        public Object value() {
            return value;
        }
    }

    /** The batches in memory, each whole. */
    private final NavigableMap<Long, Batch> inMemory = new TreeMap<>();
    /** The batches RocksDB holds that are not in memory: how many records each; null until read. */
    private NavigableMap<Long, Integer> onlyStored;
    private int bufferedEntries;
    /** The batch used last and its number: records mostly come batch after batch. */
    private Batch lastBatch;
    private long lastNumber;
    /** How many times the batch in use changed: the clock of {@link Batch#lastUsed}. */
    private long switches;

    /**
     * One batch: its live entries, and how it stands with RocksDB. The entries keep their insertion
     * order: entries put in key order (the results of a reduce, a collected batch's sequence) are
     * then sorted by {@link #range} in one pass instead of n log n comparisons.
     */
    private static final class Batch {
        /** By held key: the element key, or its ordered encoding as {@link Bytes} (see the class comment). */
        final Map<Object, Object> entries;
        /** How many records RocksDB holds for the batch. */
        int storedRecords;
        boolean dirty;
        /** When the batch was last used, as a count of batch switches: the least recent is written out first. */
        long lastUsed;

        /** @param expectedEntries how many entries the batch will likely hold, so its map need not grow */
        Batch(int storedRecords, int expectedEntries) {
            this.storedRecords = storedRecords;
            this.entries = new LinkedHashMap<>(Math.max(16, (int) (expectedEntries / 0.75f) + 1));
        }
    }

    BatchStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** Sets the value of {@code key} in {@code batch} (not null); the object is kept, so an operator may update it in place. */
    public void put(long batch, Object key, Object value) {
        update(batch, key, previous -> value);
    }

    /**
     * Sets the value of {@code key} in {@code batch} to {@code change} of its value (null if none), in
     * one lookup: a fold per record pays the key's hash once. The result must not be null; it is
     * kept, as by {@link #put}.
     */
    public void update(long batch, Object key, UnaryOperator<Object> change) {
        Batch found = batch(batch, true);
        int before = found.entries.size();
        found.entries.compute(heldKey(key), (held, value) -> change.apply(value));
        bufferedEntries += found.entries.size() - before;
        found.dirty = true;
        if (bufferedEntries > MAX_BUFFERED_ENTRIES && inMemory.size() > 1) {
            writeOutLeastRecentlyUsed(batch);
        }
    }

    /** Removes {@code key} from {@code batch}. */
    public void delete(long batch, Object key) {
        Batch found = batch(batch, false);
        if (found != null && found.entries.remove(heldKey(key)) != null) {
            bufferedEntries--;
            found.dirty = true;
            dropIfNeverWritten(batch, found);
        }
    }

    /** Removes every entry of the batches in {@code [fromBatch, toBatch)}, as an operator does that closed them. */
    public void deleteBatches(long fromBatch, long toBatch) {
        for (Map.Entry<Long, Batch> entry : inMemoryBatches(fromBatch, toBatch).entrySet()) {
            Batch batch = entry.getValue();
            if (!batch.entries.isEmpty()) {
                bufferedEntries -= batch.entries.size();
                batch.entries.clear();
                batch.dirty = true;
                dropIfNeverWritten(entry.getKey(), batch);
            }
        }
    }

    private void dropIfNeverWritten(long number, Batch batch) {
        if (batch.entries.isEmpty() && batch.storedRecords == 0) {
            inMemory.remove(number); // never written: nothing to delete
            lastBatch = null;
        }
    }

    /** The entries of the batches in {@code [fromBatch, toBatch)}: batch by batch, each in its keys' byte order. */
    public List<Entry> range(long fromBatch, long toBatch) {
        return entries(fromBatch, toBatch, true);
    }

    /**
     * The entries of the batches in {@code [fromBatch, toBatch)}, batch by batch, each in the order
     * its keys were first put (or read back): for a reader that does not keep the order, such as a
     * shuffle, which need not pay for a sort.
     */
    public List<Entry> entriesAsPut(long fromBatch, long toBatch) {
        return entries(fromBatch, toBatch, false);
    }

    private List<Entry> entries(long fromBatch, long toBatch, boolean keyOrder) {
        List<Entry> found = new ArrayList<>();
        inMemoryBatches(fromBatch, toBatch).forEach((number, batch) -> {
            int first = found.size();
            batch.entries.forEach((held, value) -> found.add(new Entry(number, held, value)));
            if (keyOrder) {
                found.subList(first, found.size()).sort((a, b) -> a.orderedKey().compareTo(b.orderedKey()));
            }
        });
        return found;
    }

    /** Whether any of the batches in {@code [fromBatch, toBatch)} has an entry. */
    public boolean hasAny(long fromBatch, long toBatch) {
        return inMemoryBatches(fromBatch, toBatch).values().stream().anyMatch(batch -> !batch.entries.isEmpty());
    }

    /** The batches in {@code [from, to)}, read from RocksDB where only there, in batch order. */
    private NavigableMap<Long, Batch> inMemoryBatches(long first, long end) {
        if (end <= first) {
            return new TreeMap<>();
        }
        for (Long stored : new ArrayList<>(stored().subMap(first, end).keySet())) {
            batch(stored, false);
        }
        return new TreeMap<>(inMemory.subMap(first, end));
    }

    /**
     * How the batch map holds {@code key}: the key itself when its class compares by value, as its
     * encoding would; otherwise its ordered encoding.
     */
    private static Object heldKey(Object key) {
        return comparesByValue(key) ? key : Bytes.wrap(ElementSerde.INSTANCE.serializeOrderedKey(key));
    }

    private static boolean comparesByValue(Object key) {
        if (key instanceof Tuple2<?, ?> pair) {
            return comparesByValue(pair._1()) && comparesByValue(pair._2());
        }
        return key instanceof String || key instanceof Long || key instanceof Integer || key instanceof Row
                || key instanceof Double || key instanceof Boolean || key instanceof Short || key instanceof Byte
                || key instanceof Float || key instanceof Character;
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
            batch.lastUsed = ++switches;
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
                byte[] orderedKey = readBytes(in);
                Object key = ElementSerde.INSTANCE.deserializeOrderedKey(orderedKey);
                batch.entries.put(comparesByValue(key) ? key : Bytes.wrap(orderedKey),
                        ElementSerde.INSTANCE.deserialize(null, readBytes(in)));
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

    /**
     * The entries as records of about {@link #CHUNK_BYTES}: per entry its key's ordered encoding and
     * its value, each length-prefixed.
     */
    private static List<byte[]> encode(Map<Object, Object> entries) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(record);
        try {
            for (Map.Entry<Object, Object> entry : entries.entrySet()) {
                byte[] key = entry.getKey() instanceof Bytes encoded ? encoded.get()
                        : ElementSerde.INSTANCE.serializeOrderedKey(entry.getKey());
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

    /**
     * Writes batches other than {@code kept} out and drops them from memory, least recently used
     * first, until at most half of {@link #MAX_BUFFERED_ENTRIES} is left; they are read back when
     * next used.
     */
    private void writeOutLeastRecentlyUsed(long kept) {
        List<Map.Entry<Long, Batch>> others = new ArrayList<>();
        inMemory.entrySet().forEach(entry -> {
            if (entry.getKey() != kept) {
                others.add(entry);
            }
        });
        others.sort(Comparator.comparingLong(entry -> entry.getValue().lastUsed));
        for (Map.Entry<Long, Batch> entry : others) {
            if (bufferedEntries <= MAX_BUFFERED_ENTRIES / 2) {
                break;
            }
            long number = entry.getKey();
            Batch batch = entry.getValue();
            if (batch.dirty) {
                write(number, batch);
            }
            if (batch.storedRecords > 0) {
                stored().put(number, batch.storedRecords);
            }
            inMemory.remove(number);
            bufferedEntries -= batch.entries.size();
            if (batch == lastBatch) {
                lastBatch = null;
            }
        }
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
