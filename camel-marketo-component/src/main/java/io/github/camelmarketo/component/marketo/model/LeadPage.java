package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * One page of leads plus where to continue: SOAP's {@code newStreamPosition}/{@code remainingCount} or REST's
 * {@code nextPageToken}/{@code moreResult}, under one name.
 *
 * @param leads          the leads of this page
 * @param nextPosition   opaque position of the next page (SOAP stream position or REST page token); null at the end
 * @param remainingCount leads after this page when the API says (SOAP), else -1
 * @param hasMore        whether another page exists
 */
public record LeadPage(List<Lead> leads, String nextPosition, int remainingCount, boolean hasMore) {

    public LeadPage {
        leads = List.copyOf(leads);
    }

    public static LeadPage last(List<Lead> leads) {
        return new LeadPage(leads, null, 0, false);
    }
}
