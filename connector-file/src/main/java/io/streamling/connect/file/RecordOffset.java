package io.streamling.connect.file;

import java.util.AbstractMap;
import java.util.List;
import java.util.Set;

/**
 * The source offset of one record, {@code {position, line, since}}, as a read-only map that costs
 * no more than a small object to create: one is made per record, and {@code Map.of} with three
 * entries (hashing and probing on construction) was the task's largest cost. Entries are built
 * only when Kafka Connect serializes the offset, which it does for the latest offset per file.
 */
final class RecordOffset extends AbstractMap<String, Object> {

    private final long position;
    private final long line;
    private final Long since;

    /**
     * @param position byte position after the record
     * @param line     lines (or records) up to there
     * @param since    when the connector first watched the directory
     */
    RecordOffset(long position, long line, Long since) {
        this.position = position;
        this.line = line;
        this.since = since;
    }

    @Override
    public Object get(Object key) {
        if (FileSourceTask.OFFSET_POSITION_KEY.equals(key)) {
            return position;
        }
        if (FileSourceTask.OFFSET_LINE_KEY.equals(key)) {
            return line;
        }
        return FileSourceTask.OFFSET_SINCE_KEY.equals(key) ? since : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return FileSourceTask.OFFSET_POSITION_KEY.equals(key) || FileSourceTask.OFFSET_LINE_KEY.equals(key)
                || FileSourceTask.OFFSET_SINCE_KEY.equals(key);
    }

    @Override
    public int size() {
        return 3;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.copyOf(List.of(new SimpleImmutableEntry<>(FileSourceTask.OFFSET_POSITION_KEY, position),
                new SimpleImmutableEntry<>(FileSourceTask.OFFSET_LINE_KEY, line),
                new SimpleImmutableEntry<>(FileSourceTask.OFFSET_SINCE_KEY, since)));
    }
}
