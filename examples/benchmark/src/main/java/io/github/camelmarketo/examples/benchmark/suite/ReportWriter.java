package io.github.camelmarketo.examples.benchmark.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a {@link Report} as {@code report.md} (tables, targets, charts) and {@code report.json} (the same, as data). */
final class ReportWriter {

    private ReportWriter() {
    }

    static void write(Report report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.md"), markdown(report), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", report.header());
        json.put("targets", report.targets());
        json.put("sections", report.sections());
        json.put("charts", report.charts());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("report.json").toFile(), json);
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# camel-marketo benchmark report\n\n");
        table(md, List.of("", ""), report.header().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        md.append("\n## Targets\n\n");
        table(md, List.of("scenario", "target", "measured", "verdict"), report.targets().stream()
                .map(t -> List.of(t.scenario(), t.target(), t.measured(), t.met() ? "met" : "**missed**")).toList());
        for (Report.Section section : report.sections()) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.description()).append("\n\n");
            table(md, section.columns(), section.rows());
        }
        if (!report.charts().isEmpty()) {
            md.append("\n## Charts\n\n");
            for (Report.Chart chart : report.charts()) {
                md.append("![").append(chart.title()).append("](").append(chart.file()).append(")\n\n");
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<String> columns, List<List<String>> rows) {
        md.append('|');
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(cell -> md.append(' ').append(cell.replace("|", "\\|")).append(" |"));
            md.append('\n');
        }
    }
}
