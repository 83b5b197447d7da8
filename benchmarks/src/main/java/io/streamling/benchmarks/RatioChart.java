package io.streamling.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart, as SVG text (no library needed), of Streamling's throughput divided by each
 * baseline's, per workload: bars right of the 1.0 line are where Streamling is faster.
 */
final class RatioChart {

    /** One bar. */
    record Bar(String label, double ratio) {
    }

    private static final int LABEL_WIDTH = 430;
    private static final int PLOT_WIDTH = 420;
    private static final int ROW = 26;
    private static final int TOP = 44;

    private RatioChart() {
    }

    /** The bars of every Streamling side against every baseline of its workload. */
    static List<Bar> bars(List<Summary> summaries) {
        List<Bar> bars = new ArrayList<>();
        for (Summary streamling : summaries) {
            if (streamling.side().isBaseline()) {
                continue;
            }
            for (Summary baseline : summaries) {
                if (baseline.side().isBaseline() && baseline.workload() == streamling.workload()
                        && baseline.partitions() == streamling.partitions()) {
                    double ratio = streamling.throughput().median() / baseline.throughput().median();
                    if (!Double.isNaN(ratio)) {
                        bars.add(new Bar(String.format(Locale.ROOT, "%s, %d part. — %s ÷ %s",
                                streamling.workload().title(), streamling.partitions(), streamling.side().label(),
                                baseline.side().label()), ratio));
                    }
                }
            }
        }
        return bars;
    }

    static String svg(List<Bar> bars, String title) {
        double max = Math.max(1.5, bars.stream().mapToDouble(Bar::ratio).max().orElse(1.0) * 1.1);
        int height = TOP + bars.size() * ROW + 30;
        int width = LABEL_WIDTH + PLOT_WIDTH + 70;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            double length = bar.ratio() / max * PLOT_WIDTH;
            String color = bar.ratio() >= 1.0 ? "#2e7d32" : bar.ratio() >= 0.5 ? "#f9a825" : "#c62828";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + 15, escape(bar.label())));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n", LABEL_WIDTH, y + 2, length,
                    color));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2f×</text>%n",
                    LABEL_WIDTH + length + 4, y + 15, bar.ratio()));
        }
        double one = LABEL_WIDTH + 1.0 / max * PLOT_WIDTH;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\""
                + " stroke-dasharray=\"4,3\"/>%n", one, TOP - 6, one, TOP + bars.size() * ROW));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1.0 = as fast as the"
                + " baseline</text>%n", one, TOP + bars.size() * ROW + 18));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
