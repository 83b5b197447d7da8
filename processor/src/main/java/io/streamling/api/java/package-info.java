/**
 * The batch collections handed to {@code foreachRDD} and {@code transform}: Spark's
 * {@code JavaRDD} and {@code JavaPairRDD} operations on local, in-memory collections.
 */
package io.streamling.api.java;
