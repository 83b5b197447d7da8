package io.streamling.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** Median, minimum and maximum of some runs' figure. */
record Stats(double median, double min, double max, int count) {

    static <T> Stats of(Collection<T> items, ToDoubleFunction<T> figure) {
        double[] values = items.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (values.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new Stats(median, values[0], values[n - 1], n);
    }

    static double median(double... values) {
        return of(Arrays.stream(values).boxed().toList(), Double::doubleValue).median();
    }
}
