package io.streamling.testkit;

import java.util.List;

/** Spark's {@code print()} output for one batch, for expected values in tests. */
public final class PrintBlocks {

    private PrintBlocks() {
    }

    /** The block of the batch of {@code time} with these elements, all printed. */
    public static String block(long time, String... elements) {
        return block(time, List.of(elements), 10);
    }

    /** The block of the batch of {@code time}: at most {@code num} elements, then "..." when there were more. */
    public static String block(long time, List<String> elements, int num) {
        StringBuilder text = new StringBuilder()
                .append("-------------------------------------------\n")
                .append("Time: ").append(time).append(" ms\n")
                .append("-------------------------------------------\n");
        elements.stream().limit(num).forEach(element -> text.append(element).append('\n'));
        if (elements.size() > num) {
            text.append("...\n");
        }
        return text.append('\n').toString();
    }
}
