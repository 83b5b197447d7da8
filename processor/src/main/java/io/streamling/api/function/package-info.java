/**
 * The function interfaces of the Java API, named and shaped as Spark's
 * {@code org.apache.spark.api.java.function} so that lambdas port unchanged.
 */
package io.streamling.api.function;
