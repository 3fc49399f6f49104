package io.github.camelmarketo.component.marketo.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.component.marketo.model.Lead;

/**
 * Cuts the input of a bulk import into CSV files of at most {@code maxBytes}, one file in memory at a time. Leads
 * are written with their REST field names as columns (the union of the file's leads, in first-seen order; an absent
 * field is an empty cell, which Marketo leaves unchanged); a CSV body keeps its header, repeated in every file. Sizes
 * are exact: a file is closed before the row that would make it too large.
 */
final class ImportFileSplitter implements Iterator<ImportFile> {

    private final RestLeadMapper mapper;
    private final int maxBytes;
    private final Iterator<Lead> leads;
    private final CsvRowReader csv;
    private final List<String> csvHeader;
    private Object pending; // a Lead or a CSV row that did not fit the previous file
    private int nextIndex;

    private ImportFileSplitter(RestLeadMapper mapper, int maxBytes, Iterator<Lead> leads, CsvRowReader csv,
                               List<String> csvHeader) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.leads = leads;
        this.csv = csv;
        this.csvHeader = csvHeader;
    }

    static ImportFileSplitter ofLeads(RestLeadMapper mapper, int maxBytes, Iterator<Lead> leads) {
        return new ImportFileSplitter(mapper, maxBytes, leads, null, null);
    }

    /** A CSV body: its first row is the header (REST field names). */
    static ImportFileSplitter ofCsv(RestLeadMapper mapper, int maxBytes, InputStream in) {
        CsvRowReader reader = new CsvRowReader(in);
        try {
            List<String> header = reader.nextRow();
            if (header == null || header.isEmpty() || header.stream().allMatch(String::isBlank)) {
                throw new IllegalArgumentException("importLeads: the CSV body has no header row (REST field names, e.g. email,firstName)");
            }
            return new ImportFileSplitter(mapper, maxBytes, null, reader, header);
        } catch (IOException e) {
            throw new UncheckedIOException("importLeads: cannot read the CSV body", e);
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null || (leads != null ? leads.hasNext() : !atEnd());
    }

    @Override
    public ImportFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return leads != null ? nextLeadFile() : nextCsvFile();
    }

    private ImportFile nextLeadFile() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        List<Lead> fileLeads = new ArrayList<>();
        long valueBytes = 0;
        long headerBytes = 0;
        int first = nextIndex;
        while (pending != null || leads.hasNext()) {
            Lead lead = pending != null ? (Lead) pending : leads.next();
            pending = null;
            Map<String, String> row = cellsOf(lead);
            long rowValueBytes = 0;
            long newHeaderBytes = headerBytes;
            int newColumns = columns.size();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                rowValueBytes += encodedLength(cell.getValue());
                if (!columns.containsKey(cell.getKey())) {
                    newHeaderBytes += encodedLength(cell.getKey());
                    newColumns++;
                }
            }
            // header: names + one separator or newline per column; each row: its values + one per column
            long size = newHeaderBytes + newColumns + valueBytes + rowValueBytes + (long) (rows.size() + 1) * newColumns;
            if (size > maxBytes) {
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException("importLeads: the lead at index " + nextIndex + " alone is " + size
                                                       + " bytes of CSV, more than the file limit of " + maxBytes + " bytes");
                }
                pending = lead;
                break;
            }
            row.keySet().forEach(name -> columns.putIfAbsent(name, columns.size()));
            headerBytes = newHeaderBytes;
            valueBytes += rowValueBytes;
            rows.add(row);
            fileLeads.add(lead);
            nextIndex++;
        }
        List<String> header = new ArrayList<>(columns.keySet());
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, 1 << 20));
        write(out, header);
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            List<String> line = new ArrayList<>(header.size());
            header.forEach(name -> line.add(row.getOrDefault(name, "")));
            write(out, line);
            cells.add(line);
        }
        return new ImportFile(out.toByteArray(), cells, fileLeads, first);
    }

    private ImportFile nextCsvFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, 1 << 20));
        write(out, csvHeader);
        List<List<String>> cells = new ArrayList<>();
        List<Lead> fileLeads = new ArrayList<>();
        int first = nextIndex;
        while (pending != null || !atEnd()) {
            @SuppressWarnings("unchecked")
            List<String> row = pending != null ? (List<String>) pending : readRow();
            pending = null;
            byte[] line = line(row);
            if (out.size() + line.length > maxBytes) {
                if (cells.isEmpty()) {
                    throw new IllegalArgumentException("importLeads: CSV row " + nextIndex + " alone makes a file of "
                                                       + (out.size() + line.length) + " bytes, more than the limit of "
                                                       + maxBytes + " bytes");
                }
                pending = row;
                break;
            }
            out.writeBytes(line);
            cells.add(row);
            fileLeads.add(mapper.toLead(csvHeader, row));
            nextIndex++;
        }
        return new ImportFile(out.toByteArray(), cells, fileLeads, first);
    }

    private boolean atEnd() {
        try {
            return csv.atEnd();
        } catch (IOException e) {
            throw new UncheckedIOException("importLeads: cannot read the CSV body", e);
        }
    }

    private List<String> readRow() {
        try {
            return csv.nextRow();
        } catch (IOException e) {
            throw new UncheckedIOException("importLeads: cannot read the CSV body", e);
        }
    }

    /** The lead's REST fields and values as text (nulls and empty values left out: an empty cell changes nothing). */
    private Map<String, String> cellsOf(Lead lead) {
        ObjectNode json = mapper.toJson(lead);
        Map<String, String> cells = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value != null && !value.isNull() && !value.asText().isEmpty()) {
                cells.put(e.getKey(), value.asText());
            }
        });
        return cells;
    }

    private static void write(ByteArrayOutputStream out, List<String> cells) {
        out.writeBytes(line(cells));
    }

    static byte[] line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(cells.get(i)));
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static long encodedLength(String cell) {
        return escape(cell).getBytes(StandardCharsets.UTF_8).length;
    }
}
