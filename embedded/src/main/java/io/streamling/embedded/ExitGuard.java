package io.streamling.embedded;

import java.util.function.Supplier;

import org.apache.kafka.common.utils.Exit;

/**
 * Turns Kafka's {@code Exit.exit} into an exception while a start-up routine runs.
 * {@code AbstractConnectCli.startConnect} calls {@code Exit.exit(3)} when the worker fails to
 * start; in-process that would silently end the whole JVM (a test run, an application).
 */
final class ExitGuard {

    /** Exit's procedure is JVM-global: serialise guarded sections so they cannot undo each other. */
    private static final Object LOCK = new Object();

    private ExitGuard() {
    }

    /** Runs {@code action}; an attempt to exit the JVM meanwhile becomes an {@link EmbeddedKafkaException}. */
    static <T> T call(String what, Supplier<T> action) {
        synchronized (LOCK) {
            Exit.setExitProcedure((status, message) -> {
                throw new EmbeddedKafkaException(what + " failed and tried to exit the JVM with status " + status
                        + (message == null ? "" : ": " + message) + " (see the log for the cause)");
            });
            try {
                return action.get();
            } finally {
                Exit.resetExitProcedure();
            }
        }
    }
}
