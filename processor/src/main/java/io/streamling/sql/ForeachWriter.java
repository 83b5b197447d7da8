package io.streamling.sql;

import java.io.Serializable;

/**
 * Writes a query's rows one at a time, as Spark's {@code ForeachWriter}: for each partition of each
 * micro-batch (epoch), {@link #open(long, long)}; if it returned true, {@link #process(Object)} for
 * each row; then {@link #close(Throwable)}, with the error that stopped processing or null.
 * Streamling hands each micro-batch over as one partition (partition id 0), and calls this very
 * instance (Spark calls a deserialized copy per task).
 *
 * @param <T> the row type, {@link Row}
 */
public abstract class ForeachWriter<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Starts writing one partition of one epoch.
     *
     * @param partitionId the partition
     * @param epochId the micro-batch id
     * @return whether to process the rows of this partition
     */
    public abstract boolean open(long partitionId, long epochId);

    /** Writes one row. */
    public abstract void process(T value);

    /** Ends the partition; {@code errorOrNull} is what failed in {@code open} or {@code process}, or null. */
    public abstract void close(Throwable errorOrNull);
}
