package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The file sink ({@code json}, {@code csv}, {@code text}), append mode only: each micro-batch
 * becomes whole new files, {@code part-00000-<uuid>-c000.<ext>}, one per partition directory
 * ({@code partitionBy} columns as Hive-style {@code col=value/} directories, left out of the file).
 * A file is written under a hidden name ({@code .name.tmp}, which readers skip) and renamed when
 * complete, so readers never see half a batch. There is no {@code _spark_metadata} log: a batch
 * replayed after a crash writes its files again (at-least-once, where Spark's log makes it exactly-once).
 */
final class FileSinkWriter implements BatchWriter {

    /** Hive's directory name for a null or empty partition value. */
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final Path path;
    private final String format;
    private final StructType schema;
    private final int[] partitionColumns;
    private final int[] dataColumns;
    private final RowFormatter formatter;
    private final ZoneId zone;

    FileSinkWriter(WriteSpec spec) {
        this.path = Path.of(spec.option("path"));
        this.format = spec.format();
        this.schema = spec.schema();
        this.zone = spec.session().timeZone();
        this.partitionColumns = spec.partitionBy().stream().mapToInt(schema::fieldIndex).toArray();
        List<Integer> data = new ArrayList<>();
        List<StructField> dataFields = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            int index = i;
            if (java.util.Arrays.stream(partitionColumns).noneMatch(p -> p == index)) {
                data.add(i);
                dataFields.add(schema.apply(i));
            }
        }
        this.dataColumns = data.stream().mapToInt(Integer::intValue).toArray();
        this.formatter = RowFormatter.of(format, new StructType(dataFields), spec.options(), zone);
    }

    @Override
    public String description() {
        return "FileSink[" + path + "]";
    }

    @Override
    public void write(long batchId, List<Row> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (Row row : rows) {
            StringBuilder file = files.computeIfAbsent(directoryOf(row), dir -> new StringBuilder(formatter.header()));
            file.append(formatter.format(dataOf(row))).append('\n');
        }
        String name = "part-00000-" + UUID.randomUUID() + "-c000" + formatter.extension();
        for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
            Path dir = path.resolve(file.getKey());
            Files.createDirectories(dir);
            Path temporary = dir.resolve("." + name + ".tmp");
            Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Object[] dataOf(Row row) {
        Object[] values = new Object[dataColumns.length];
        for (int i = 0; i < dataColumns.length; i++) {
            values[i] = row.get(dataColumns[i]);
        }
        return values;
    }

    private String directoryOf(Row row) {
        StringBuilder dir = new StringBuilder();
        for (int column : partitionColumns) {
            Object value = row.get(column);
            String text = value == null ? "" : ShowString.cell(value, zone);
            dir.append(escape(schema.apply(column).name())).append('=')
                    .append(text.isEmpty() ? DEFAULT_PARTITION : escape(text)).append('/');
        }
        return dir.toString();
    }

    /** Hive's {@code escapePathName}: characters that are special in paths become {@code %XX}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
