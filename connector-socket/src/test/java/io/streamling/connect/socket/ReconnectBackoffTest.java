package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void shouldDoubleDelayUpToMaxWithoutJitterAtTopOfRange() {
        // given: jitter source always at its maximum, so delays are the undiluted base
        ReconnectBackoff backoff = new ReconnectBackoff(100, 1_000, () -> 0.999_999_999);

        // when / then
        assertThat(backoff.nextDelayMs()).isEqualTo(99);
        assertThat(backoff.nextDelayMs()).isEqualTo(199);
        assertThat(backoff.nextDelayMs()).isEqualTo(399);
        assertThat(backoff.nextDelayMs()).isEqualTo(799);
        assertThat(backoff.nextDelayMs()).isEqualTo(999);
        assertThat(backoff.nextDelayMs()).isEqualTo(999);
    }

    @Test
    void shouldKeepJitteredDelayBetweenHalfAndFullBase() {
        ReconnectBackoff low = new ReconnectBackoff(100, 10_000, () -> 0.0);

        assertThat(low.nextDelayMs()).isEqualTo(50);
        assertThat(low.nextDelayMs()).isEqualTo(100);

        ReconnectBackoff random = new ReconnectBackoff(100, 10_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(random.nextDelayMs()).isBetween(1L, 10_000L);
        }
    }

    @Test
    void shouldStartOverAfterReset() {
        ReconnectBackoff backoff = new ReconnectBackoff(100, 1_000, () -> 0.0);
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        backoff.nextDelayMs();

        backoff.reset();

        assertThat(backoff.nextDelayMs()).isEqualTo(50);
    }

    @Test
    void shouldNotOverflowAfterManyFailures() {
        ReconnectBackoff backoff = new ReconnectBackoff(Long.MAX_VALUE / 4, Long.MAX_VALUE, () -> 0.999);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.nextDelayMs()).isPositive();
        }
    }
}
