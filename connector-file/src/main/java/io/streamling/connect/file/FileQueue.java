package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamling.connect.file.FileSourceConfig.FileOrder;

/**
 * The files waiting to be read, in the configured order, and the decision which listed files are
 * new: not read before (or replaced by a different file under the same name), not too old, and
 * old enough ({@code file.min.age.ms}).
 */
final class FileQueue {

    private static final Logger log = LoggerFactory.getLogger(FileQueue.class);

    /**
     * A file to read.
     *
     * @param file        the file as listed
     * @param fingerprint its fingerprint when already known (resumed files), else null
     * @param position    the byte position to start at
     * @param line        lines (or records) before that position
     */
    record Pending(SourceFile file, FileFingerprint fingerprint, long position, long line) {
        Path path() {
            return file.path();
        }
    }

    private final TreeSet<Pending> pending;
    private final Map<Path, Pending> byPath = new HashMap<>();
    private final SeenFiles seen;
    private final long minAgeMs;
    private long pendingBytes;

    /**
     * @param order       the {@code file.order} setting
     * @param latestFirst the {@code file.latest.first} setting
     * @param seen        the files already read or ignored
     * @param minAgeMs    the {@code file.min.age.ms} setting
     */
    FileQueue(FileOrder order, boolean latestFirst, SeenFiles seen, long minAgeMs) {
        this.pending = new TreeSet<>(comparator(order, latestFirst));
        this.seen = seen;
        this.minAgeMs = minAgeMs;
    }

    private static Comparator<Pending> comparator(FileOrder order, boolean latestFirst) {
        Comparator<Pending> primary = switch (order) {
            case MODIFIED -> Comparator.comparingLong(p -> p.file().modified());
            case SIZE -> Comparator.comparingLong(p -> p.file().size());
            case NAME -> Comparator.comparing(Pending::path);
        };
        Comparator<Pending> byName = Comparator.comparing((Pending p) -> p.path().getFileName().toString())
                .thenComparing(Pending::path);
        // ties are broken by name in the same direction, so the order is total and stable
        Comparator<Pending> total = primary.thenComparing(byName);
        return latestFirst ? total.reversed() : total;
    }

    /**
     * Queues a file unconditionally (at start: resumed and existing files).
     *
     * @param file the file to read
     */
    void add(Pending file) {
        Pending previous = byPath.put(file.path(), file);
        if (previous != null) {
            pending.remove(previous);
            pendingBytes -= previous.file().size();
        }
        pending.add(file);
        pendingBytes += file.file().size();
    }

    /**
     * Queues the files of a listing that are new, and forgets remembered files that left.
     *
     * @param listing the listed files
     * @param now     the current time, for the minimum age
     * @param reading the path of the file being read, which is not new
     * @return the files queued
     */
    List<SourceFile> offer(Collection<SourceFile> listing, long now, Path reading) {
        Set<Path> present = new HashSet<>();
        listing.forEach(file -> seen.observe(file.modified()));
        List<SourceFile> added = new ArrayList<>();
        for (SourceFile file : listing) {
            Path path = file.path();
            present.add(path);
            if (path.equals(reading) || byPath.containsKey(path) || seen.tooOld(file.modified())
                    || alreadySeen(file) || now - file.modified() < minAgeMs) {
                continue;
            }
            add(new Pending(file, null, 0L, 0L));
            added.add(file);
        }
        seen.retain(present);
        return added;
    }

    /** True when the file was read or ignored before and is the same file, perhaps grown. */
    private boolean alreadySeen(SourceFile file) {
        SeenFiles.Seen known = seen.get(file.path());
        if (known == null) {
            return false;
        }
        if (known.size() == file.size() && known.modified() == file.modified()) {
            return true;
        }
        try {
            if (known.fingerprint() != null && file.size() >= known.fingerprint().length()
                    && known.fingerprint().matchesStartOf(file.path())) {
                // like Spark's textFileStream, a file is read once: appended data is not read
                log.debug("Not reading data appended to {} after it was read or ignored", file.path());
                seen.remember(file.path(), new SeenFiles.Seen(known.fingerprint(), file.size(), file.modified()));
                return true;
            }
        } catch (NoSuchFileException e) {
            return true; // gone: the next listing forgets it
        } catch (IOException e) {
            log.warn("Cannot check whether {} changed: {}", file.path(), e.toString());
            return true;
        }
        log.info("{} was replaced by a different file: reading it as a new file", file.path());
        seen.forget(file.path());
        return false;
    }

    /**
     * Takes the next file to read.
     *
     * @return the first pending file in order, or null when none
     */
    Pending poll() {
        Pending next = pending.pollFirst();
        if (next != null) {
            byPath.remove(next.path());
            pendingBytes -= next.file().size();
        }
        return next;
    }

    /** @return the next file to read, left in the queue, or null when none */
    Pending peek() {
        return pending.isEmpty() ? null : pending.first();
    }

    /** @return how many files are pending */
    int size() {
        return pending.size();
    }

    /** @return the total size of the pending files */
    long bytes() {
        return pendingBytes;
    }
}
