package io.github.camelmarketo.emulator.core;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityLogTest {

    private static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void readsAfterACursorInDateThenIdOrder() {
        ActivityLog log = new ActivityLog();
        log.append(1, T, ActivityTypes.NEW_LEAD, 1, "A", null);
        log.append(2, T.plusMillis(900), ActivityTypes.NEW_LEAD, 2, "B", null);
        log.append(3, T.plusSeconds(5), ActivityTypes.NEW_LEAD, 3, "C", null);

        ActivityLog.Page all = log.read(ActivityLog.Cursor.since(T.plusMillis(500)), 10, 100, a -> true);
        assertThat(all.activities()).extracting(Activity::leadId).containsExactly(1, 2, 3);
        assertThat(all.activities().get(1).activityDate()).isEqualTo(T);
        assertThat(all.more()).isFalse();

        ActivityLog.Page first = log.read(ActivityLog.Cursor.since(T), 2, 100, a -> true);
        assertThat(first.more()).isTrue();
        ActivityLog.Page rest = log.read(first.next(), 2, 100, a -> true);
        assertThat(rest.activities()).extracting(Activity::leadId).containsExactly(3);
        assertThat(rest.more()).isFalse();
        assertThat(log.read(rest.next(), 2, 100, a -> true).activities()).isEmpty();
    }

    @Test
    void aBoundedScanAnswersEmptyPagesThatHaveMore() {
        ActivityLog log = new ActivityLog();
        for (int i = 0; i < 5; i++) {
            log.append(i, T.plusSeconds(i), ActivityTypes.NEW_LEAD, i, null, null);
        }
        ActivityLog.Page page = log.read(ActivityLog.Cursor.since(T), 10, 2, a -> a.leadId() == 4);
        assertThat(page.activities()).isEmpty();
        assertThat(page.more()).isTrue();
        assertThat(page.next()).isEqualTo(new ActivityLog.Cursor(T.getEpochSecond() + 1, 2));
    }

    @Test
    void prunesOnlyDeletionsOlderThanFourteenDays() {
        ActivityLog log = new ActivityLog();
        log.append(1, T, ActivityTypes.DELETE_LEAD, 1, null, null);
        log.append(2, T, ActivityTypes.NEW_LEAD, 2, null, null);
        log.append(3, T.plus(Duration.ofDays(2)), ActivityTypes.DELETE_LEAD, 3, null, null);

        assertThat(log.pruneDeleted(T.plus(Duration.ofDays(14)))).isZero();
        assertThat(log.pruneDeleted(T.plus(Duration.ofDays(15)))).isEqualTo(1);
        assertThat(log.all()).extracting(Activity::leadId).containsExactly(2, 3);
        assertThat(log.all().get(0).id()).isEqualTo(2);
        ActivityLog.Page deletions = log.readDeletions(ActivityLog.Cursor.since(T), 10, 10);
        assertThat(deletions.activities()).extracting(Activity::leadId).containsExactly(3);
        assertThat(deletions.more()).isFalse();
    }
}
