package io.github.camelmarketo.component.marketo.rest;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.Lead;

/**
 * One CSV file of a bulk import, with what maps its rows back to the input.
 *
 * @param csv        the file (header row + data rows), at most the configured size
 * @param cells      the data rows' cells as written, to match the failure/warning files against
 * @param leads      the input records of the rows (for a CSV body: each row as a lead)
 * @param firstIndex input position of the first data row
 */
record ImportFile(byte[] csv, List<List<String>> cells, List<Lead> leads, int firstIndex) {
}
