package io.streamling.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Encoders.bean}: a column per bean property, named and ordered as Spark's bean encoder does. */
class BeanEncoderTest {

    /** A bean as Spark's Java examples write them. */
    public static class Event implements Serializable {
        private String sessionId;
        private Timestamp timestamp;
        private int count;

        public String getSessionId() {
            return sessionId;
        }

        public void setSessionId(String sessionId) {
            this.sessionId = sessionId;
        }

        public Timestamp getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(Timestamp timestamp) {
            this.timestamp = timestamp;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }
    }

    /** A bean with a property of a type that has no column type. */
    public static class WithList {
        private List<String> items;

        public List<String> getItems() {
            return items;
        }

        public void setItems(List<String> items) {
            this.items = items;
        }
    }

    private final SparkSession spark = SparkSession.builder().appName("bean-test").getOrCreate();

    @Test
    void shouldMapRowsToBeansAndBackWithColumnsInTheOrderOfTheNames() {
        Encoder<Event> encoder = Encoders.bean(Event.class);
        Dataset<Row> rows = spark.createDataFrame(List.of(Row.of(2, "s1", new Timestamp(0)), Row.of(0, "s2", null)),
                StructType.fromDDL("count INT, sessionId STRING, timestamp TIMESTAMP"));

        List<Event> events = rows.as(encoder).collectAsList();
        Dataset<Row> back = rows.as(encoder).map((MapFunction<Event, Event>) e -> e, encoder).toDF();

        assertThat(encoder.schema().fieldNames()).containsExactly("count", "sessionId", "timestamp");
        assertThat(events).extracting(Event::getSessionId, Event::getCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s1", 2), org.assertj.core.groups.Tuple.tuple("s2", 0));
        assertThat(back.collectAsList()).containsExactly(Row.of(2, "s1", new Timestamp(0)), Row.of(0, "s2", null));
    }

    @Test
    void shouldMakeADataFrameOfBeansAndADatasetOfObjectsAsSparksJavaSqlNetworkWordCount() {
        Event first = new Event();
        first.setSessionId("s1");
        first.setCount(3);
        io.streamling.api.java.JavaRDD<Event> rdd = new io.streamling.api.java.JavaRDD<>(List.of(first));

        Dataset<Row> events = spark.createDataFrame(rdd, Event.class);
        events.createOrReplaceTempView("events");

        assertThat(spark.sql("select sessionId, count from events").collectAsList()).containsExactly(Row.of("s1", 3));
        assertThat(spark.createDataset(List.of("x", "y"), Encoders.STRING()).collectAsList()).containsExactly("x", "y");
    }

    @Test
    void shouldRefuseANullForAPrimitivePropertyAsSpark() {
        Dataset<Row> rows = spark.createDataFrame(List.of(Row.of(null, "s", null)),
                StructType.fromDDL("count INT, sessionId STRING, timestamp TIMESTAMP"));

        assertThatThrownBy(() -> rows.as(Encoders.bean(Event.class)).collectAsList())
                .isInstanceOf(NullPointerException.class).hasMessageStartingWith("[NOT_NULL_ASSERT_VIOLATION]")
                .hasMessageContaining("property count");
    }

    @Test
    void shouldTravelWithTheQueryAndRefuseAPropertyWithoutAColumnTypeNamingIt() throws Exception {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(Encoders.bean(Event.class));
        }
        assertThatThrownBy(() -> Encoders.bean(WithList.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("property items has type java.util.List");
    }
}
