package io.streamling.benchmarks;

/**
 * One side's implementation of a workload, running inside a child JVM: started once, asked for
 * the records it dropped as late, then closed.
 */
interface Job extends AutoCloseable {

    /** Starts processing; returns once the program runs (not when it finishes). */
    void start();

    /** The consumer group reading the input (the application id unless the program derives its own). */
    default String groupId(JobSpec spec) {
        return spec.appId();
    }

    /** Records the program itself counted as dropped because they were late. */
    long lateRecords();

    @Override
    void close();
}
