package io.streamling.sql;

import io.streamling.internal.sql.RowParser;
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
import java.util.stream.Stream;

/**
 * Reads static Datasets, as Spark's {@code spark.read()}: {@code text} and {@code json} (schema
 * required) from a file or from every non-hidden file of a directory, in name order.
 */
public final class DataFrameReader {

    private final SparkSession session;
    private final Map<String, String> options = new HashMap<>();
    private String format = "text";
    private StructType schema;

    DataFrameReader(SparkSession session) {
        this.session = session;
    }

    /** The format: {@code text} or {@code json}. */
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

    /** An option: {@code mode}, {@code columnNameOfCorruptRecord}. */
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

    /** The rows of a file or a directory. */
    public Dataset<Row> load(String path) {
        StructType rowSchema;
        if (format.equals("text")) {
            rowSchema = RowParser.VALUE_SCHEMA;
        } else if (format.equals("json")) {
            if (schema == null) {
                throw new UnsupportedOperationException("Schema inference is not supported yet: give json a schema");
            }
            rowSchema = schema;
        } else {
            throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
        }
        RowParser parser = RowParser.of(format, rowSchema, options.get("mode"), options.get("columnNameOfCorruptRecord"));
        List<Row> rows = new ArrayList<>();
        for (Path file : files(Path.of(path))) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    // blank lines are not records in JSON; text keeps them, as Spark does
                    if (!format.equals("json") || !line.isBlank()) {
                        rows.addAll(parser.parse(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Dataset<>(session, rowSchema, rows, null);
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new AnalysisException("[PATH_NOT_FOUND] Path does not exist: " + path + ".");
            }
            return List.of(path);
        }
        try (Stream<Path> list = Files.list(path)) {
            // Spark skips names starting with _ or . (e.g. _SUCCESS, .crc)
            return list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
