package io.streamling.connect.socket;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded FIFO between the socket reader threads and {@code poll()}, limited both in items and in
 * bytes of content.
 *
 * <p>Why two limits: a line count alone bounds memory only by {@code lines x line.max.bytes}, which is
 * gigabytes with hostile peers; bytes alone lets millions of empty lines pile up. When either limit
 * is reached {@link #put} blocks, the reader stops reading its socket and TCP flow control pushes
 * back on the peer. One item is always admitted into an empty buffer, so an item larger than the
 * byte limit cannot deadlock (the configuration forbids it anyway).
 *
 * <p>FIFO across all producers: each reader thread puts its own lines in order, so the order of every
 * connection is kept. {@link #close()} wakes every waiting thread.
 */
final class RecordBuffer {

    private final int maxItems;
    private final long maxBytes;
    private final Runnable onFull;
    private final ArrayDeque<Received> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private long bytes; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * @param maxItems most items held, >= 1
     * @param maxBytes most bytes of content held, >= 1
     * @param onFull   called, under the buffer's lock (keep it cheap), each time a put has to wait
     */
    RecordBuffer(int maxItems, long maxBytes, Runnable onFull) {
        if (maxItems < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be >= 1, got " + maxItems + " items, " + maxBytes + " bytes");
        }
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.onFull = onFull;
    }

    /**
     * Appends an item, waiting while the buffer is full.
     *
     * @return true once added; false if the buffer was closed first
     * @throws InterruptedException if interrupted while waiting
     */
    boolean put(Received item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean reported = false;
            while (!closed && !fits(item)) {
                if (!reported) {
                    onFull.run();
                    reported = true;
                }
                notFull.await();
            }
            if (closed) {
                return false;
            }
            items.addLast(item);
            bytes += item.bytes();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends items in order under one lock acquisition (the reader's hot path: one call per read
     * chunk instead of one per line), waiting for room whenever the next one does not fit.
     *
     * @return true once all were added; false if the buffer was closed first
     * @throws InterruptedException if interrupted while waiting
     */
    boolean putAll(List<Received> batch) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean reported = false;
            for (Received item : batch) {
                if (!closed && !fits(item)) {
                    notEmpty.signal(); // what is already in must be drained for room to appear
                    if (!reported) {
                        onFull.run();
                        reported = true;
                    }
                    while (!closed && !fits(item)) {
                        notFull.await();
                    }
                }
                if (closed) {
                    return false;
                }
                items.addLast(item);
                bytes += item.bytes();
            }
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(Received item) {
        return items.isEmpty() || (items.size() < maxItems && bytes + item.bytes() <= maxBytes);
    }

    /**
     * Takes up to {@code max} items, waiting up to {@code timeoutMs} for the first.
     *
     * @return the items in FIFO order; empty on timeout or once closed
     * @throws InterruptedException if interrupted while waiting
     */
    List<Received> poll(long timeoutMs, int max) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return List.of();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (closed) {
                return List.of();
            }
            Received[] batch = new Received[Math.min(max, items.size())];
            for (int i = 0; i < batch.length; i++) {
                Received item = items.pollFirst();
                bytes -= item.bytes();
                batch[i] = item;
            }
            // several readers may wait, each for room for its own item size
            notFull.signalAll();
            return Arrays.asList(batch);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting put and poll; later calls return false / empty at once. Idempotent. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return items held now */
    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return bytes of content held now */
    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
