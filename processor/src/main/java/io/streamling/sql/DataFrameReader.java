package io.streamling.sql;

import io.streamling.internal.sql.FileNames;
import io.streamling.internal.sql.KafkaBatchReader;
import io.streamling.internal.sql.RowParser;
import io.streamling.internal.sql.SourceSpec;
import io.streamling.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads static Datasets, as Spark's {@code spark.read()}: {@code text}, {@code json} and {@code csv}
 * (schema required) from a file or from every non-hidden file of a directory, in name order. An
 * option the format does not know fails {@code load}, naming it.
 */
public final class DataFrameReader {

    private final SparkSession session;
    private final Map<String, String> options = new HashMap<>();
    private String format = "text";
    private StructType schema;

    DataFrameReader(SparkSession session) {
        this.session = session;
    }

    /** The format: {@code text}, {@code json} or {@code csv}. */
    public DataFrameReader format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return this;
    }

    /** The row schema. */
    public DataFrameReader schema(StructType schema) {
        this.schema = schema;
        return this;
    }

    /** The row schema as DDL. */
    public DataFrameReader schema(String ddl) {
        return schema(StructType.fromDDL(ddl));
    }

    /** An option (a long). */
    public DataFrameReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** An option (a double). */
    public DataFrameReader option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Options. */
    public DataFrameReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** An option (a boolean). */
    public DataFrameReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** An option: {@code mode}, {@code columnNameOfCorruptRecord}, {@code header}, {@code sep}, {@code pathGlobFilter}… */
    public DataFrameReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** JSON lines. */
    public Dataset<Row> json(String path) {
        return format("json").load(path);
    }

    /** Text lines. */
    public Dataset<Row> text(String path) {
        return format("text").load(path);
    }

    /** CSV lines (schema required): options {@code header}, {@code sep}, {@code nullValue}, {@code mode}… */
    public Dataset<Row> csv(String path) {
        return format("csv").load(path);
    }

    /**
     * The rows of a file or a directory.
     *
     * @throws AnalysisException for an unknown format or option, or a path that does not exist
     */
    public Dataset<Row> load(String path) {
        StructType rowSchema;
        if (format.equals("kafka")) {
            return kafka();
        } else if (format.equals("text")) {
            rowSchema = RowParser.VALUE_SCHEMA;
        } else if (format.equals("json") || format.equals("csv")) {
            if (schema == null) {
                throw new UnsupportedOperationException("Schema inference is not supported yet: give " + format + " a schema");
            }
            rowSchema = schema;
        } else {
            throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
        }
        Map<String, String> all = new HashMap<>(options);
        all.put("path", path);
        SourceSpec spec = new SourceSpec(format, all, rowSchema).validateStatic();
        RowParser parser = spec.parser();
        List<Row> rows = new ArrayList<>();
        for (Path file : files(Path.of(path), spec)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                // with header, Spark skips the first line of each file
                int first = parser.header() && format.equals("csv") ? 1 : 0;
                if (first == 1 && !lines.isEmpty()) {
                    parser.checkHeader(lines.get(0), file.toUri().toString());
                }
                for (String line : lines.subList(Math.min(first, lines.size()), lines.size())) {
                    rows.addAll(parser.parse(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Dataset<>(session, rowSchema, rows, null);
    }

    /** The static Dataset of a Kafka source: {@code format("kafka")...load()}. */
    public Dataset<Row> load() {
        if (!format.equals("kafka")) {
            String path = new SourceSpec(format, options, null).option("path");
            if (path == null) {
                throw new IllegalArgumentException("'path' is not specified");
            }
            return load(path);
        }
        return kafka();
    }

    private Dataset<Row> kafka() {
        if (schema != null) {
            throw new AnalysisException("The kafka source does not support a user-specified schema.");
        }
        StructType rowSchema = "true".equalsIgnoreCase(new SourceSpec(format, options, null).option("includeHeaders"))
                ? RowParser.KAFKA_HEADERS_SCHEMA : RowParser.KAFKA_SCHEMA;
        SourceSpec spec = new SourceSpec(format, options, rowSchema).validateStatic();
        return new Dataset<>(session, rowSchema, KafkaBatchReader.read(spec), null);
    }

    private static List<Path> files(Path path, SourceSpec spec) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: " + path + ".");
            }
            return List.of(path);
        }
        Pattern names = Pattern.compile(FileNames.pattern(spec.option("pathGlobFilter")));
        boolean recursive = "true".equalsIgnoreCase(spec.option("recursiveFileLookup"));
        try (Stream<Path> list = recursive ? Files.walk(path) : Files.list(path)) {
            // Spark skips names starting with _ or . (e.g. _SUCCESS, .crc)
            return list.filter(Files::isRegularFile)
                    .filter(p -> names.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
