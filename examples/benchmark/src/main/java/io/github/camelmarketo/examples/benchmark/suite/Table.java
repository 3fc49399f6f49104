package io.github.camelmarketo.examples.benchmark.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link Report.Section}: each row is added as named values, formatted for people and kept as numbers. */
final class Table {

    private final int order;
    private final String title;
    private final String description;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Map<String, Object>> data = new ArrayList<>();

    Table(int order, String title, String description, String... columns) {
        this.order = order;
        this.title = title;
        this.description = description;
        this.columns = Arrays.asList(columns);
    }

    /** Adds a row; {@code values} are in column order (String, Number or null). */
    Table row(Object... values) {
        List<String> cells = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = i < values.length ? values[i] : null;
            cells.add(format(value));
            named.put(columns.get(i), value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value);
        }
        rows.add(cells);
        data.add(named);
        return this;
    }

    Report.Section build() {
        return new Report.Section(order, title, description, columns, rows, data);
    }

    static String format(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            double abs = Math.abs(d);
            if (abs >= 1000) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            if (abs >= 10) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            if (abs >= 0.1 || abs == 0) {
                return String.format(Locale.ROOT, "%.2f", d);
            }
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }
}
