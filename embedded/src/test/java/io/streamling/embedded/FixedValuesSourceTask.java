package io.streamling.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Emits the connector's fixed values in one batch, then idles until stopped. */
public class FixedValuesSourceTask extends SourceTask {

    private static final Map<String, String> PARTITION = Map.of("source", "fixed-values");
    private static final String INDEX = "index";

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private int next;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(FixedValuesSourceConnector.TOPIC_CONFIG);
        // resume after the last committed value, so a restart does not emit duplicates
        Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
        next = offset == null ? 0 : ((Number) offset.get(INDEX)).intValue() + 1;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<String> values = FixedValuesSourceConnector.VALUES;
        if (next >= values.size()) {
            // nothing left: block briefly (or until stop) instead of letting the worker spin
            stopped.await(100, TimeUnit.MILLISECONDS);
            return null;
        }
        List<SourceRecord> records = new ArrayList<>();
        for (; next < values.size(); next++) {
            records.add(new SourceRecord(PARTITION, Map.of(INDEX, next), topic, 0,
                    Schema.STRING_SCHEMA, values.get(next)));
        }
        return records;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    @Override
    public String version() {
        return "test";
    }
}
