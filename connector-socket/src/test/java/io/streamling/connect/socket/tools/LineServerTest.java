package io.streamling.connect.socket.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
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

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.streamling.connect.socket.TestCertificates;
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
    void givenALineList_whenTwoClientsConnect_thenEachGetsTheWholeTextFromTheStart() throws Exception {
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
    void givenADelay_whenTheFirstClientIsServed_thenTheTimeOfItsLastLineIsReported() throws Exception {
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
    void givenDefaults_whenTheTextIsSent_thenTheConnectionStaysOpenLikeNcLk() throws Exception {
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
    void givenNotKeepingOpen_whenTheTextIsSent_thenTheConnectionIsClosed() throws Exception {
        try (LineServer server = LineServer.serve(List.of("only"), 0, Duration.ZERO, false);
             Socket client = connect(server)) {
            assertThat(client.getInputStream().readAllBytes()).isEqualTo("only\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givenAConnectedClient_whenTheServerCloses_thenTheClientSeesEofAndNobodyListens() throws Exception {
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
    void givenAFile_whenServed_thenBytesAreUnchangedAndAMissingFinalNewlineIsAdded(@TempDir Path dir) throws Exception {
        // given: CRLF, an invalid UTF-8 byte and no final newline
        Path file = dir.resolve("text.txt");
        Files.write(file, new byte[] {'a', '\r', '\n', (byte) 0xFF, '\n', 'e', 'n', 'd'});

        try (LineServer server = LineServer.serve(file, 0, Duration.ZERO, false);
             Socket client = connect(server)) {
            // when / then
            assertThat(client.getInputStream().readAllBytes())
                .isEqualTo(new byte[] {'a', '\r', '\n', (byte) 0xFF, '\n', 'e', 'n', 'd', '\n'});
            assertThat(server.linesSent()).isEqualTo(3);
        }
    }

    @Test
    void givenGeneratedLines_whenTwoClientsConnect_thenEachGetsItsOwnNumberedSequenceOfTheGivenLength() throws Exception {
        try (LineServer server = LineServer.builder().generated(3, 10).keepOpen(false).start();
             Socket first = connect(server); Socket second = connect(server)) {
            String expected = "1 xxxxxxxx\n2 xxxxxxxx\n3 xxxxxxxx\n";
            assertThat(new String(first.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(expected);
            assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(expected);
            assertThat(LineServer.generatedLine(3, 10)).isEqualTo("3 xxxxxxxx");
            assertThat(LineServer.generatedLine(12345, 3)).isEqualTo("12345");
        }
    }

    @Test
    void givenEndlessGeneratedLinesAtARate_whenReadForAWhile_thenTheRateIsRoughlyKept() throws Exception {
        // given: 200 lines/s
        try (LineServer server = LineServer.builder().generated(0, 8).rate(200).start(); Socket client = connect(server)) {
            // when: 100 lines are read
            long start = System.nanoTime();
            List<String> lines = readLines(client, 100);
            double seconds = (System.nanoTime() - start) / 1e9;

            // then: numbered in order, and not faster than the rate allows (generous bound: shared CPU)
            assertThat(lines.get(0)).isEqualTo("1 xxxxxx");
            assertThat(lines.get(99)).isEqualTo("100 xxxx");
            assertThat(seconds).isGreaterThan(0.4);
        }
    }

    @Test
    void givenAnInputStream_whenClientsAreConnected_thenEachLineIsBroadcastToThemOnce() throws Exception {
        // given
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(typing);
        try (LineServer server = LineServer.builder().input(input).start();
             Socket first = connect(server); Socket second = connect(server)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> server.clientsConnected() == 2);

            // when
            typing.write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();

            // then
            assertThat(readLines(first, 2)).containsExactly("hello", "world");
            assertThat(readLines(second, 2)).containsExactly("hello", "world");
            typing.close();
            assertThat(server.awaitFirstClientServed(Duration.ofSeconds(15))).isTrue();
            assertThat(server.linesSent()).isEqualTo(4);
        }
    }

    @Test
    void givenATlsContext_whenATrustingClientConnects_thenLinesArriveEncrypted() throws Exception {
        TestCertificates certs = TestCertificates.get();
        SSLContext serverSide = TestCertificates.context(certs.serverKeystore, null);
        SSLContext clientSide = TestCertificates.context(null, certs.serverTruststore);
        try (LineServer server = LineServer.builder().lines(List.of("secure")).tls(serverSide).start();
             SSLSocket client = (SSLSocket) clientSide.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                 server.port())) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            assertThat(readLines(client, 1)).containsExactly("secure");
        }
    }

    @Test
    void givenATakenPort_whenServing_thenFailsNamingThePort() {
        try (LineServer first = LineServer.serve(List.of("x"), 0, Duration.ZERO)) {
            assertThatThrownBy(() -> LineServer.serve(List.of("y"), first.port(), Duration.ZERO))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    @Test
    void givenFileContent_whenSplit_thenOnNewlinesOnly() {
        assertThat(LineServer.splitLines("a\nb\n\nc".getBytes(StandardCharsets.UTF_8)))
            .extracting(b -> new String(b, StandardCharsets.UTF_8))
            .containsExactly("a", "b", "", "c");
        assertThat(LineServer.splitLines(new byte[0])).isEmpty();
    }

    @Test
    void givenCommandLines_whenParsed_thenExactlyOneContentSourceAndAPortAreRequired(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x\n");

        LineServerCommand.parse(new String[] {"--port", "0", "--generate", "10", "--line-length", "20", "--rate", "5"});
        LineServerCommand.parse(new String[] {"--port", "0", "--file", file.toString(), "--delay-ms", "5",
            "--close-after-text"});
        assertThatThrownBy(() -> LineServerCommand.parse(new String[] {"--port", "1"}))
            .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> LineServerCommand.parse(new String[] {"--port", "1", "--stdin", "--file", file.toString()}))
            .hasMessageContaining("already set");
        assertThatThrownBy(() -> LineServerCommand.parse(new String[] {"--generate", "1"}))
            .hasMessageContaining("--port");
        assertThatThrownBy(() -> LineServerCommand.parse(new String[] {"--port", "x", "--generate", "1"}))
            .hasMessageContaining("integer");
        assertThatThrownBy(() -> LineServerCommand.parse(new String[] {"--port", "1", "--generate", "1", "--bogus"}))
            .hasMessageContaining("unknown argument");
    }
}
