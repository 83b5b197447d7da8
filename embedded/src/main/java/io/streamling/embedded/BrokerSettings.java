package io.streamling.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings of a single-node KRaft broker sized for tests: one JVM, one disk, loopback only. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";

    private BrokerSettings() {
    }

    /**
     * Builds the broker configuration; {@code overrides} win over every default.
     *
     * @param logDir the (empty) directory holding both data and the metadata log
     */
    static Map<String, String> of(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>();
        // combined mode: one process is both the controller quorum and the broker
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        // bind to loopback only: nothing outside this machine should reach a test broker
        p.put("listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort + ","
                + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // the default reserves 128 MB of heap for log compaction, far too much for a test JVM
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        // a single broker can only ever hold one replica of anything
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1"); // exactly_once_v2 needs this on one broker
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // internal topics are created on first use: keep them at one partition so that is fast
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // a consumer group would otherwise wait 3 s for more members before its first assignment
        p.put("group.initial.rebalance.delay.ms", "0");
        // one node is its own controller: fencing it for a late heartbeat (a busy 2-core machine)
        // only takes its partitions offline, so give it far longer than the 9 s default
        p.put("broker.session.timeout.ms", "60000");
        // topics must be created explicitly, so a typo in a topic name fails instead of creating it
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // no time retention: the broker's data lives only as long as its JVM, and replayed input
        // carries old timestamps, which the seven-day default deletes at the first retention check
        // (30 s after start), under a running program and under a producer still sending to it
        p.put("log.retention.ms", "-1");

        p.putAll(overrides);
        return p;
    }
}
