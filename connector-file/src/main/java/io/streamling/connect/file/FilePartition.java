package io.streamling.connect.file;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The source partition of one file, {@code {path, fingerprint}}, as a read-only map that always
 * iterates in that order and computes its hash code once.
 *
 * <p>Why not a plain map: Kafka Connect looks the partition up in a hash map for every record it
 * sends ({@code SubmittedRecords.submit}), and so does this task's acknowledgement tracker for every
 * acknowledged record; a JDK map recomputes its hash from its entries on each call, which a profile
 * of the worker's task thread showed as a visible per-record cost. The fixed order matters because
 * Connect stores offsets under the partition serialized as JSON in iteration order.
 */
final class FilePartition extends AbstractMap<String, String> {

    private final String path;
    private final String fingerprint;
    private final Set<Entry<String, String>> entries;
    private final int hash;

    /**
     * @param path        the file's absolute path
     * @param fingerprint its hex fingerprint
     */
    FilePartition(String path, String fingerprint) {
        this.path = path;
        this.fingerprint = fingerprint;
        List<Entry<String, String>> ordered = List.of(
                new SimpleImmutableEntry<>(FileSourceTask.PARTITION_PATH_KEY, path),
                new SimpleImmutableEntry<>(FileSourceTask.PARTITION_FINGERPRINT_KEY, fingerprint));
        this.entries = new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return ordered.iterator();
            }

            @Override
            public int size() {
                return 2;
            }
        };
        this.hash = super.hashCode(); // the Map contract's hash: equal to any other map with these entries
    }

    @Override
    public String get(Object key) {
        if (FileSourceTask.PARTITION_PATH_KEY.equals(key)) {
            return path;
        }
        return FileSourceTask.PARTITION_FINGERPRINT_KEY.equals(key) ? fingerprint : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return FileSourceTask.PARTITION_PATH_KEY.equals(key) || FileSourceTask.PARTITION_FINGERPRINT_KEY.equals(key);
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true; // the common case: Connect and the tracker look up the very instance they were given
        }
        if (other instanceof FilePartition that) {
            return hash == that.hash && path.equals(that.path) && fingerprint.equals(that.fingerprint);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
