package io.streamling.benchmarks;

/**
 * One side's implementation of a workload, running inside a child JVM: started once, asked for
 * the records it dropped as late, then closed.
 */
interface Job extends AutoCloseable {

    /** Starts processing; returns once the program runs (not when it finishes). */
    void start();

    /** Records the program itself counted as dropped because they were late. */
    long lateRecords();

    @Override
    void close();
}
