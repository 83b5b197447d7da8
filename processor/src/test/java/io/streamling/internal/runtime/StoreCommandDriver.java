package io.streamling.internal.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A store under test in a real Kafka Streams task: one processor reads text commands from topic
 * {@code in}, works on the store and answers on topic {@code out}; application id {@code app}, so
 * the store's changelog is {@code app-<store>-changelog}. The test driver commits after every command.
 */
final class StoreCommandDriver {

    private StoreCommandDriver() {
    }

    static TopologyTestDriver start(ProcessorSupplier<String, String, String, String> commands, StoreBuilder<?> store,
                                    Path stateDir) {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("commands", commands, "in");
        topology.addStateStore(store, "commands");
        topology.addSink("out", "out", Serdes.String().serializer(), Serdes.String().serializer(), "commands");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(topology, props);
    }

    /** Sends each command in turn and returns every answer. */
    static List<String> feed(TopologyTestDriver driver, String... commands) {
        var in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
        var out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
        for (String command : commands) {
            in.pipeInput("k", command);
        }
        return out.readValuesToList();
    }
}
