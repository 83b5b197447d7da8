package io.streamling.api.java;

import io.streamling.storage.StorageLevel;

/** Spark's Java constants of the storage levels ({@code StorageLevels.MEMORY_AND_DISK_SER}); see {@link StorageLevel}. */
public final class StorageLevels {

    public static final StorageLevel NONE = StorageLevel.NONE();
    public static final StorageLevel DISK_ONLY = StorageLevel.DISK_ONLY();
    public static final StorageLevel MEMORY_ONLY = StorageLevel.MEMORY_ONLY();
    public static final StorageLevel MEMORY_ONLY_SER = StorageLevel.MEMORY_ONLY_SER();
    public static final StorageLevel MEMORY_ONLY_2 = StorageLevel.MEMORY_ONLY_2();
    public static final StorageLevel MEMORY_AND_DISK = StorageLevel.MEMORY_AND_DISK();
    public static final StorageLevel MEMORY_AND_DISK_2 = StorageLevel.MEMORY_AND_DISK_2();
    public static final StorageLevel MEMORY_AND_DISK_SER = StorageLevel.MEMORY_AND_DISK_SER();
    public static final StorageLevel MEMORY_AND_DISK_SER_2 = StorageLevel.MEMORY_AND_DISK_SER_2();
    public static final StorageLevel OFF_HEAP = StorageLevel.OFF_HEAP();

    private StorageLevels() {
    }
}
