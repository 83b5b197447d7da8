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
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads static Datasets, as Spark's {@code spark.read()}: {@code text}, {@code json} and {@code csv}
 * (schema required) from a file or from every non-hidden file of a directory, in name order. An
 * option the format does not know fails {@code load}, naming it.
 */
public final class DataFrameReader extends SourceReader<DataFrameReader> {

    DataFrameReader(SparkSession session) {
        super(session);
    }

    /**
     * The rows of a file or a directory.
     *
     * @throws AnalysisException for an unknown format or option, or a path that does not exist
     */
    @Override
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
