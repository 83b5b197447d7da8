package io.streamling.embedded;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.connect.runtime.AbstractStatus;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo.AbstractState;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo.TaskState;

/** Reads a connector's status report: is it fully running, and if it failed, why. */
final class ConnectorStatuses {

    private static final String RUNNING = AbstractStatus.State.RUNNING.name();
    private static final String FAILED = AbstractStatus.State.FAILED.name();

    private ConnectorStatuses() {
    }

    /** True when the connector and exactly {@code expectedTasks} tasks all report RUNNING. */
    static boolean allRunning(ConnectorStateInfo status, int expectedTasks) {
        List<TaskState> tasks = status.tasks();
        return RUNNING.equals(status.connector().state())
                && tasks.size() == expectedTasks
                && tasks.stream().allMatch(t -> RUNNING.equals(t.state()));
    }

    /** The failure report of the connector or of its first failed task, if any has failed. */
    static Optional<String> failure(ConnectorStateInfo status) {
        if (FAILED.equals(status.connector().state())) {
            return Optional.of("connector FAILED: " + trace(status.connector()));
        }
        return status.tasks().stream()
                .filter(t -> FAILED.equals(t.state()))
                .findFirst()
                .map(t -> "task " + t.id() + " FAILED: " + trace(t));
    }

    /** A one-line summary such as {@code connector=RUNNING tasks=[0:RUNNING]}, for timeout messages. */
    static String describe(ConnectorStateInfo status) {
        return "connector=" + status.connector().state() + " tasks="
                + status.tasks().stream().map(t -> t.id() + ":" + t.state()).collect(Collectors.joining(",", "[", "]"));
    }

    private static String trace(AbstractState state) {
        return state.trace() == null ? "(no trace)" : state.trace();
    }
}
