package io.streamling.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free loopback ports up front. Kafka does not expose the port it bound for a listener
 * configured with port 0, so the ports must be known before the broker starts; this leaves a
 * small window in which another process may take them, which the broker start-up retries.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
    static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            // hold all sockets open together so the OS cannot hand out the same port twice
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Cannot find free ports on 127.0.0.1", e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way once the process no longer references it
        }
    }
}
