/**
 * Apache Spark Structured Streaming (local[2]) running the benchmark workloads: a measured baseline
 * of the harness in the benchmarks module, which launches {@link io.streamling.benchmarks.spark.SparkWorkloadMain}
 * in a child JVM. Built only with the Maven profile {@code spark}; never shipped.
 */
package io.streamling.benchmarks.spark;
