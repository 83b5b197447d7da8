package io.streamling.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timestamps as text, as Spark casts them to strings and shows them. */
class ShowStringTest {

    private static Timestamp at(String instant, int nanos) {
        Timestamp ts = Timestamp.from(Instant.parse(instant));
        ts.setNanos(nanos);
        return ts;
    }

    @Test
    void shouldWriteSecondsThenTheMicrosecondsWithoutTrailingZeros() {
        assertThat(ShowString.timestamp(at("2026-01-01T00:00:00Z", 0), ZoneOffset.UTC)).isEqualTo("2026-01-01 00:00:00");
        assertThat(ShowString.timestamp(at("2026-03-09T07:05:03Z", 120_000_000), ZoneOffset.UTC))
                .isEqualTo("2026-03-09 07:05:03.12");
        assertThat(ShowString.timestamp(at("2026-03-09T07:05:03Z", 1_000), ZoneOffset.UTC))
                .isEqualTo("2026-03-09 07:05:03.000001");
        assertThat(ShowString.timestamp(at("0999-12-31T23:59:59Z", 999_999_000), ZoneOffset.UTC))
                .isEqualTo("0999-12-31 23:59:59.999999");
    }

    @Test
    void shouldDropNanosecondsBelowAMicrosecondAsSparkKeepsMicroseconds() {
        assertThat(ShowString.timestamp(at("2026-01-01T00:00:00Z", 999), ZoneOffset.UTC)).isEqualTo("2026-01-01 00:00:00");
    }

    @Test
    void shouldWriteTheLocalTimeOfTheZoneAcrossDaylightSavingTime() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(ShowString.timestamp(at("2026-03-29T00:30:00Z", 0), paris)).isEqualTo("2026-03-29 01:30:00");
        assertThat(ShowString.timestamp(at("2026-03-29T01:30:00Z", 0), paris)).isEqualTo("2026-03-29 03:30:00");
    }

    @Test
    void shouldWriteTheSameTextAsTheFormatterForAnyTimeOfTheYearsOneToNineThousandNineHundredNinetyNine() {
        DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Random random = new Random(7);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            Timestamp ts = new Timestamp((first + (long) (random.nextDouble() * (last - first))) * 1000);
            assertThat(ShowString.timestamp(ts, ZoneOffset.UTC))
                    .isEqualTo(seconds.format(ts.toInstant().atZone(ZoneOffset.UTC)));
        }
    }

    @Test
    void shouldFallBackToTheFormatterBeyondTheYearNineThousandNineHundredNinetyNine() {
        assertThat(ShowString.timestamp(at("+10000-01-01T00:00:00Z", 500_000_000), ZoneOffset.UTC))
                .isEqualTo("+10000-01-01 00:00:00.5");
    }
}
