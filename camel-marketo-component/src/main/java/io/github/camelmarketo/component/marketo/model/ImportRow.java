package io.github.camelmarketo.component.marketo.model;

/**
 * A row of a bulk import that Marketo rejected or imported with a warning, mapped back to the input.
 *
 * @param index  position of the record in the input (0-based data row for a CSV body), -1 if it could not be matched
 * @param lead   the input record (for a CSV body: the row as a lead, header names as attributes)
 * @param reason the vendor's reason ({@code Import Failure Reason} / {@code Import Warning Reason})
 */
public record ImportRow(int index, Lead lead, String reason) {
}
