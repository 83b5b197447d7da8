package io.streamling.sql;

import io.streamling.internal.sql.MiniSql;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point of the Structured Streaming API, as Spark's {@code SparkSession}: read static and
 * streaming Datasets, and query tables (temp views and memory sinks) with {@link #sql(String)}.
 * Without {@code bootstrap.servers}, queries run on the embedded Kafka broker.
 */
public final class SparkSession {

    /** The session time zone config; timestamps print in it. UTC unless set. */
    public static final String TIME_ZONE = "spark.sql.session.timeZone";

    private static SparkSession active;

    private final Map<String, String> conf;
    private final Map<String, Dataset<Row>> tables = new ConcurrentHashMap<>();
    private volatile PrintStream console = System.out;
    private final StreamingQueryManager streams = new StreamingQueryManager(this);

    private SparkSession(Map<String, String> conf) {
        this.conf = Map.copyOf(conf);
    }

    /** A builder: {@code SparkSession.builder().appName("x").getOrCreate()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A reader of streaming Datasets. */
    public DataStreamReader readStream() {
        return new DataStreamReader(this);
    }

    /** The session's streaming queries: active ones, listeners, waiting for termination. */
    public StreamingQueryManager streams() {
        return streams;
    }

    /** A reader of static Datasets. */
    public DataFrameReader read() {
        return new DataFrameReader(this);
    }

    /** A static Dataset of rows. */
    public Dataset<Row> createDataFrame(List<Row> rows, io.streamling.sql.types.StructType schema) {
        return new Dataset<>(this, schema, rows.stream().map(r -> new Row(schema, r.values())).toList(), null);
    }

    /**
     * A static DataFrame of Java beans, a column per property ({@link Encoders#bean}), as Spark's
     * {@code createDataFrame(rdd, JavaRecord.class)} in {@code JavaSqlNetworkWordCount}; an RDD of a
     * batch is such a list.
     */
    public <T> Dataset<Row> createDataFrame(java.util.Collection<T> beans, Class<T> beanClass) {
        return createDataset(new java.util.ArrayList<>(beans), Encoders.bean(beanClass)).toDF();
    }

    /** A static Dataset of objects, encoded to rows by {@code encoder}, as Spark's {@code createDataset}. */
    public <T> Dataset<T> createDataset(List<T> data, Encoder<T> encoder) {
        return new Dataset<>(this, encoder.schema(), data.stream().map(encoder::toRow).toList(), null, encoder);
    }

    /**
     * A snapshot of a table: a temp view, or the current result of a memory-sink query.
     *
     * @throws AnalysisException when there is no such table
     */
    public Dataset<Row> table(String name) {
        Dataset<Row> table = tables.get(name.toLowerCase(java.util.Locale.ROOT));
        if (table == null) {
            throw new AnalysisException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `" + name + "` cannot be found.");
        }
        return table;
    }

    /** Runs a query of the SQL subset documented in the README ({@code select … from t [where] [group by] [order by]}). */
    public Dataset<Row> sql(String query) {
        return MiniSql.run(this, query);
    }

    /** A configuration value, or null. */
    public String conf(String key) {
        return conf.get(key);
    }

    /** The application name. */
    public String appName() {
        return conf.getOrDefault("spark.app.name", "streamling");
    }

    /** Internal: where {@code show()} and the console sink print; {@code System.out} by default. */
    public PrintStream console() {
        return console;
    }

    /** Internal: redirects {@code show()} and the console sink (tests). */
    public void setConsole(PrintStream console) {
        this.console = Objects.requireNonNull(console, "console");
    }

    /** Internal: the session time zone. */
    public ZoneId timeZone() {
        return ZoneId.of(conf.getOrDefault(TIME_ZONE, "UTC"));
    }

    /** Internal: registers or replaces a table (temp views, memory sinks). */
    public void registerTable(String name, Dataset<Row> table) {
        tables.put(name.toLowerCase(java.util.Locale.ROOT), table);
    }

    /** Stops the session's active queries and forgets this session as the active one; its tables go with it. */
    public void stop() {
        streams.stopAll();
        synchronized (SparkSession.class) {
            if (active == this) {
                active = null;
            }
        }
    }

    /** Builds or returns the active session. */
    public static final class Builder {

        private final Map<String, String> conf = new HashMap<>();

        /** The application name (the Kafka Streams application id of its queries). */
        public Builder appName(String name) {
            return config("spark.app.name", name);
        }

        /** Accepted for compatibility; Streamling runs on Kafka Streams, not on a Spark master. */
        public Builder master(String master) {
            return config("spark.master", master);
        }

        /** A setting: {@code bootstrap.servers} for a Kafka cluster, {@code spark.sql.session.timeZone}… */
        public Builder config(String key, String value) {
            conf.put(key, value);
            return this;
        }

        /** The active session if there is one with the same settings, else a new one that becomes active. */
        public SparkSession getOrCreate() {
            synchronized (SparkSession.class) {
                if (active == null || !active.conf.equals(conf)) {
                    active = new SparkSession(conf);
                }
                return active;
            }
        }
    }
}
