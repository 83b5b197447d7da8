package io.streamling.benchmarks.spark;

import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.rpad;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.reverse;
import static org.apache.spark.sql.functions.repeat;
import static org.apache.spark.sql.functions.instr;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.from_unixtime;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.ltrim;
import static org.apache.spark.sql.functions.rtrim;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.minute;
import static org.apache.spark.sql.functions.second;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Records what Apache Spark gives for static ({@code spark.read()}) queries over a hand-made JSON
 * lines file and a CSV file with awkward values: parse modes, casts, string functions, arithmetic
 * and aggregates over nulls, windows, ordering. Prints {@code STATIC <query> <rows>}, rows sorted
 * unless the query orders them. {@code StaticSparkReferenceTest} (module processor) holds the same
 * queries in Streamling's API: keep the two in step.
 *
 * <pre>java -cp ... io.streamling.benchmarks.spark.StaticReference DIR [query...]</pre>
 * where {@code DIR} holds {@code static-input.jsonl}, {@code static-input.csv}, {@code static-quotes.csv}
 * and {@code timestamp-texts.txt} (processor/src/test/resources/spark-reference). It also prints
 * {@code CAST <text> <timestamp>}: {@code CAST(text AS TIMESTAMP)} of each line of the last, null where
 * Spark reads no timestamp ({@code TimestampTextTest}).
 */
public final class StaticReference {

    static final String JSON_SCHEMA = "t TIMESTAMP, k STRING, v INT, d DOUBLE, s STRING";
    static final String CSV_SCHEMA = "k STRING, v INT, d DOUBLE, s STRING, t TIMESTAMP";
    static final String[] QUERIES = {"json_raw", "json_corrupt", "json_drop", "json_strings", "csv_raw", "csv_corrupt",
        "csv_drop", "csv_quotes", "csv_quotes_drop", "funcs", "arith", "arith_overflow", "casts", "cast_numeric_string", "cast_invalid", "cast_overflow",
        "cast_ts_long", "cast_ts_double", "cast_double_int_overflow", "cast_long_int_overflow", "cast_num_ts",
        "split_explode", "agg", "agg_global", "win", "win_slide", "order_desc",
        "order_asc", "where", "where_expr", "distinct", "to_ts", "to_ts_format", "to_ts_invalid", "to_ts_epoch", "from_json_text", "to_json", "show_raw", "show_funcs", "show_agg", "show_win", "show_top", "show_full",
        "show_csv", "fn_strings", "fn_numbers", "fn_dates", "fn_when", "fn_round_overflow", "fn_agg_round", "show_fn",
        "sql_group", "sql_group_order", "sql_where_limit", "sql_between", "sql_funcs", "sql_count", "sql_star", "sql_arith", "sql_cast", "show_sql", "sql_distinct", "sql_having", "sql_having_hidden", "sql_having_agg",
        "sql_fn_group", "sql_fn_rows", "show_sql_fn", "select_expr_fn", "show_sql_case", "show_col_tests", "show_sql_in", "sql_in", "sql_not_in_null", "sql_like", "sql_case_group", "agg_by_d", "show_arrays", "array_index_out", "sql_floor_size", "agg_collect", "sql_collect", "show_unix_time", "sql_unix_time", "unix_time_invalid", "na_drop", "na_drop_all_cols", "na_drop_cols", "na_fill_num", "na_fill_double", "na_fill_str", "na_fill_map", "show_isnan", "show_strings2", "show_math", "sql_strings_math", "show_regexp_arrays", "element_at_out", "sql_regexp_arrays"};
    private static final List<String> ORDERED = List.of("order_desc", "order_asc", "sql_group_order",
            "sql_where_limit", "sql_between", "sql_having_agg", "sql_fn_group");

    private StaticReference() {
    }

