package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsCheckTest {

    private final InputSpec input = InputSpec.of(4_800, 300, 42);

    @Test
    void shouldSpreadEventsOverEveryHourOfBothActions() {
        Map<String, Long> counts = EventsInput.expectedCounts(input);

        assertThat(counts).hasSize(2 * EventsInput.HOURS)
                .containsKey("open@2026-01-01 00:00:00").containsKey("close@2026-01-01 23:00:00");
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4_800);
        assertThat(counts.get("open@2026-01-01 00:00:00")).isGreaterThan(counts.get("close@2026-01-01 00:00:00"));
    }

    @Test
    void shouldBeCompleteAndExactOnceTheLastValueOfEveryKeyIsTheExpectedCount() {
        Map<String, Long> expected = EventsInput.expectedCounts(input);
        EventsCheck check = new EventsCheck(expected);

        // a complete-mode first batch with partial counts, then the final table, then a marker row
        expected.forEach((key, count) -> check.accept(0, key, Long.toString(count - 1)));
        assertThat(check.complete()).isFalse();
        assertThat(check.missing()).isEqualTo(expected.size());
        expected.forEach((key, count) -> check.accept(0, key, Long.toString(count)));
        assertThat(check.accept(0, "~end-3@2026-01-01 23:00:00", "16")).isFalse();

        assertThat(check.complete()).isTrue();
        assertThat(check.exact()).isTrue();
        assertThat(check.missing()).isZero();
    }

    @Test
    void shouldNotBeExactWhenAKeyIsUnexpected() {
        Map<String, Long> expected = EventsInput.expectedCounts(input);
        EventsCheck check = new EventsCheck(expected);
        expected.forEach((key, count) -> check.accept(0, key, Long.toString(count)));

        check.accept(0, "open@2026-01-02 00:00:00", "1");

        assertThat(check.complete()).isFalse();
        assertThat(check.exact()).isFalse();
    }

    @Test
    void shouldReadTheWindowStartFromTheValueOfTheStructuredSlidingCount() {
        Expectations expectations = new Expectations(InputSpec.of(600, 300, 42));
        OutputCheck streamling = expectations.check(Workload.STRUCTURED_SLIDING_COUNT, Side.STREAMLING);
        String word = input.vocabulary().word(0);

        streamling.accept(0, word, "2026-01-01 00:00:00,1");

        assertThat(streamling.exact()).isFalse();
        assertThat(streamling.complete()).isFalse();
    }
}
