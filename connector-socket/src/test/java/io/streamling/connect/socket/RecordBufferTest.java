package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecordBufferTest {

    private final AtomicInteger fullWaits = new AtomicInteger();

    private static Received line(String value) {
        return Received.record(value, value.length(), 0, new Peer("127.0.0.1", 1));
    }

    @Test
    void givenLineLimitReached_whenPutting_thenBlocksUntilPollMakesRoom() throws Exception {
        // given
        RecordBuffer buffer = new RecordBuffer(2, 1_000, fullWaits::incrementAndGet);
        buffer.put(line("a"));
        buffer.put(line("b"));

        // when
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> put(buffer, line("c")));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> fullWaits.get() == 1);
        assertThat(third).isNotDone();
        assertThat(buffer.poll(0, 1)).extracting(Received::value).containsExactly("a");
        assertThat(third.get()).isTrue();
        assertThat(buffer.poll(0, 10)).extracting(Received::value).containsExactly("b", "c");
    }

    @Test
    void givenByteLimitReached_whenPutting_thenBlocksEvenWithFewLines() throws Exception {
        // given: 10 bytes allowed, 8 held
        RecordBuffer buffer = new RecordBuffer(1_000, 10, fullWaits::incrementAndGet);
        buffer.put(line("12345678"));

        // when
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> put(buffer, line("xyz")));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> fullWaits.get() == 1);
        assertThat(buffer.bytes()).isEqualTo(8);
        assertThat(next).isNotDone();
        buffer.poll(0, 1);
        assertThat(next.get()).isTrue();
        assertThat(buffer.bytes()).isEqualTo(3);
    }

    @Test
    void givenAnItemLargerThanTheByteLimit_whenBufferIsEmpty_thenItIsAdmittedInsteadOfDeadlocking() throws Exception {
        RecordBuffer buffer = new RecordBuffer(10, 4, fullWaits::incrementAndGet);

        assertThat(buffer.put(line("too large"))).isTrue();
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void givenABatchLargerThanTheRoomLeft_whenPuttingAll_thenWhatFitsIsVisibleAndTheRestWaitsInOrder() throws Exception {
        // given
        RecordBuffer buffer = new RecordBuffer(2, 1_000, fullWaits::incrementAndGet);

        // when
        CompletableFuture<Boolean> batch = CompletableFuture.supplyAsync(() -> putAll(buffer,
            List.of(line("1"), line("2"), line("3"), line("4"))));

        // then: the first two are there to poll while the batch waits, and order is kept
        await().atMost(Duration.ofSeconds(10)).until(() -> fullWaits.get() == 1);
        assertThat(buffer.poll(0, 10)).extracting(Received::value).containsExactly("1", "2");
        assertThat(batch.get()).isTrue();
        assertThat(buffer.poll(0, 10)).extracting(Received::value).containsExactly("3", "4");
    }

    @Test
    void givenEmptyBuffer_whenPolling_thenReturnsEmptyAfterTheTimeout() throws Exception {
        RecordBuffer buffer = new RecordBuffer(10, 100, fullWaits::incrementAndGet);

        assertThat(buffer.poll(20, 10)).isEmpty();
    }

    @Test
    void givenWaitingPollAndPut_whenClosed_thenBothReturnAtOnce() throws Exception {
        // given: a poll waiting a minute and a put waiting for room
        RecordBuffer buffer = new RecordBuffer(1, 100, fullWaits::incrementAndGet);
        RecordBuffer empty = new RecordBuffer(1, 100, fullWaits::incrementAndGet);
        buffer.put(line("x"));
        CompletableFuture<Boolean> put = CompletableFuture.supplyAsync(() -> put(buffer, line("y")));
        CompletableFuture<List<Received>> poll = CompletableFuture.supplyAsync(() -> poll(empty, 60_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> fullWaits.get() == 1);

        // when
        buffer.close();
        empty.close();

        // then
        assertThat(put.get()).isFalse();
        assertThat(poll.get()).isEmpty();
    }

    @Test
    void givenManyItems_whenPolling_thenAtMostMaxInFifoOrder() throws Exception {
        RecordBuffer buffer = new RecordBuffer(100, 1_000, fullWaits::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            buffer.put(line("l" + i));
        }

        assertThat(buffer.poll(0, 3)).extracting(Received::value).containsExactly("l0", "l1", "l2");
        assertThat(buffer.poll(0, 3)).extracting(Received::value).containsExactly("l3", "l4");
        assertThat(buffer.size()).isZero();
        assertThat(buffer.bytes()).isZero();
    }

    private static boolean put(RecordBuffer buffer, Received item) {
        try {
            return buffer.put(item);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean putAll(RecordBuffer buffer, List<Received> items) {
        try {
            return buffer.putAll(items);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Received> poll(RecordBuffer buffer, long timeoutMs) {
        try {
            return buffer.poll(timeoutMs, 10);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
