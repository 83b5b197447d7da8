package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * The running aggregate of one group: a value and a count per aggregate function (the count
 * turns a sum into an average), and whether the last trigger changed it (for update mode).
 */
public record AggState(Object[] values, long[] counts, boolean changed) implements Serializable {
}
