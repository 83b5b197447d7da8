package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicLong counter = new AtomicLong();
    private final RateMeter meter = new RateMeter(counter::get, clock::get);

    private void advance(long seconds, long events) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        counter.addAndGet(events);
    }

    @Test
    void givenNoTimePassed_whenAsked_thenZero() {
        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void givenSteadyEvents_whenAsked_thenAverageSinceStart() {
        advance(2, 1_000);

        assertThat(meter.perSecond()).isCloseTo(500.0, within(0.001));
    }

    @Test
    void givenOldSamples_whenAskedRegularly_thenOnlyAboutTheLastTenSecondsCount() {
        // given: 100/s for 20 s, sampled every second, then 1000/s for 10 s
        for (int i = 0; i < 20; i++) {
            advance(1, 100);
            meter.perSecond();
        }
        for (int i = 0; i < 10; i++) {
            advance(1, 1_000);
            meter.perSecond();
        }

        // when / then: the window holds only the fast period
        advance(1, 1_000);
        assertThat(meter.perSecond()).isCloseTo(1_000.0, within(0.001));
    }

    @Test
    void givenRareQuestions_whenAsked_thenAverageSinceThePreviousQuestion() {
        advance(30, 3_000);
        meter.perSecond();

        advance(60, 1_200);

        assertThat(meter.perSecond()).isCloseTo(20.0, within(0.001));
    }
}
