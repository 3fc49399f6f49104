package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Imports one batch file row by row through the same upsert as {@code POST /rest/v1/leads.json} (so imported leads
 * are visible to every API and recorded like any other change): the header names the fields (an unknown field fails
 * the batch), each row is created or updated by the batch's {@code lookupField} ({@code id} updates only) in its
 * {@code partitionName}, and joins {@code listId} when given. A rejected row is a failure with the vendor's reason; a
 * value longer than its field is truncated and the row is a warning. Empty cells leave the field unchanged.
 */
final class ImportProcessor {

    static final String FAILURE_COLUMN = "Import Failure Reason";
    static final String WARNING_COLUMN = "Import Warning Reason";

    private final LeadStore store;
    private final LeadMapper mapper;
    private final LeadSync sync;

    ImportProcessor(LeadStore store, LeadMapper mapper, LeadSync sync) {
        this.store = store;
        this.mapper = mapper;
        this.sync = sync;
    }

    ImportJob.Outcome process(ImportJob job) {
        List<List<String>> rows = CsvTable.parse(new String(job.file(), StandardCharsets.UTF_8), job.separator());
        if (rows.isEmpty()) {
            return failed("Import failed: the file is empty");
        }
        List<String> header = rows.get(0);
        List<LeadField> fields = new ArrayList<>();
        for (String name : header) {
            try {
                fields.add(mapper.field(name.trim()));
            } catch (RestApiException e) {
                return failed("Import failed: field '" + name + "' in the header not found");
            }
        }
        LeadSync.Action action = "id".equals(job.lookupField().restName()) ? LeadSync.Action.updateOnly
                : LeadSync.Action.createOrUpdate;
        StringBuilder failures = new StringBuilder(CsvTable.line(withColumn(header, FAILURE_COLUMN)));
        StringBuilder warnings = new StringBuilder(CsvTable.line(withColumn(header, WARNING_COLUMN)));
        List<Integer> imported = new ArrayList<>();
        int failed = 0;
        int warned = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode record = Json.object();
            String warning = null;
            for (int i = 0; i < fields.size() && i < row.size(); i++) {
                String value = row.get(i);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                LeadField field = fields.get(i);
                if (field.length() != null && value.length() > field.length()) {
                    value = value.substring(0, field.length());
                    warning = "Value for field '" + field.restName() + "' truncated to " + field.length() + " characters";
                }
                record.put(field.restName(), value);
            }
            ObjectNode outcome = sync.upsert(record, action, job.lookupField(), job.partitionName());
            if ("skipped".equals(outcome.path("status").asText())) {
                failed++;
                failures.append(CsvTable.line(withColumn(row, outcome.path("reasons").path(0).path("message").asText())));
                continue;
            }
            imported.add(outcome.path("id").asInt());
            if (warning != null) {
                warned++;
                warnings.append(CsvTable.line(withColumn(row, warning)));
            }
        }
        if (job.listId() != null) {
            store.addToList(job.listId(), imported);
        }
        String message = failed == 0
                ? "Import succeeded, " + imported.size() + " records imported (" + imported.size() + " members)"
                : "Import completed with errors, " + imported.size() + " records imported (" + imported.size()
                  + " members), " + failed + " failed records (" + failed + " failed members)";
        return new ImportJob.Outcome(ImportJob.Status.Complete, imported.size(), failed, warned, message,
                failures.toString(), warnings.toString());
    }

    private static ImportJob.Outcome failed(String message) {
        return new ImportJob.Outcome(ImportJob.Status.Failed, 0, 0, 0, message, "", "");
    }

    private static List<String> withColumn(List<String> row, String value) {
        List<String> cells = new ArrayList<>(row);
        cells.add(value);
        return cells;
    }
}
