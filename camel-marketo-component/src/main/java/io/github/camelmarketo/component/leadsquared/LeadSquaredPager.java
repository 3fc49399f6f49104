package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every page of one ByIds request, whatever the vendor's {@code RecordCount} counts.
 *
 * <p>
 * The vendor's document leaves open whether {@code RecordCount} counts the leads found for the whole request or those
 * of the page answered (its example answers one page of 3 leads with {@code "RecordCount": 3}), so paging does not
 * depend on it: pages are requested while they come back full (as many leads as {@code PageSize}) and a shorter page
 * ends the request. A request of {@code n} distinct ids cannot have more than {@code n} leads, so after
 * {@code ceil(n / pageSize)} pages none can follow and no further call is made: with {@code pageSize >= n} every
 * request is exactly one call. Only when {@code pageSize < n} and the leads found are a multiple of {@code pageSize}
 * does the last, full page need one more (empty) page to prove it is the last.
 */
final class LeadSquaredPager {

    /**
     * The leads of one request in the order the vendor sent them, with the size and {@code RecordCount} of each page.
     */
    record Pages(List<LeadSquaredLead> leads, List<Integer> pageSizes, List<Integer> recordCounts) {

        /** Calls made: one per page (retries not counted). */
        int calls() {
            return pageSizes.size();
        }

        /**
         * Whether the {@code RecordCount}s sent fit one of the document's readings: each equals the leads of the whole
         * request, or each equals the leads of its page. Answers without {@code RecordCount} are not checked.
         */
        boolean recordCountAgrees() {
            boolean perRequest = true;
            boolean perPage = true;
            for (int i = 0; i < recordCounts.size(); i++) {
                int count = recordCounts.get(i);
                if (count >= 0) {
                    perRequest &= count == leads.size();
                    perPage &= count == pageSizes.get(i);
                }
            }
            return perRequest || perPage;
        }
    }

    private final LeadSquaredClient client;
    private final List<String> columns;
    private final int pageSize;

    LeadSquaredPager(LeadSquaredClient client, List<String> columns, int pageSize) {
        this.client = client;
        this.columns = columns;
        this.pageSize = pageSize;
    }

    /** Every page of the request for {@code ids} (distinct, at most the vendor maximum). */
    Pages read(List<String> ids) {
        List<LeadSquaredLead> leads = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int maxPages = (ids.size() + pageSize - 1) / pageSize;
        for (int pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
            LeadSquaredPage page = client.retrieve(ids, columns, pageIndex, pageSize);
            leads.addAll(page.leads());
            sizes.add(page.leads().size());
            counts.add(page.recordCount());
            if (page.leads().size() < pageSize) {
                break;
            }
        }
        return new Pages(leads, sizes, counts);
    }
}
