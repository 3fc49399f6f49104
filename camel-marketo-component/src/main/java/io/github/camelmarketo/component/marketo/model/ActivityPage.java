package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * One page of an activity read ({@code activities.json}, {@code activities/leadchanges.json},
 * {@code activities/deletedleads.json}): its activities, the paging token to continue from, and the vendor's
 * {@code moreResult}. The token is always given (also on the last page: the feed continues from it when new
 * activities arrive); a page may be empty while {@code moreResult} is true.
 *
 * @param activities    the activities of this page, in the vendor's order
 * @param nextPageToken token of the next read
 * @param moreResult    whether the vendor has more activities after this page now
 */
public record ActivityPage(List<Activity> activities, String nextPageToken, boolean moreResult) {

    public ActivityPage {
        activities = List.copyOf(activities);
    }
}
