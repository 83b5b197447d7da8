package io.streamling.streaming.api.java;

import io.streamling.api.Tuple2;
import io.streamling.internal.plan.PlanNode;
import io.streamling.streaming.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations over the batches of several streams at the same time ({@code transformWith}, the
 * context's {@code transform}, per-batch joins): each stream's elements are tagged with the
 * stream's position, the streams are united, and the tags split them again on the other side.
 */
final class TaggedBatches {

    private TaggedBatches() {
    }

    /** What to do with the batches of the same time of several streams, in stream order. */
    @FunctionalInterface
    interface MultiBatchFunction {
        List<?> apply(Time time, List<List<Object>> batches) throws Exception;
    }

    /** A stream of {@code f} applied, batch by batch, to {@code first} and {@code second}. */
    static PlanNode transformWith(JavaDStreamLike<?> first, JavaDStreamLike<?> second, MultiBatchFunction f) {
        return transform(List.of(first, second), f);
    }

    /** A stream of {@code f} applied, batch by batch, to every stream of {@code streams}. */
    static PlanNode transform(List<? extends JavaDStreamLike<?>> streams, MultiBatchFunction f) {
        List<JavaDStream<Object>> tagged = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            int tag = i;
            tagged.add(streams.get(i).map(element -> new Tuple2<>(tag, element)));
        }
        JavaDStream<Object> united = tagged.get(0).unionAll(tagged.subList(1, tagged.size()));
        return united.batchFunction("transform", (time, elements, count) -> {
            List<List<Object>> batches = new ArrayList<>();
            streams.forEach(stream -> batches.add(new ArrayList<>()));
            for (Object element : elements) {
                Tuple2<?, ?> taggedElement = (Tuple2<?, ?>) element;
                batches.get((Integer) taggedElement._1()).add(taggedElement._2());
            }
            return new ArrayList<>(f.apply(time, batches));
        });
    }
}
