package io.streamling.connect.socket;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * The remote end of a connection: the server in client mode, a client in server mode.
 *
 * @param host the remote IP address (or host name when there is no address)
 * @param port the remote port
 */
record Peer(String host, int port) {

    static Peer of(Socket socket) {
        SocketAddress remote = socket.getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return new Peer(host, inet.getPort());
        }
        return new Peer(String.valueOf(remote), -1);
    }

    /** @return "host:port", the record key with {@code record.key=remote} */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
