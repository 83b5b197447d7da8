/** Column types and schemas of the Structured Streaming API, as Spark's {@code org.apache.spark.sql.types}. */
package io.streamling.sql.types;
