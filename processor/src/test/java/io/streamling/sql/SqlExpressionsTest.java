package io.streamling.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL text in selectExpr / expr / where / spark.sql: CASE WHEN, NOT, [NOT] IN, precedence, generators. */
class SqlExpressionsTest {

    private SparkSession spark;
    private Dataset<Row> rows;

    @BeforeEach
    void rows() {
        spark = SparkSession.builder().appName("sql-expressions-test").getOrCreate();
        rows = spark.createDataFrame(List.of(Row.of("a", 0, "x y"), Row.of("b", 1, "z"), Row.of("c", 2, null),
                Row.of(null, 3, "")), StructType.fromDDL("k STRING, i INT, s STRING"));
    }

    private static List<Object> column(Dataset<Row> ds) {
        return ds.collectAsList().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void shouldEvaluateSearchedAndSimpleCaseWhenWithAndWithoutElse() {
        Dataset<Row> cases = rows.selectExpr(
                "CASE WHEN i > 1 THEN 'big' WHEN i = 1 THEN 'one' ELSE 'small' END AS size",
                "case k when 'a' then 10 when 'b' then 20 end as code");

        assertThat(cases.columns()).containsExactly("size", "code");
        assertThat(cases.collectAsList()).containsExactly(Row.of("small", 10), Row.of("one", 20), Row.of("big", null),
                Row.of("big", null));
    }

    @Test
    void shouldNameAnUnaliasedCaseAsSpark() {
        assertThat(rows.selectExpr("CASE WHEN i > 1 THEN 1 ELSE 0 END").columns())
                .containsExactly("CASE WHEN (i > 1) THEN 1 ELSE 0 END");
    }

    @Test
    void shouldFilterWithInNotInAndNotWithSqlNulls() {
        // k IN (...) is null for a null k, so the row is dropped by both IN and NOT IN, as in Spark
        assertThat(column(rows.where("k IN ('a', 'c')"))).containsExactly("a", "c");
        assertThat(column(rows.where("k NOT IN ('a', 'c')"))).containsExactly("b");
        assertThat(column(rows.where("NOT (i > 1)"))).containsExactly("a", "b");
        assertThat(column(rows.where("NOT i IN (0, 1)"))).containsExactly("c", null);
    }

    @Test
    void shouldBindAndBeforeOr() {
        // a OR (b AND c): true for i = 0 whatever k is; left to right, (a OR b) AND c would drop it
        assertThat(column(rows.where("i = 0 OR k = 'b' AND i = 1").select("i"))).containsExactly(0, 1);
        assertThat(column(rows.where("k = 'b' AND i = 1 OR i = 0").select("i"))).containsExactly(0, 1);
    }

    @Test
    void shouldExplodeASplitStringInSelectExprAndUseCaseInSql() {
        assertThat(column(rows.selectExpr("explode(split(s, ' ')) AS word"))).containsExactly("x", "y", "z", "");

        rows.createOrReplaceTempView("t");
        assertThat(spark.sql("SELECT CASE WHEN i < 2 THEN 'low' ELSE 'high' END AS band, count(*) AS n FROM t "
                + "GROUP BY band ORDER BY band").collectAsList())
                .containsExactly(Row.of("high", 2L), Row.of("low", 2L));
    }

    @Test
    void shouldMatchLikePatternsAndRegularExpressionsWithSparksNames() {
        Dataset<Row> words = spark.createDataFrame(List.of(Row.of("apple"), Row.of("a_b"), Row.of("ab%"), Row.of("Apple"),
                Row.of("line\nbreak"), Row.of((Object) null)), StructType.fromDDL("w STRING"));

        assertThat(column(words.where("w LIKE 'a%'"))).containsExactly("apple", "a_b", "ab%");
        assertThat(column(words.where("w LIKE 'a\\_b'"))).containsExactly("a_b");
        assertThat(column(words.where("w LIKE '__\\%'"))).containsExactly("ab%");
        assertThat(column(words.where("w LIKE 'line%'"))).containsExactly("line\nbreak");
        assertThat(column(words.where("w NOT LIKE 'a%'"))).containsExactly("Apple", "line\nbreak");
        assertThat(column(words.where("w RLIKE 'pp'"))).containsExactly("apple", "Apple");
        assertThat(column(words.where(functions.col("w").like("_pple")))).containsExactly("apple", "Apple");
        assertThat(words.select(functions.col("w").like("a%"), functions.col("w").rlike("^a")).columns())
                .containsExactly("w LIKE a%", "RLIKE(w, ^a)");
        assertThat(words.select(functions.col("w").like("a%")).collectAsList().get(5)).isEqualTo(Row.of((Object) null));
    }

    @Test
    void shouldTestMembershipRangesAndSubstringsThroughTheColumnApiWithSparksNames() {
        assertThat(column(rows.where(functions.col("k").isin("a", "c")))).containsExactly("a", "c");
        assertThat(column(rows.where(functions.col("i").between(1, 2)))).containsExactly("b", "c");
        assertThat(column(rows.where(functions.col("s").contains("y")))).containsExactly("a");
        assertThat(column(rows.where(functions.col("s").startsWith("x")))).containsExactly("a");
        assertThat(column(rows.where(functions.col("s").endsWith("")))).containsExactly("a", "b", null);
        assertThat(rows.select(functions.col("k").isin("a", "c"), functions.col("i").between(1, 2),
                functions.col("s").contains("y")).columns())
                .containsExactly("(k IN (a, c))", "((i >= 1) AND (i <= 2))", "contains(s, y)");
        assertThat(rows.selectExpr("k NOT IN ('a')").columns()).containsExactly("(NOT (k IN (a)))");
        // null where k is null, and where nothing matched and the list holds a null
        assertThat(column(rows.select(functions.col("k").isin("a", null)))).containsExactly(true, null, null, null);
    }

    @Test
    void shouldReadEscapesInStringLiteralsAsSparksParser() {
        Row row = rows.selectExpr("'it''s' AS a", "'it\\'s' AS b", "'tab\\there' AS c", "'\\u0041\\\\' AS d",
                "'50\\%' AS e").collectAsList().get(0);

        assertThat(row).isEqualTo(Row.of("it's", "it's", "tab\there", "A\\", "50\\%"));
    }

    @Test
    void shouldRefuseACaseWithoutWhen() {
        assertThatThrownBy(() -> rows.selectExpr("CASE ELSE 1 END")).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
    }
}
