package io.streamling.sql;

import static io.streamling.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code expr()} conditions as a stream-stream join writes them: AND/OR, BETWEEN, time plus or minus an interval. */
class ExprConditionTest {

    private static final StructType SCHEMA = new StructType(List.of(
            new StructField("k", DataTypes.StringType, true),
            new StructField("t1", DataTypes.TimestampType, true),
            new StructField("t2", DataTypes.TimestampType, true)));

    private SparkSession spark;
    private Dataset<Row> rows;

    private static Timestamp at(String time) {
        return Timestamp.from(Instant.parse("2026-01-01T" + time + ":00Z"));
    }

    @BeforeEach
    void rows() {
        spark = SparkSession.builder().appName("expr-condition-test").getOrCreate();
        rows = spark.createDataFrame(List.of(
                Row.of("a", at("12:00"), at("12:00")),
                Row.of("b", at("12:00"), at("12:10")),
                Row.of("c", at("12:00"), at("13:00")),
                Row.of("d", at("12:00"), at("11:59"))), SCHEMA);
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    private List<Object> keysWhere(String condition) {
        return rows.where(expr(condition)).collectAsList().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void aTimeRangeConditionComparesTimesShiftedByIntervals() {
        assertThat(keysWhere("t2 >= t1 AND t2 <= t1 + interval 1 hour")).containsExactly("a", "b", "c");
        assertThat(keysWhere("t2 BETWEEN t1 AND t1 + INTERVAL '10 minutes'")).containsExactly("a", "b");
        assertThat(keysWhere("t2 < t1 + interval '1' hour AND t2 > t1 - interval 1 minute 30 seconds"))
                .containsExactly("a", "b", "d");
        assertThat(keysWhere("(k = 'a' OR k = 'c') AND t2 - interval 1 hour >= t1")).containsExactly("c");
    }

    @Test
    void aTimePlusAnIntervalIsATimestamp() {
        Row shifted = rows.where(expr("k = 'b'")).select(expr("t1 + interval 90 minutes AS later")).collectAsList().get(0);

        assertThat(shifted.get(0)).isEqualTo(at("13:30"));
    }

    @Test
    void anIntervalWithoutAnAmountIsASyntaxError() {
        assertThatThrownBy(() -> expr("t1 + interval"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
    }

    @Test
    void arithmeticInExprHasSparksPrecedenceResultTypesAndDivisionByZeroError() {
        // given: Spark 4.0.1 on the same row gives 14, 3.5, 1, 49, 17.5, 3, -1 with these types
        StructType schema = StructType.fromDDL("i INT, j INT, l BIGINT, x DOUBLE");
        Dataset<Row> row = spark.createDataFrame(List.of(new Row(schema, 7, 2, 7L, 2.5)), schema);

        // when
        Dataset<Row> results = row.selectExpr("i * j", "i / j", "i % j", "l * i", "x * i", "i - j * 2", "(0 - i) % j");

        // then
        assertThat(results.collectAsList()).containsExactly(Row.of(14, 3.5, 1, 49L, 17.5, 3, -1));
        assertThat(results.schema().simpleString()).isEqualTo("struct<(i * j):int,(i / j):double,(i % j):int,"
                + "(l * i):bigint,(x * i):double,(i - (j * 2)):int,((0 - i) % j):int>");
        assertThatThrownBy(() -> row.selectExpr("i / 0").collectAsList())
                .hasMessageStartingWith("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor");
        assertThatThrownBy(() -> row.selectExpr("x % 0").collectAsList()).hasMessageStartingWith("[DIVIDE_BY_ZERO]");
    }
}
