package io.streamling.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The main of a child JVM that runs one side of one workload ({@link JobSpec} on the command
 * line). It talks to the harness over its standard streams:
 * <ul>
 *   <li>prints {@code STARTED <epoch ms>}, the time taken just before the program started;</li>
 *   <li>runs until its standard input closes (the harness saw the whole result and measured this
 *       process's CPU and memory), then prints {@code LATE <n>}, the records the program itself
 *       counted as dropped for being late, stops the program and exits.</li>
 * </ul>
 * Logs go to standard error. Should the harness die, standard input closes and this JVM ends.
 */
public final class WorkloadMain {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private WorkloadMain() {
    }

    /**
     * Runs a job until standard input closes.
     *
     * @param args the {@link JobSpec} command-line form
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        JobSpec spec = JobSpec.parse(args);
        Job job = create(spec);
        long started = System.currentTimeMillis();
        job.start();
        System.out.println("STARTED " + started);
        System.out.println("GROUP " + job.groupId(spec));
        System.out.flush();
        awaitEndOfInput(System.in);
        System.out.println("LATE " + job.lateRecords());
        System.out.flush();
        // the measurement is over: a program still busy (e.g. emitting what follows the data) must
        // not hold up the next run, so the stop is bounded and the JVM exits either way
        Thread stopper = new Thread(job::close, "stop-job");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(STOP_TIMEOUT.toMillis());
        System.out.println(stopper.isAlive() ? "STOP TIMED OUT" : "STOPPED");
        System.out.flush();
        System.exit(0);
    }

    /** The job of {@code spec}'s side. */
    static Job create(JobSpec spec) {
        return switch (spec.side()) {
            case STREAMLING, STREAMLING_INCREMENTAL -> spec.workload() == Workload.EVENTS_PER_HOUR
                    || spec.workload() == Workload.STRUCTURED_SLIDING_COUNT ? new StructuredJob(spec) : new StreamlingJob(spec);
            case KAFKA_STREAMS -> new KafkaStreamsJob(spec);
            case RAW_CLIENTS -> new RawClientsJob(spec);
            case SPARK -> throw new IllegalArgumentException(
                    "the Spark side runs in its own JVM: " + SparkSide.MAIN_CLASS);
        };
    }

    static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // the harness sends nothing; it only closes the stream
        }
    }
}
