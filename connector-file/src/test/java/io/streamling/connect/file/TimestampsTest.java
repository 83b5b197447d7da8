package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void shouldReadEpochMillisAndIsoDateTimes() {
        // when / then
        assertThat(Timestamps.parse("1700000000123")).isEqualTo(1_700_000_000_123L);
        assertThat(Timestamps.parse("1.700000000123e12")).isEqualTo(1_700_000_000_123L);
        assertThat(Timestamps.parse("2023-11-14T22:13:20.123Z")).isEqualTo(1_700_000_000_123L);
        assertThat(Timestamps.parse("2023-11-14T23:13:20.123+01:00")).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void shouldRejectAnythingElseSayingWhatIsAccepted() {
        // when / then
        assertThatThrownBy(() -> Timestamps.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither epoch milliseconds nor an ISO-8601");
        assertThatThrownBy(() -> Timestamps.parse("2023-11-14 22:13:20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.parse("1e40")).hasMessageContaining("out of the range");
    }
}
