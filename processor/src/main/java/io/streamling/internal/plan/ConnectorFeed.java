package io.streamling.internal.plan;

import java.util.Map;

/**
 * A Kafka Connect source connector that fills a source topic, run in-process by the program:
 * the socket connector for {@code socketTextStream}, the file connector for
 * {@code textFileStream}, or a user's own connector (Streamling's {@code receiverStream}).
 *
 * @param connectorClass the connector's class name
 * @param config its configuration, without the topic (the runtime adds it)
 */
public record ConnectorFeed(String connectorClass, Map<String, String> config) implements SourceFeed {

    /** The socket connector reading lines from a TCP server, as a client. */
    public static final String SOCKET_CONNECTOR = "io.streamling.connect.socket.SocketSourceConnector";
    /** The file connector reading the files that appear in a directory. */
    public static final String FILE_CONNECTOR = "io.streamling.connect.file.FileSourceConnector";
    /** The converter for connectors that publish bytes. */
    public static final String BYTES_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

    /** Copies the configuration. */
    public ConnectorFeed {
        config = Map.copyOf(config);
    }

    /** The socket connector for {@code endpoint}. */
    public static ConnectorFeed socket(SocketEndpoint endpoint) {
        return new ConnectorFeed(SOCKET_CONNECTOR, Map.of(
                "socket.host", endpoint.host(),
                "socket.port", Integer.toString(endpoint.port())));
    }
}
