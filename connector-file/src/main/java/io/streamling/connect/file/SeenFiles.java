package io.streamling.connect.file;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files already read (or ignored) that are still in the directory, so they are not read
 * again. Bounded like Spark's {@code maxFileAge}: a file modified more than {@code file.max.age.ms}
 * before the newest file seen is forgotten, and listings ignore such files anyway, so forgetting
 * cannot cause a re-read. Files that left the directory are forgotten too.
 */
final class SeenFiles {

    /**
     * What was known of a file when it was last read or ignored.
     *
     * @param fingerprint its fingerprint (null when it could not be read)
     * @param size        its size then
     * @param modified    its modification time then
     */
    record Seen(FileFingerprint fingerprint, long size, long modified) {
    }

    private final Map<Path, Seen> seen = new HashMap<>();
    private final long maxAgeMs;
    private long newestModified = Long.MIN_VALUE;

    /**
     * @param maxAgeMs the {@code file.max.age.ms} setting
     */
    SeenFiles(long maxAgeMs) {
        this.maxAgeMs = maxAgeMs;
    }

    /**
     * Notes a file's modification time; the newest one sets the age limit.
     *
     * @param modified a listed file's modification time
     */
    void observe(long modified) {
        newestModified = Math.max(newestModified, modified);
    }

    /**
     * Tells whether a file is too old to be read, relative to the newest file seen.
     *
     * @param modified the file's modification time
     * @return {@code true} when more than {@code file.max.age.ms} older than the newest
     */
    boolean tooOld(long modified) {
        return newestModified != Long.MIN_VALUE && modified < newestModified - maxAgeMs;
    }

    void remember(Path path, Seen file) {
        seen.put(path, file);
    }

    Seen get(Path path) {
        return seen.get(path);
    }

    void forget(Path path) {
        seen.remove(path);
    }

    /**
     * Forgets files no longer present and files past the age limit.
     *
     * @param present the paths in the latest listing
     */
    void retain(Set<Path> present) {
        seen.entrySet().removeIf(e -> !present.contains(e.getKey()) || tooOld(e.getValue().modified()));
    }

    /** @return how many files are remembered */
    int size() {
        return seen.size();
    }
}