    public static void main(String[] args) throws java.io.IOException {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("static-reference")
                .config("spark.sql.shuffle.partitions", "1").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : List.of(QUERIES);
        for (String name : names) {
            String out;
            try {
                if (name.startsWith("show_")) {
                    int numRows = name.equals("show_top") ? 3 : 20;
                    int truncate = name.equals("show_full") ? 0 : 20;
                    System.out.println("STATIC\t" + name + "\t" + showString(query(spark, args[0], name), numRows, truncate)
                            .replace("\n", "\\n"));
                    continue;
                }
                List<String> rows = new ArrayList<>();
                for (Row row : query(spark, args[0], name).collectAsList()) {
                    rows.add(format(row));
                }
                if (!ORDERED.contains(name)) {
                    Collections.sort(rows);
                }
                out = rows.toString();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            } catch (Exception e) {
                out = "ERROR " + errorClass(e.getMessage());
            }
            System.out.println("STATIC\t" + name + "\t" + out);
        }
        // CAST(text AS TIMESTAMP) of every line of timestamp-texts.txt, null where Spark reads no timestamp
        List<String> texts = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[0], "timestamp-texts.txt"));
        for (Row row : spark.createDataset(texts, org.apache.spark.sql.Encoders.STRING()).toDF("t")
                .select(col("t"), org.apache.spark.sql.functions.expr("try_cast(t AS TIMESTAMP)")).collectAsList()) {
            System.out.println("CAST\t" + row.get(0) + "\t" + row.get(1));
        }
        spark.stop();
    }

    static Dataset<Row> query(SparkSession spark, String dir, String name) {
        String json = dir + "/static-input.jsonl";
        String csv = dir + "/static-input.csv";
        Dataset<Row> rows = spark.read().schema(JSON_SCHEMA).json(json);
        Dataset<Row> table = spark.read().schema(CSV_SCHEMA).option("header", "true").csv(csv);
        return switch (name) {
            case "json_raw" -> rows;
            case "json_corrupt" -> spark.read().schema(JSON_SCHEMA + ", _corrupt_record STRING").json(json);
            case "json_drop" -> spark.read().schema(JSON_SCHEMA).option("mode", "DROPMALFORMED").json(json);
            case "json_strings" -> spark.read().schema("t STRING, k STRING, v STRING, d STRING, s STRING").json(json);
            case "csv_raw" -> table;
            case "csv_corrupt" -> spark.read().schema(CSV_SCHEMA + ", _corrupt_record STRING").option("header", "true")
                    .csv(csv);
            case "csv_drop" -> spark.read().schema(CSV_SCHEMA).option("header", "true").option("mode", "DROPMALFORMED")
                    .csv(csv);
            case "csv_quotes" -> spark.read().schema("k INT, s STRING, _corrupt_record STRING").option("header", "true")
                    .csv(dir + "/static-quotes.csv");
            case "csv_quotes_drop" -> spark.read().schema("k INT, s STRING").option("header", "true")
                    .option("mode", "DROPMALFORMED").csv(dir + "/static-quotes.csv");
            case "show_raw" -> rows.orderBy(col("k"), col("v"), col("s"));
            case "show_funcs" -> rows.where(col("v").lt(1000)).select(col("k"), length(col("s")), upper(col("s")), concat(col("k"), lit("-"), col("s")),
                    col("v").multiply(2), col("v").divide(3), col("d").plus(col("v")), col("v").cast("string"))
                    .orderBy(col("k"), col("v"));
            case "show_agg" -> rows.groupBy(col("k")).agg(count(col("v")), sum(col("v")), avg(col("v")), min(col("s")),
                    max(col("t")), count(lit(1))).orderBy(col("k"));
            case "show_win" -> rows.groupBy(window(col("t"), "1 hour"), col("k")).count().orderBy(col("window"), col("k"));
            case "show_top", "show_full" -> rows.select(col("s"), concat(col("s"), col("s"), col("s")).as("sss"), col("d"))
                    .orderBy(col("s"), col("d"));
            case "show_csv" -> table.orderBy(col("k"));
            case "funcs" -> rows.select(col("k"), length(col("s")), upper(col("s")), lower(col("s")),
                    concat(col("k"), lit("-"), col("s")), length(col("k")));
            case "arith" -> rows.where(col("v").lt(1000)).select(col("k"), col("v").multiply(2), col("v").divide(3), col("v").mod(4),
                    col("d").plus(col("v")), col("v").minus(col("d")), col("v").plus(1));
            case "arith_overflow" -> rows.select(col("v").multiply(2));
            case "casts" -> rows.select(col("k"), col("v").cast("string"), col("d").cast("int"), col("t").cast("string"),
                    col("d").cast("string"), col("v").cast("double"), col("v").cast("long"), col("d").cast("long"));
            case "cast_numeric_string" -> rows.where(col("k").equalTo("l")).select(col("s").cast("int"),
                    col("s").cast("double"), col("s").cast("long"));
            case "cast_invalid" -> rows.select(col("s").cast("int"));
            case "cast_overflow" -> rows.where(col("k").equalTo("j")).select(col("d").cast("int"));
            case "cast_ts_long" -> rows.where(col("t").isNotNull()).select(col("k"), col("t").cast("long"));
            case "cast_ts_double" -> rows.where(col("t").isNotNull()).select(col("k"), col("t").cast("double"));
            case "cast_double_int_overflow" -> rows.where(col("k").equalTo("j")).select(col("d").multiply(10000).cast("int"));
            case "cast_long_int_overflow" -> rows.where(col("k").equalTo("a")).select(col("v").cast("long").multiply(3)
                    .cast("int"));
            case "cast_num_ts" -> rows.select(col("k"), col("v").cast("timestamp"), col("v").cast("boolean"),
                    col("d").cast("boolean"));
            case "fn_strings" -> rows.select(col("k"), trim(col("s")), ltrim(col("s")), rtrim(col("s")),
                    substring(col("s"), 2, 3), substring(col("s"), -3, 2), substring(col("s"), 0, 2),
                    regexp_replace(col("s"), "[aeiou]", "_"), regexp_replace(col("s"), "(\\w+) (\\w+)", "$2 $1"),
                    concat_ws("-", col("k"), col("s"), col("v")));
            case "fn_numbers" -> rows.where(col("v").lt(1000)).select(col("k"), coalesce(col("v"), col("d"), lit(-1)), round(col("d"), 1),
                    round(col("d")), round(col("v"), -1), abs(col("v")), abs(col("d")));
            case "fn_dates" -> rows.where(col("t").isNotNull()).select(col("k"), year(col("t")), month(col("t")),
                    dayofmonth(col("t")), hour(col("t")), minute(col("t")), second(col("t")),
                    date_format(col("t"), "yyyy-MM-dd HH:mm"), date_format(col("t"), "dd/MM/yy"));
            case "fn_when" -> rows.select(col("k"), when(col("v").gt(5), "big").when(col("v").gt(2), "mid")
                    .otherwise("small"), when(col("d").lt(0), col("d")));
            case "fn_round_overflow" -> rows.select(round(col("v"), -1));
            case "fn_agg_round" -> rows.groupBy(col("k")).agg(round(avg(col("d")), 2), coalesce(max(col("s")), lit("none")));
            case "show_fn" -> rows.where(col("v").lt(1000)).select(col("k"), trim(col("s")), substring(col("s"), 1, 4),
                    coalesce(col("v"), col("d")), round(col("d"), 1), when(col("v").gt(5), "big").otherwise("small"),
                    concat_ws("-", col("k"), col("s")), regexp_replace(col("s"), "o", "0"), year(col("t")),
                    date_format(col("t"), "yyyy-MM-dd"), abs(col("v")), col("v")).orderBy(col("k"), col("v"));
            case "sql_group" -> sql(rows, "select k, count(*) as n, sum(v) as total from t group by k");
            case "sql_group_order" -> sql(rows, "select k, sum(v) total, avg(d), min(t), max(s) from t group by k order by total desc, k");
            case "sql_where_limit" -> sql(rows, "select k, v from t where v > 5 order by v desc limit 3");
            case "sql_between" -> sql(rows, "select k, v, s from t where v between 2 and 8 and s != 'x' order by k, v");
            case "sql_funcs" -> sql(rows, "select upper(k) as K, length(s), lower(s) from t where k is not null");
            case "sql_count" -> sql(rows, "select count(*), count(v), count(d) from t");
            case "sql_star" -> sql(rows, "select * from t where k = 'a' or k = 'b'");
            case "sql_arith" -> sql(rows, "select k, v * 2 + 1 as w, v / 4, v % 3 from t where v < 1000");
            case "sql_cast" -> sql(rows, "select k, cast(v as string), cast(d as int), cast(t as string) from t where k = 'a'");
            case "show_sql" -> sql(rows, "select k, count(*), sum(v), avg(d), max(t) from t group by k order by k");
            case "sql_distinct" -> sql(rows, "select distinct k from t where v > 2");
            case "sql_having" -> sql(rows, "select k, count(*) as n from t group by k having n > 1");
            case "sql_having_hidden" -> sql(rows, "select k from t group by k having sum(v) > 7 and max(s) is not null");
            case "sql_having_agg" -> sql(rows, "select k, sum(v) from t group by k having sum(v) >= 8 order by k");
            case "sql_fn_group" -> sql(rows, "select k, round(avg(d), 2) as r, max(upper(s)), coalesce(sum(v), 0) from t group by k order by k");
            case "sql_fn_rows" -> sql(rows, "select k, substring(s, 2, 3), concat(k, '-', s), concat_ws('/', k, s), regexp_replace(s, 'o', '0'), trim(s), year(t), date_format(t, 'yyyy-MM'), round(d, 1), abs(v) from t where v < 1000");
            case "show_sql_fn" -> sql(rows, "select k, round(avg(d), 2), coalesce(sum(v), 0), substr(max(s), 1, 3) from t group by k order by k");
            case "select_expr_fn" -> rows.selectExpr("k", "round(d * 2, 1) as dd", "coalesce(v, -1)", "upper(trim(s))");
            case "show_sql_case" -> sql(rows, "select k, v, CASE WHEN v > 5 THEN 'big' WHEN v > 2 THEN 'mid' ELSE 'small' END, "
                    + "case k when 'a' then 1 when 'b' then 2 end as kk from t where v < 1000 order by k, v");
            case "show_col_tests" -> rows.where(col("v").lt(1000)).select(col("k"), col("v"), col("s"), col("k").isin("a", "c"),
                    col("s").like("%o%"), col("s").rlike("^[a-z]"), col("v").between(2, 8), col("s").contains("o"),
                    col("s").startsWith("x"), col("s").endsWith("e")).orderBy(col("k"), col("v"), col("s"));
            case "show_sql_in" -> sql(rows, "select k, v, k IN ('a', 'b'), v NOT IN (1, 2) from t where v < 20 order by k, v");
            case "sql_in" -> sql(rows, "select k, v from t where k IN ('a', 'c', null) OR v NOT IN (1, 2, 7) AND NOT (v > 100)");
            case "sql_not_in_null" -> sql(rows, "select k, v from t where v NOT IN (1, null)");
            case "sql_like" -> sql(rows, "select k, s from t where s LIKE '%o%' OR s LIKE '_-%' OR s RLIKE '^[0-9]'");
            case "sql_case_group" -> sql(rows, "select CASE WHEN v > 5 THEN 'big' ELSE 'small' END AS band, count(*) from t "
                    + "group by band");
            case "agg_by_d" -> rows.groupBy(col("d")).count();
            case "show_arrays" -> rows.where(col("v").lt(1000)).select(col("k"), col("s"), split(col("s"), ",").getItem(0),
                    size(split(col("s"), ",")), floor(col("d")), ceil(col("d")), floor(col("v"))).orderBy(col("k"), col("s"));
            case "array_index_out" -> rows.where(col("k").equalTo("a")).select(split(col("s"), ",").getItem(3));
            case "sql_floor_size" -> sql(rows, "select k, floor(d), ceil(d), size(split(s, ' ')) from t where v < 1000");
            case "agg_collect" -> rows.groupBy(col("k")).agg(collect_list(col("s")), size(collect_set(col("v"))),
                    collect_list(col("v")));
            case "sql_collect" -> sql(rows, "select k, collect_list(d), size(collect_set(k)) from t group by k");
            case "show_unix_time" -> rows.where(col("t").isNotNull()).select(col("k"), col("t"), unix_timestamp(col("t")),
                    from_unixtime(col("v")), date_trunc("hour", col("t")), date_trunc("month", col("t")),
                    date_trunc("week", col("t"))).orderBy(col("t"), col("k"));
            case "sql_unix_time" -> sql(rows, "select k, unix_timestamp(t), from_unixtime(v, 'yyyy/MM/dd HH:mm'), "
                    + "date_trunc('day', t), date_trunc('quarter', t), unix_timestamp('2026-01-02 03:04:05') from t where v < 1000");
            case "unix_time_invalid" -> rows.select(unix_timestamp(col("s")));
            case "na_drop" -> rows.na().drop();
            case "na_drop_all_cols" -> rows.na().drop("all", new String[] {"v", "d"});
            case "na_drop_cols" -> rows.na().drop(new String[] {"k", "s"});
            case "na_fill_num" -> rows.na().fill(0).select(col("k"), col("v"), col("d"));
            case "na_fill_double" -> rows.na().fill(2.5, new String[] {"v", "d", "s"}).select(col("k"), col("v"), col("d"), col("s"));
            case "na_fill_str" -> rows.na().fill("none").select(col("k"), col("s"), col("v"));
            case "na_fill_map" -> rows.na().fill(java.util.Map.of("k", "?", "v", 99L)).select(col("k"), col("v"), col("d"));
            case "show_isnan" -> rows.where(col("v").lt(1000)).select(col("k"), col("v"), isnan(col("d")), isnan(lit(Double.NaN)))
                    .orderBy(col("k"), col("v"));
            case "show_strings2" -> rows.where(col("v").lt(1000)).select(col("k"), col("v"), lpad(col("s"), 8, "*-"), rpad(col("k"), 3, "."),
                    initcap(col("s")), reverse(col("s")), repeat(col("k"), 2), instr(col("s"), "o"),
                    translate(col("s"), "lo ", "01")).orderBy(col("k"), col("v"));
            case "show_math" -> rows.where(col("v").lt(1000)).select(col("k"), col("v"), sqrt(col("v")), exp(col("d")), log(col("v")),
                    log10(col("d")), pow(col("v"), 2)).orderBy(col("k"), col("v"));
            case "sql_strings_math" -> sql(rows, "select k, lpad(s, 4, '0'), initcap(s), instr(s, 'e'), sqrt(d), ln(v), "
                    + "power(v, 0.5), translate(k, 'abc', 'AB') from t where v < 1000");
            case "show_regexp_arrays" -> rows.where(col("v").lt(1000)).select(col("k"), col("v"),
                    regexp_extract(col("s"), "([a-z]+)[ -]([a-z]+)", 2), array_contains(split(col("s"), ","), "y"),
                    element_at(split(col("s"), ","), -1), array_join(split(col("s"), ","), "|")).orderBy(col("k"), col("v"));
            case "element_at_out" -> rows.where(col("k").equalTo("a")).select(element_at(split(col("s"), ","), 5));
            case "sql_regexp_arrays" -> sql(rows, "select k, regexp_extract(s, '(\\\\w+)', 1), element_at(split(s, ' '), 1), "
                    + "array_contains(split(s, ' '), 'out') from t where v < 1000");
            case "split_explode" -> rows.select(col("k"), explode(split(col("s"), ",")).as("part"));
            case "agg" -> rows.groupBy(col("k")).agg(count(col("v")), sum(col("v")), avg(col("v")), min(col("s")),
                    max(col("s")), count(lit(1)), sum(col("d")), avg(col("d")), min(col("t")), max(col("t")));
            case "agg_global" -> rows.agg(count(col("k")), sum(col("v")), avg(col("d")), max(col("s")), min(col("v")));
            case "win" -> rows.groupBy(window(col("t"), "1 hour"), col("k")).count();
            case "win_slide" -> rows.groupBy(window(col("t"), "1 hour", "30 minutes")).agg(sum(col("v")), count(col("d")));
            case "order_desc" -> rows.orderBy(col("v").desc(), col("k")).limit(6).select(col("k"), col("v"));
            case "order_asc" -> rows.orderBy(col("d"), col("k")).select(col("k"), col("d"));
            case "where" -> rows.where(col("v").gt(2).and(col("d").lt(100))).select(col("k"), col("v"), col("d"));
            case "where_expr" -> rows.where("v BETWEEN 2 AND 7 OR k = 'f'").select(col("k"), col("v"));
            case "distinct" -> rows.select(col("k")).distinct();
            case "to_ts" -> spark.read().schema("t STRING, k STRING").json(json).where("k = 'a' OR k = 'b' OR k = 'i'")
                    .select(col("t"), to_timestamp(col("t")));
            case "to_ts_format" -> spark.read().schema("t STRING, k STRING").json(json).where("k = 'b'")
                    .select(col("t"), to_timestamp(col("t"), "yyyy-MM-dd HH:mm:ss"));
            case "to_ts_invalid" -> spark.read().schema("t STRING, k STRING").json(json).where("k = 'e'")
                    .select(to_timestamp(col("t")));
            case "to_ts_epoch" -> spark.read().schema("t STRING, k STRING").json(json).where("k = 'c'")
                    .select(to_timestamp(col("t")));
            case "from_json_text" -> spark.read().text(json)
                    .select(from_json(col("value"), StructType.fromDDL(JSON_SCHEMA)).as("j")).select("j.*");
            case "to_json" -> rows.select(to_json(struct(col("k"), col("v"), col("d"), col("t"))));
            default -> throw new IllegalArgumentException("unknown query " + name);
        };
    }

    /** {@code query} over {@code rows} as the temporary view {@code t}. */
    static Dataset<Row> sql(Dataset<Row> rows, String query) {
        rows.createOrReplaceTempView("t");
        return rows.sparkSession().sql(query);
    }

    /** What {@code show(numRows, truncate)} prints ({@code showString} is internal to Spark's SQL package). */
    static String showString(Dataset<Row> ds, int numRows, int truncate) throws ReflectiveOperationException {
        return (String) ds.getClass().getMethod("showString", int.class, int.class, boolean.class)
                .invoke(ds, numRows, truncate, false);
    }

    /** The bracketed error class a message starts with ({@code [CAST_INVALID_INPUT] ...}), or the message. */
    static String errorClass(String message) {
        String first = String.valueOf(message).lines().findFirst().orElse("");
        int end = first.indexOf(']');
        return first.startsWith("[") && end > 0 ? first.substring(0, end + 1) : first;
    }

    /** A row as Spark's {@code Row.toString}, with arrays and nested rows written the same way. */
    static String format(Object value) {
        if (value instanceof Row row) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(format(row.get(i)));
            }
            return "[" + String.join(",", cells) + "]";
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            List<String> cells = new ArrayList<>();
            seq.foreach(v -> cells.add(format(v)));
            return "[" + String.join(",", cells) + "]";
        }
        return String.valueOf(value);
    }
}
