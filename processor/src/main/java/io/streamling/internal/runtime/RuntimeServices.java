package io.streamling.internal.runtime;

import io.streamling.streaming.Time;
import io.streamling.streaming.scheduler.StreamingListener;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operators of one running program share with the application around them: where
 * {@code print()} writes, the listeners to tell about completed batches, the late-record counts.
 */
public final class RuntimeServices {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeServices.class);

    private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
    private final DropCounter lateRecords = new DropCounter("Dropped late records");
    private final DropCounter failedRecords = new DropCounter("Records whose user function threw");
    private volatile PrintStream console = System.out;
    private volatile SourceLag sourceLag = SourceLag.UNKNOWN;

    /** Where {@code print()} writes; {@code System.out} unless set. */
    public PrintStream console() {
        return console;
    }

    /** Sets where {@code print()} writes. */
    public void setConsole(PrintStream console) {
        this.console = console;
    }

    /** Whether source partitions are caught up; {@link SourceLag#UNKNOWN} until a runtime sets it. */
    public SourceLag sourceLag() {
        return sourceLag;
    }

    /** Sets how operators learn whether source partitions are caught up. */
    public void setSourceLag(SourceLag sourceLag) {
        this.sourceLag = sourceLag;
    }

    /** Registers a listener. */
    public void addListener(StreamingListener listener) {
        listeners.add(listener);
    }

    /** The late-record counters. */
    public DropCounter lateRecords() {
        return lateRecords;
    }

    /** The counters of elements whose user function threw, skipped or dead-lettered. */
    public DropCounter failedRecords() {
        return failedRecords;
    }

    /** Tells every listener that the program started. */
    public void streamingStarted(Time time) {
        for (StreamingListener listener : listeners) {
            try {
                listener.onStreamingStarted(time);
            } catch (RuntimeException e) {
                LOG.warn("Streaming listener {} failed on start", listener, e);
            }
        }
    }

    /** Tells every listener that an output operation finished the batch of {@code time}. */
    void batchCompleted(Time time, long numRecords) {
        for (StreamingListener listener : listeners) {
            try {
                listener.onBatchCompleted(time, numRecords);
            } catch (RuntimeException e) {
                LOG.warn("Streaming listener {} failed on batch {}", listener, time, e);
            }
        }
    }
}
