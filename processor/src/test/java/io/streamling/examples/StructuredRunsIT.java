package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The launcher's structured-events run, on a real broker: what it prints, exactly. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StructuredRunsIT {

    @Test
    void theEventsRunPrintsTheStaticAnalysisThenTheStreamedTotalsOfTheMemoryTable(EmbeddedKafkaBroker broker)
            throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StructuredRuns runs = new StructuredRuns(broker.bootstrapServers(), 120,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // when
        runs.events();

        // then: 30 events, every third a Close, 397 s apart from 2016-07-26 02:45:07 UTC
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.substring(printed.indexOf('\n') + 1)).isEqualTo(String.join("\n",
                "+------+------------------------------------------+-----+",
                "|action|window                                    |count|",
                "+------+------------------------------------------+-----+",
                "|Close |{2016-07-26 02:00:00, 2016-07-26 03:00:00}|1    |",
                "|Open  |{2016-07-26 02:00:00, 2016-07-26 03:00:00}|2    |",
                "|Close |{2016-07-26 03:00:00, 2016-07-26 04:00:00}|3    |",
                "|Open  |{2016-07-26 03:00:00, 2016-07-26 04:00:00}|6    |",
                "|Close |{2016-07-26 04:00:00, 2016-07-26 05:00:00}|3    |",
                "|Open  |{2016-07-26 04:00:00, 2016-07-26 05:00:00}|6    |",
                "|Close |{2016-07-26 05:00:00, 2016-07-26 06:00:00}|3    |",
                "|Open  |{2016-07-26 05:00:00, 2016-07-26 06:00:00}|6    |",
                "+------+------------------------------------------+-----+",
                "",
                "+------+-----------+",
                "|action|total_count|",
                "+------+-----------+",
                "| Close|         10|",
                "|  Open|         20|",
                "+------+-----------+",
                "",
                "Streaming, one file per trigger, to the memory table counts:",
                "select action, sum(count) as total_count from counts group by action:",
                "+------+-----------+",
                "|action|total_count|",
                "+------+-----------+",
                "| Close|         10|",
                "|  Open|         20|",
                "+------+-----------+",
                "", ""));
    }

    @Test
    void theLineLengthsRunPrintsInUpdateModeUntilEveryLengthReachesItsCountInTheWholeText(EmbeddedKafkaBroker broker)
            throws Exception {
        // given: five lines in three files; lengths 1, 2, 2, 3, 2
        List<String> text = List.of("a", "bb", "cc", "ddd", "ee");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StructuredRuns runs = new StructuredRuns(broker.bootstrapServers(), 120,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // when
        runs.lineLengths(text);

        // then: whatever the micro-batches, each length's last printed count is its count in the text
        String printed = out.toString(StandardCharsets.UTF_8);
        Map<Integer, Long> last = new TreeMap<>();
        Matcher row = Pattern.compile("\\|\\s*(\\d+)\\|\\s*(\\d+)\\|").matcher(printed);
        while (row.find()) {
            last.put(Integer.parseInt(row.group(1)), Long.parseLong(row.group(2)));
        }
        assertThat(printed).startsWith("-------------------------------------------\nBatch: 0\n");
        assertThat(last).isEqualTo(Map.of(1, 1L, 2, 3L, 3, 1L));
    }
}
