package io.github.camelmarketo.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The vendor's budget day: Marketo resets its daily quotas at midnight US Central time ({@code America/Chicago}), so a
 * day is 23, 24 or 25 hours long. The day's date names the daily bucket, so a new day starts a fresh bucket exactly at
 * the vendor's reset, whatever daylight saving does.
 */
final class BudgetDay {

    /** Marketo's reset time zone. */
    static final ZoneId VENDOR_ZONE = ZoneId.of("America/Chicago");

    private final Clock clock;
    private final ZoneId zone;

    BudgetDay(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Today's date in the vendor's zone. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** When the next budget day starts. */
    Instant nextReset() {
        return today().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
