package io.streamling.internal.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled query's sink works with besides its spec: the console, the progress observer and
 * the batch log; it collects what must be closed when the query stops (the sink's writer).
 */
public final class SinkContext implements AutoCloseable {

    private final PrintStream console;
    private final BatchObserver observer;
    private final BatchLog log;
    private final String applicationId;
    private final String stateDir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** A context for a program named after the query or the session, with a temporary state directory. */
    public SinkContext(PrintStream console, BatchObserver observer, BatchLog log) {
        this(console, observer, log, null, null);
    }

    /**
     * A context whose program runs as Kafka Streams application {@code applicationId} (its source
     * offsets and changelogs are kept under that id) with its state in {@code stateDir} (null: a
     * temporary directory).
     */
    public SinkContext(PrintStream console, BatchObserver observer, BatchLog log, String applicationId,
            String stateDir) {
        this.console = console;
        this.observer = observer;
        this.log = log;
        this.applicationId = applicationId;
        this.stateDir = stateDir;
    }

    String applicationId() {
        return applicationId;
    }

    String stateDir() {
        return stateDir;
    }

    PrintStream console() {
        return console;
    }

    BatchObserver observer() {
        return observer;
    }

    BatchLog log() {
        return log;
    }

    synchronized void register(AutoCloseable resource) {
        resources.add(resource);
    }

    /** Closes what the sink opened. */
    @Override
    public synchronized void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // the query is stopping; a sink that fails to close has nothing left to lose
                org.slf4j.LoggerFactory.getLogger(SinkContext.class).warn("Failed to close {}", resource, e);
            }
        }
        resources.clear();
    }
}
