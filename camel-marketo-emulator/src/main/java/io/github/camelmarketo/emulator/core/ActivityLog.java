package io.github.camelmarketo.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The activities of the lead database in (activityDate, id) order, read through date/position cursors the way the
 * vendor's paging tokens work: a cursor from {@code sinceDatetime} starts at that second, a page's cursor points
 * after its last scanned activity. Each read scans at most a bounded number of activities, so a filtered read can
 * answer an empty page that still has more results. Delete Lead records older than {@link #DELETED_RETENTION} are
 * pruned (the vendor's document says deletions older than 14 days may be pruned). Thread-safe.
 */
public final class ActivityLog {

    /** How long Delete Lead activities are kept. */
    public static final Duration DELETED_RETENTION = Duration.ofDays(14);

    /** A read position: activities strictly after ({@code epochSecond}, {@code afterId}). */
    public record Cursor(long epochSecond, long afterId) {

        /** The cursor of a {@code sinceDatetime}: every activity at or after that second. */
        public static Cursor since(Instant since) {
            return new Cursor(since.getEpochSecond(), -1);
        }

        static Cursor of(Activity activity) {
            return new Cursor(activity.activityDate().getEpochSecond(), activity.id());
        }
    }

    /**
     * One read: the matching activities, the cursor after the last scanned one, and whether the log goes on past it.
     */
    public record Page(List<Activity> activities, Cursor next, boolean more) {
    }

    private static final Comparator<Cursor> ORDER = Comparator.comparingLong(Cursor::epochSecond)
            .thenComparingLong(Cursor::afterId);

    private final NavigableMap<Cursor, Activity> activities = new TreeMap<>(ORDER);
    /** The Delete Lead activities again, so pruning and deleted-lead reads do not walk every activity. */
    private final NavigableMap<Cursor, Activity> deletions = new TreeMap<>(ORDER);
    private long nextId = 1;

    /** Appends an activity dated {@code date} (truncated to whole seconds); returns it with its new id. */
    public synchronized Activity append(int leadId, Instant date, int typeId, long primaryValueId, String primaryValue,
                                        Activity.FieldChange change) {
        Activity activity = new Activity(nextId++, leadId, Instant.ofEpochSecond(date.getEpochSecond()), typeId,
                primaryValueId, primaryValue, change);
        activities.put(Cursor.of(activity), activity);
        if (typeId == ActivityTypes.DELETE_LEAD) {
            deletions.put(Cursor.of(activity), activity);
        }
        return activity;
    }

    /**
     * Reads after {@code cursor}: at most {@code limit} activities matching {@code filter}, scanning at most
     * {@code scanLimit} activities. With nothing left, {@code next} is the last activity's position (or the given
     * cursor), so a caller that keeps it sees later activities on its next read.
     */
    public synchronized Page read(Cursor cursor, int limit, int scanLimit, Predicate<Activity> filter) {
        return read(activities, cursor, limit, scanLimit, filter);
    }

    /** Like {@link #read} over the Delete Lead activities only. */
    public synchronized Page readDeletions(Cursor cursor, int limit, int scanLimit) {
        return read(deletions, cursor, limit, scanLimit, a -> true);
    }

    private static Page read(NavigableMap<Cursor, Activity> source, Cursor cursor, int limit, int scanLimit,
                             Predicate<Activity> filter) {
        List<Activity> page = new ArrayList<>();
        Cursor next = cursor;
        int scanned = 0;
        for (Map.Entry<Cursor, Activity> entry : source.tailMap(cursor, false).entrySet()) {
            if (page.size() >= limit || scanned >= scanLimit) {
                return new Page(page, next, true);
            }
            scanned++;
            next = entry.getKey();
            if (filter.test(entry.getValue())) {
                page.add(entry.getValue());
            }
        }
        return new Page(page, next, false);
    }

    /** Drops Delete Lead activities dated before {@code now - 14 days}; returns how many went. */
    public synchronized int pruneDeleted(Instant now) {
        long cutoff = now.minus(DELETED_RETENTION).getEpochSecond();
        int pruned = 0;
        var it = deletions.headMap(new Cursor(cutoff, -1), false).keySet().iterator();
        while (it.hasNext()) {
            activities.remove(it.next());
            it.remove();
            pruned++;
        }
        return pruned;
    }

    /** All activities in order, for tests and reports. */
    public synchronized List<Activity> all() {
        return List.copyOf(activities.values());
    }

    public synchronized int size() {
        return activities.size();
    }

    /** Forgets everything; ids start again at 1. */
    public synchronized void clear() {
        activities.clear();
        deletions.clear();
        nextId = 1;
    }
}
