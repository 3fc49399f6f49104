package io.github.camelmarketo.examples.benchmark.suite;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bar charts (JFreeChart, PNG): one group per category (e.g. {@code soap}, {@code rest}), one bar per series
 * (e.g. {@code camel}, {@code raw loop}), with an optional target line.
 */
final class Charts {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};

    /** Series name -> category -> value, in insertion order. */
    static final class Bars {
        final Map<String, Map<String, Double>> series = new LinkedHashMap<>();

        Bars put(String seriesName, String category, double value) {
            if (!Double.isNaN(value)) {
                series.computeIfAbsent(seriesName, k -> new LinkedHashMap<>()).put(category, value);
            }
            return this;
        }
    }

    private Charts() {
    }

    /**
     * Writes a PNG of 800 x 450 pixels.
     *
     * @param target a horizontal line (NaN: none)
     * @param log    logarithmic value axis (values spanning decades)
     */
    static void bars(Path file, String title, String valueLabel, Bars bars, double target, boolean log) throws IOException {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        bars.series.forEach((name, values) -> values.forEach((category, value) -> dataset.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < COLORS.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i]);
        }
        if (log) {
            LogAxis axis = new LogAxis(valueLabel);
            axis.setSmallestValue(1e-4);
            plot.setRangeAxis(axis);
        }
        if (!Double.isNaN(target)) {
            ValueMarker marker = new ValueMarker(target, Color.RED, new java.awt.BasicStroke(2f));
            marker.setLabel("target " + Table.format(target));
            marker.setLabelPaint(Color.RED);
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 450);
    }
}
