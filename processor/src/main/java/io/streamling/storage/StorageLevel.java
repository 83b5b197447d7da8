package io.streamling.storage;

import java.io.Serializable;

/**
 * Spark's storage levels, so that programs that name one ({@code socketTextStream(host, port,
 * StorageLevel.MEMORY_AND_DISK_SER())}, {@code stream.persist(...)}) port unchanged. They change
 * nothing here: a stream's data is in its Kafka topic and its state in RocksDB stores with
 * changelogs, replicated by the broker, not in executors' memory.
 */
public final class StorageLevel implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final StorageLevel NONE = new StorageLevel("NONE");
    private static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY");
    private static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY");
    private static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER");
    private static final StorageLevel MEMORY_ONLY_2 = new StorageLevel("MEMORY_ONLY_2");
    private static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK");
    private static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel("MEMORY_AND_DISK_2");
    private static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel("MEMORY_AND_DISK_SER");
    private static final StorageLevel MEMORY_AND_DISK_SER_2 = new StorageLevel("MEMORY_AND_DISK_SER_2");
    private static final StorageLevel OFF_HEAP = new StorageLevel("OFF_HEAP");

    private final String name;

    private StorageLevel(String name) {
        this.name = name;
    }

    /** As Spark's {@code StorageLevel.NONE()}. */
    public static StorageLevel NONE() {
        return NONE;
    }

    /** As Spark's {@code StorageLevel.DISK_ONLY()}. */
    public static StorageLevel DISK_ONLY() {
        return DISK_ONLY;
    }

    /** As Spark's {@code StorageLevel.MEMORY_ONLY()}. */
    public static StorageLevel MEMORY_ONLY() {
        return MEMORY_ONLY;
    }

    /** As Spark's {@code StorageLevel.MEMORY_ONLY_SER()}. */
    public static StorageLevel MEMORY_ONLY_SER() {
        return MEMORY_ONLY_SER;
    }

    /** As Spark's {@code StorageLevel.MEMORY_ONLY_2()}. */
    public static StorageLevel MEMORY_ONLY_2() {
        return MEMORY_ONLY_2;
    }

    /** As Spark's {@code StorageLevel.MEMORY_AND_DISK()}. */
    public static StorageLevel MEMORY_AND_DISK() {
        return MEMORY_AND_DISK;
    }

    /** As Spark's {@code StorageLevel.MEMORY_AND_DISK_2()}. */
    public static StorageLevel MEMORY_AND_DISK_2() {
        return MEMORY_AND_DISK_2;
    }

    /** As Spark's {@code StorageLevel.MEMORY_AND_DISK_SER()}. */
    public static StorageLevel MEMORY_AND_DISK_SER() {
        return MEMORY_AND_DISK_SER;
    }

    /** As Spark's {@code StorageLevel.MEMORY_AND_DISK_SER_2()}, the receivers' default in Spark. */
    public static StorageLevel MEMORY_AND_DISK_SER_2() {
        return MEMORY_AND_DISK_SER_2;
    }

    /** As Spark's {@code StorageLevel.OFF_HEAP()}. */
    public static StorageLevel OFF_HEAP() {
        return OFF_HEAP;
    }

    @Override
    public String toString() {
        return name;
    }
}
