package io.github.camelmarketo.examples.benchmark.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a suite run measured, written by {@link ReportWriter} as {@code report.md} and {@code report.json}: a header
 * (machine, JVM, heaps, sizes), one section per scenario (a table for people and the same figures as numbers for
 * programs), the targets with their verdicts, and the charts. Thread-confined: scenarios run one after the other.
 */
public final class Report {

    /**
     * One table.
     *
     * @param order       where it goes (scenario number)
     * @param title       heading
     * @param description how to read it
     * @param columns     column headings
     * @param rows        formatted cells
     * @param data        the same rows as numbers and names, for report.json
     */
    public record Section(int order, String title, String description, List<String> columns, List<List<String>> rows,
                          List<Map<String, Object>> data) {
    }

    /**
     * One target of the issue and what this run measured against it.
     *
     * @param scenario which scenario
     * @param target   the target, e.g. {@code consumer >= 0.8 x raw loop leads/s (rest)}
     * @param measured the measured figure, e.g. {@code 0.93}
     * @param met      whether it is met
     */
    public record Target(String scenario, String target, String measured, boolean met) {
    }

    /**
     * One chart file.
     *
     * @param file  PNG file name, next to the report
     * @param title what it shows
     */
    public record Chart(String file, String title) {
    }

    private final Map<String, String> header = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();

    public Map<String, String> header() {
        return header;
    }

    public List<Section> sections() {
        List<Section> sorted = new ArrayList<>(sections);
        sorted.sort(Comparator.comparingInt(Section::order));
        return sorted;
    }

    public List<Target> targets() {
        return targets;
    }

    public List<Chart> charts() {
        return charts;
    }

    public void addSection(Section section) {
        sections.add(section);
    }

    public void addTarget(String scenario, String target, String measured, boolean met) {
        targets.add(new Target(scenario, target, measured, met));
    }

    public void addChart(String file, String title) {
        charts.add(new Chart(file, title));
    }
}
