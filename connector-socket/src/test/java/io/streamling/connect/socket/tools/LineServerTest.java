package io.streamling.connect.socket.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineServerTest {

    private static final int READ_TIMEOUT_MS = 15_000;

    private static Socket connect(LineServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(READ_TIMEOUT_MS); // a broken test fails instead of hanging
        return socket;
    }

    private static List<String> readLines(Socket socket, int n) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(reader.readLine());
        }
        return lines;
    }

    @Test
    void shouldServeWholeTextToEachClientFromTheStart() throws Exception {
        // given
        List<String> text = List.of("alpha", "beta", "gamma");
        try (LineServer server = LineServer.serve(text, 0, Duration.ZERO);
             Socket first = connect(server)) {
            assertThat(readLines(first, 3)).isEqualTo(text);

            // when: a second client connects later
            try (Socket second = connect(server)) {
                // then: it gets the same text from the first line
                assertThat(readLines(second, 3)).isEqualTo(text);
            }
            assertThat(server.linesSent()).isEqualTo(6);
            assertThat(server.clientsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void shouldReportFirstClientServedWithTimeOfLastLine() throws Exception {
        // given
        try (LineServer server = LineServer.serve(List.of("a", "b", "c"), 0, Duration.ofMillis(5))) {
            assertThat(server.lastLineSentAt()).isNull();
            assertThat(server.awaitFirstClientServed(Duration.ofMillis(1))).isFalse();
            Instant before = Instant.now();

            // when
            try (Socket client = connect(server)) {
                assertThat(readLines(client, 3)).containsExactly("a", "b", "c");

                // then
                assertThat(server.awaitFirstClientServed(Duration.ofSeconds(15))).isTrue();
                assertThat(server.lastLineSentAt()).isBetween(before, Instant.now());
            }
        }
    }

    @Test
    void shouldKeepConnectionOpenAfterTextByDefault() throws Exception {
        try (LineServer server = LineServer.serve(List.of("only"), 0, Duration.ZERO);
             Socket client = connect(server)) {
            InputStream in = client.getInputStream();
            assertThat(new String(in.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("only\n");
            assertThat(server.awaitFirstClientServed(Duration.ofSeconds(15))).isTrue();

            // no EOF: the read times out instead of returning -1
            client.setSoTimeout(200);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void shouldCloseConnectionAfterTextWhenNotKeepingOpen() throws Exception {
        try (LineServer server = LineServer.serve(List.of("only"), 0, Duration.ZERO, false);
             Socket client = connect(server)) {
            assertThat(client.getInputStream().readAllBytes()).isEqualTo("only\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldCloseClientConnectionsOnClose() throws Exception {
        // given
        LineServer server = LineServer.serve(List.of("x"), 0, Duration.ZERO);
        try (Socket client = connect(server)) {
            assertThat(readLines(client, 1)).containsExactly("x");
            assertThat(server.awaitFirstClientServed(Duration.ofSeconds(15))).isTrue();

            // when
            server.close();

            // then: the client sees EOF, and nobody listens any more
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThatThrownBy(() -> connect(server)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldServeFileBytesUnchangedAndAddMissingFinalNewline(@TempDir Path dir) throws Exception {
        // given: CRLF, an invalid UTF-8 byte and no final newline
        Path file = dir.resolve("text.txt");
        byte[] content = {'a', '\r', '\n', (byte) 0xFF, '\n', 'e', 'n', 'd'};
        Files.write(file, content);

        try (LineServer server = LineServer.serve(file, 0, Duration.ZERO, false);
             Socket client = connect(server)) {
            // when / then
            assertThat(client.getInputStream().readAllBytes())
                .isEqualTo(new byte[] {'a', '\r', '\n', (byte) 0xFF, '\n', 'e', 'n', 'd', '\n'});
            assertThat(server.linesSent()).isEqualTo(3);
        }
    }

    @Test
    void shouldFailClearlyWhenPortIsTaken() {
        try (LineServer first = LineServer.serve(List.of("x"), 0, Duration.ZERO)) {
            assertThatThrownBy(() -> LineServer.serve(List.of("y"), first.port(), Duration.ZERO))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    @Test
    void shouldSplitFileContentOnNewlinesOnly() {
        assertThat(LineServer.splitLines("a\nb\n\nc".getBytes(StandardCharsets.UTF_8)))
            .extracting(b -> new String(b, StandardCharsets.UTF_8))
            .containsExactly("a", "b", "", "c");
        assertThat(LineServer.splitLines(new byte[0])).isEmpty();
    }
}
