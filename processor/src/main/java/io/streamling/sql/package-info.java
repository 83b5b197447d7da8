/**
 * The Structured Streaming API (first slice), as Spark's {@code org.apache.spark.sql}: a
 * {@link io.streamling.sql.SparkSession}, static and streaming {@link io.streamling.sql.Dataset}s of
 * {@link io.streamling.sql.Row}s, {@link io.streamling.sql.functions}, and streaming queries with
 * console and memory sinks. A streaming query compiles into a DStream program: one micro-batch per
 * batch of the trigger interval, aggregations kept as updateStateByKey state.
 */
package io.streamling.sql;
