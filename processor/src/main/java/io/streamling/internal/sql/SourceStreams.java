package io.streamling.internal.sql;

import io.streamling.internal.plan.ConnectorFeed;
import io.streamling.internal.plan.GeneratedFeed;
import io.streamling.internal.plan.SocketEndpoint;
import io.streamling.internal.plan.SourceNode.ValueFormat;
import io.streamling.internal.runtime.KafkaRecord;
import io.streamling.sql.AnalysisException;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Builds the DStream a Structured source reads: the socket connector, the file connector (reading
 * the files already there too, with the source's options), a generator for the rate sources, or
 * Kafka topics read whole (key, value, partition, offset, timestamp, headers).
 */
final class SourceStreams {

    private SourceStreams() {
    }

    /**
     * The source's streams.
     *
     * @param input the stream the source's records enter (the test kit feeds it)
     * @param rows the stream of source elements the query reads: {@code input}, or several topics'
     *     records together, minus those before {@code startingOffsets}
     */
    record Opened(JavaInputDStream<Object> input, JavaDStream<Object> rows) {
    }

    /**
     * Points the program at the Kafka source's cluster: queries run on one cluster, so the source's
     * {@code kafka.bootstrap.servers} becomes the session's when it has none.
     *
     * @throws AnalysisException when the session runs on another cluster
     */
    static void configure(StreamingConf conf, SourceSpec source, String sessionServers) {
        if (!source.format().equals("kafka")) {
            return;
        }
        String servers = source.option("kafka.bootstrap.servers");
        if (sessionServers != null && !sessionServers.equals(servers)) {
            throw new AnalysisException("The Kafka source reads from " + servers + " but the session runs on "
                    + sessionServers + "; Streamling runs a query on one cluster: set bootstrap.servers to the same value");
        }
        conf.setBootstrapServers(servers);
        source.options().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("kafka.") && !lower.equals("kafka.bootstrap.servers")) {
                // Spark passes kafka.* to its consumers; here they configure the program's consumer
                conf.set("main.consumer." + key.substring("kafka.".length()), value);
            }
        });
        if (source.has("maxOffsetsPerTrigger")) {
            conf.set("main.consumer.max.poll.records", source.option("maxOffsetsPerTrigger").trim());
        }
    }

    @SuppressWarnings("unchecked")
    static Opened open(JavaStreamingContext ssc, SourceSpec source, long triggerMs) {
        String format = source.format();
        if (format.equals("socket")) {
            String host = source.option("host");
            int port = Integer.parseInt(source.option("port").trim());
            if (source.flag("includeTimestamp")) {
                // whole records: the row carries each line's arrival time, the record's timestamp
                JavaInputDStream<Object> records = ssc.sourceStream("socketTextStream", null, ValueFormat.RECORD,
                        Optional.of(ConnectorFeed.socket(new SocketEndpoint(host, port))), Optional.empty());
                return new Opened(records, records);
            }
            JavaInputDStream<Object> socket = (JavaInputDStream<Object>) (JavaInputDStream<?>) ssc.socketTextStream(
                    host, port);
            return new Opened(socket, socket);
        } else if (source.isFileSource()) {
            JavaInputDStream<Object> files = ssc.sourceStream("files", null, ValueFormat.RECORD, Optional.of(
                    new ConnectorFeed(ConnectorFeed.FILE_CONNECTOR, FileSources.connectorConfig(source, triggerMs))), Optional.empty());
            return new Opened(files, files);
        } else if (format.equals("rate") || format.equals("rate-micro-batch")) {
            JavaInputDStream<Object> rate = ssc.sourceStream(format, null, ValueFormat.ELEMENTS,
                    Optional.of(new GeneratedFeed(RateGenerators.of(source, triggerMs))), Optional.empty());
            return new Opened(rate, rate);
        } else if (format.equals("kafka")) {
            return kafka(ssc, source);
        }
        throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
    }

    private static Opened kafka(JavaStreamingContext ssc, SourceSpec source) {
        KafkaOptions.Starting starting = KafkaOptions.startingOffsets(source);
        Map<String, Set<Integer>> assigned = source.has("assign") ? KafkaOptions.assignment(source.option("assign")) : null;
        List<String> topics = assigned != null ? List.copyOf(assigned.keySet())
                : source.has("subscribe") ? KafkaOptions.topics(source.option("subscribe"))
                : matchingTopics(source.option("kafka.bootstrap.servers"), source.option("subscribePattern").trim());
        JavaInputDStream<Object> first = null;
        JavaDStream<Object> all = null;
        for (String topic : topics) {
            JavaInputDStream<Object> stream = ssc.sourceStream("kafka", topic, ValueFormat.RECORD, Optional.empty(),
                    Optional.of(starting.reset()));
            first = first == null ? stream : first;
            all = all == null ? stream : all.union(stream);
        }
        if (assigned == null && starting.offsets().isEmpty()) {
            return new Opened(first, all);
        }
        // assign reads only the given partitions; specific starting offsets skip the records before them
        return new Opened(first, all.filter(element -> {
            KafkaRecord record = (KafkaRecord) element;
            return (assigned == null || assigned.getOrDefault(record.topic(), Set.of()).contains(record.partition()))
                    && starting.reads(record.topic(), record.partition(), record.offset());
        }));
    }

    /**
     * The topics matching {@code subscribePattern} when the query starts. Spark also picks up
     * topics created later; Streamling's topology reads a fixed set of topics.
     */
    private static List<String> matchingTopics(String servers, String regex) {
        Pattern pattern = Pattern.compile(regex);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<String> topics = new ArrayList<>(admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> pattern.matcher(topic).matches()).sorted().toList());
            if (topics.isEmpty()) {
                throw new AnalysisException("No topic on " + servers + " matches subscribePattern '" + regex
                        + "'; Streamling subscribes to the topics that exist when the query starts");
            }
            return topics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the topics of " + servers, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot list the topics of " + servers + " for subscribePattern: " + e, e);
        }
    }
}
