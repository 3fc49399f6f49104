package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * The outcome of a Bulk Lead Import ({@code importLeads}): one batch per file of at most 10 MB, the counts Marketo
 * reported summed over the batches, and every failed or warned row mapped back to its input record, in input order.
 *
 * @param batchIds       the import batch ids, one per file, in upload order
 * @param rows           input records sent
 * @param imported       rows Marketo imported ({@code numOfLeadsProcessed})
 * @param failed         rows Marketo rejected ({@code numOfRowsFailed})
 * @param warned         rows imported with a warning ({@code numOfRowsWithWarning})
 * @param failures       the rejected rows with their reasons
 * @param warnings       the warned rows with their reasons
 */
public record ImportResult(List<Long> batchIds, long rows, long imported, long failed, long warned,
                           List<ImportRow> failures, List<ImportRow> warnings) {

    public ImportResult {
        batchIds = List.copyOf(batchIds);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** Whether every row was imported. */
    public boolean isSuccess() {
        return failed == 0;
    }
}
