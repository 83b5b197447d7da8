package io.streamling.connect.file;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

import io.streamling.connect.file.FileSourceConfig.RecordKey;
import io.streamling.connect.file.FileSourceConfig.TimestampMode;

/**
 * Turns what was read into {@link SourceRecord}s: value and schema by format, key, timestamp,
 * headers, and the file's partition and byte offset; and builds the error-topic records.
 */
final class RecordFactory {

    private final String topic;
    private final String errorsTopic;
    private final Schema valueSchema;
    private final Schema errorValueSchema;
    private final RecordKey key;
    private final TimestampMode timestampMode;
    private final boolean headers;
    private final boolean lineHeader;
    private final Long since;
    private final boolean stampByFile;
    /** The file {@link #fileHeaders} belong to. */
    private OpenFile headersFile;
    private Header[] fileHeaders;

    /**
     * @param config     the connector configuration
     * @param watchStart when the connector first watched the directory, stored in every offset
     */
    RecordFactory(FileSourceConfig config, long watchStart) {
        this.topic = config.topic();
        this.errorsTopic = config.errorsTopic();
        boolean text = config.format().isText();
        this.valueSchema = text ? Schema.STRING_SCHEMA : Schema.BYTES_SCHEMA;
        this.errorValueSchema = text ? Schema.OPTIONAL_STRING_SCHEMA : Schema.OPTIONAL_BYTES_SCHEMA;
        this.key = config.recordKey();
        this.timestampMode = config.timestampMode();
        this.headers = config.headersEnabled();
        this.lineHeader = config.format() != FileSourceConfig.Format.BINARY;
        this.since = watchStart;
        this.stampByFile = config.triggerIntervalMs() > 0;
    }

    /**
     * Builds the record of a file's record.
     *
     * @param file   the file it was read from
     * @param record what was read
     * @return the source record
     */
    SourceRecord record(OpenFile file, FileRecord record) {
        long timestamp = switch (timestampMode) {
            // under trigger emulation a file's records share the time it started being read: one micro-batch
            case INGESTION -> stampByFile ? file.openedAt() : System.currentTimeMillis();
            case FILE -> file.file().modified();
            case FIELD -> record.timestamp();
        };
        return new SourceRecord(file.partition(), offset(record.end(), record.lastLine(), false), topic, null,
                keySchema(), key(file), valueSchema, record.value(), timestamp,
                headers ? fileHeaders(file, record.start(), record.line()) : null);
    }

    /**
     * Builds the error-topic record of a malformed record.
     *
     * @param file  the file
     * @param error the malformed record
     * @return the record for {@code errors.topic}
     */
    SourceRecord malformed(OpenFile file, MalformedRecordException error) {
        ConnectHeaders errorHeaders = fileHeaders(file, error.start(), error.line());
        errorHeaders.addString(Headers.ERROR_REASON, error.getMessage());
        return new SourceRecord(file.partition(), offset(error.end(), error.lastLine(), false), errorsTopic, null,
                keySchema(), key(file), errorValueSchema, error.raw(), System.currentTimeMillis(), errorHeaders);
    }

    /**
     * Builds the error-topic record of a file that cannot be read; its offset marks the file complete
     * so that it is not read again after a restart.
     *
     * @param file   the file
     * @param reason why it cannot be read
     * @return the record for {@code errors.topic}, with a null value
     */
    SourceRecord unreadable(OpenFile file, String reason) {
        ConnectHeaders errorHeaders = fileHeaders(file, file.position(), 0);
        errorHeaders.addString(Headers.ERROR_REASON, reason);
        return new SourceRecord(file.partition(), offset(file.position(), file.lines(), true), errorsTopic, null,
                keySchema(), key(file), errorValueSchema, null, System.currentTimeMillis(), errorHeaders);
    }

    private Map<String, Object> offset(long position, long line, boolean complete) {
        if (!complete) {
            return new RecordOffset(position, line, since);
        }
        return new FileOffsets.Offset(position, line, since, true).toMap();
    }

    private Schema keySchema() {
        return key == RecordKey.NONE ? null : Schema.STRING_SCHEMA;
    }

    private Object key(OpenFile file) {
        return switch (key) {
            case NONE -> null;
            case PATH -> file.partition().get(FileSourceTask.PARTITION_PATH_KEY);
            case NAME -> file.name();
        };
    }

    private ConnectHeaders fileHeaders(OpenFile file, long start, long line) {
        Header[] constant = constantHeaders(file);
        ConnectHeaders result = new ConnectHeaders();
        result.add(constant[0]).add(constant[1]);
        result.addLong(Headers.OFFSET, start);
        if (lineHeader && line > 0) {
            result.addLong(Headers.LINE, line);
        }
        result.add(constant[2]).add(constant[3]);
        return result;
    }

    /**
     * The headers that are the same on every record of a file (path, name, size, modification
     * time), built once per file: headers are immutable, so each record can share them instead of
     * building and validating four new ones.
     */
    private Header[] constantHeaders(OpenFile file) {
        if (headersFile != file) {
            ConnectHeaders built = new ConnectHeaders();
            built.addString(Headers.PATH, file.partition().get(FileSourceTask.PARTITION_PATH_KEY))
                    .addString(Headers.NAME, file.name())
                    .addLong(Headers.SIZE, file.file().size())
                    .addLong(Headers.MODIFIED, file.file().modified());
            Header[] shared = new Header[4];
            int i = 0;
            for (Header header : built) {
                shared[i++] = header;
            }
            headersFile = file;
            fileHeaders = shared;
        }
        return fileHeaders;
    }
}
