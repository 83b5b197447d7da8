package io.streamling.api;

/**
 * A pair, the element type of every {@code JavaPairDStream}: Streamling's twin of Spark's
 * {@code scala.Tuple2}, with the same accessors ({@code _1()}, {@code _2()}) and the same
 * {@code toString} ({@code (word,3)}), so that printed output matches Spark's.
 *
 * @param _1 the first element (the key in a pair stream)
 * @param _2 the second element (the value in a pair stream)
 * @param <T1> type of the first element
 * @param <T2> type of the second element
 */
public record Tuple2<T1, T2>(T1 _1, T2 _2) {

    /** Prints as Scala prints a tuple: {@code (a,b)}. */
    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + ")";
    }
}
