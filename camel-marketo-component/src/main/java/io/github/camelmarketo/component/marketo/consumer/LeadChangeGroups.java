package io.github.camelmarketo.component.marketo.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelmarketo.component.marketo.model.Activity;

/**
 * The activities of one feed page grouped by lead, so that several changes of one lead in one page become one
 * exchange: per lead (in the order of its first activity) the latest activity date and the changed field names in
 * first-seen order without repeats.
 */
final class LeadChangeGroups {

    /** One lead's activities in the page. */
    record Group(long leadId, Instant latestDate, List<String> changedFields) {
    }

    private LeadChangeGroups() {
    }

    static List<Group> of(List<Activity> activities) {
        Map<Long, Instant> latest = new LinkedHashMap<>();
        Map<Long, Set<String>> fields = new LinkedHashMap<>();
        for (Activity activity : activities) {
            latest.put(activity.leadId(), later(latest.get(activity.leadId()), activity.activityDate()));
            fields.computeIfAbsent(activity.leadId(), id -> new LinkedHashSet<>()).addAll(activity.changedFields());
        }
        List<Group> groups = new ArrayList<>(latest.size());
        latest.forEach((leadId, date) -> groups.add(new Group(leadId, date, List.copyOf(fields.get(leadId)))));
        return groups;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
