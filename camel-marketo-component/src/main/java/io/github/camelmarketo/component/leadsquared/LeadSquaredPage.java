package io.github.camelmarketo.component.leadsquared;

import java.util.List;

/**
 * One page of a ByIds answer.
 *
 * @param recordCount the answer's {@code RecordCount}, -1 when it had none; the vendor's document does not say whether
 *                    it counts the leads of the whole request or of this page, so it is only a cross-check
 * @param leads       the page's leads in the order the vendor sent them
 */
record LeadSquaredPage(int recordCount, List<LeadSquaredLead> leads) {
}
