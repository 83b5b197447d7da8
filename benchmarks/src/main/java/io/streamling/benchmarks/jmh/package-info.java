/**
 * JMH microbenchmarks: the element serde and the planner. Run them with
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main}.
 */
package io.streamling.benchmarks.jmh;
