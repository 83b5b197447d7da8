package io.streamling.connect.socket;

/**
 * What one socket source task exposes over JMX, as a standard MBean named
 * {@code io.streamling.connect.socket:type=socket-source-task,connector="<name>"}.
 *
 * <p>"Lines" means frames with {@code socket.framing=length-prefixed}. Counters are totals since the
 * task started. Every line read is either delivered or counted in exactly one {@code LinesDropped*}
 * counter: {@code LinesRead = LinesPolled + LinesDropped + BufferedLines} (+ lines lost at stop).
 */
public interface SocketSourceMetricsMBean {

    /** @return "client" or "server" */
    String getMode();

    /** @return the local port listened on in server mode (useful with port 0); -1 in client mode */
    int getLocalPort();

    /** @return lines read from sockets, before any policy */
    long getLinesRead();

    /** @return lines read per second, averaged over about the last 10 seconds */
    double getLinesPerSecond();

    /** @return raw bytes read from sockets (after TLS decryption), terminators and prefixes included */
    long getBytesRead();

    /** @return records handed to Connect by poll() */
    long getLinesPolled();

    /** @return connections established (client mode) or accepted and served (server mode) */
    long getConnections();

    /** @return connections open now */
    int getActiveConnections();

    /** @return client mode: connection attempts after the first one */
    long getReconnects();

    /** @return server mode: connections closed at once because server.max.connections were open */
    long getConnectionsRejected();

    /** @return server mode: connections closed because the client sent nothing for server.idle.timeout.ms */
    long getIdleTimeouts();

    /**
     * @return connections that ended with an error once TCP was connected (reset, TLS handshake failure,
     *         ...); in client mode a refused or timed-out connect counts only in Reconnects
     */
    long getConnectionErrors();

    /** @return lines cut to line.max.bytes (line.too.long.policy=truncate); delivered, so not a drop */
    long getLinesTruncated();

    /** @return lines with invalid bytes replaced by U+FFFD (decode.error.policy=replace); delivered */
    long getLinesWithReplacement();

    /** @return lines dropped because longer than line.max.bytes (line.too.long.policy=skip) */
    long getLinesDroppedTooLong();

    /** @return lines dropped because invalid in the charset (decode.error.policy=skip) */
    long getLinesDroppedUndecodable();

    /** @return length-prefixed frames cut off by the end of their connection, dropped */
    long getLinesDroppedIncomplete();

    /** @return sum of every LinesDropped* counter */
    long getLinesDropped();

    /** @return lines waiting in the buffer for poll() */
    int getBufferedLines();

    /** @return bytes of content waiting in the buffer */
    long getBufferedBytes();

    /** @return times a reader found the buffer full and stopped reading its socket (backpressure) */
    long getBufferFullWaits();

    /** @return client mode: whether a connection is open now */
    boolean isConnected();
}
