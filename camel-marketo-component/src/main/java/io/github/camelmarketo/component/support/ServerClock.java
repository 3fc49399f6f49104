package io.github.camelmarketo.component.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The vendor's clock as seen from this host: the offset between the server's HTTP {@code Date} header and the host's
 * time when the answer arrived, from the latest answer. {@link #now(Clock)} is the host's time corrected by that
 * offset (the host's own time until an answer came). The header has whole seconds, so the estimate may lag the server
 * by up to one second: on the safe side for watermarks. Thread-safe.
 */
public final class ServerClock {

    private volatile long offsetMillis;
    private volatile boolean observed;
    /** The last header read, so that the many answers of one second parse it once. */
    private volatile ParsedDate lastDate;

    private record ParsedDate(String header, long epochMillis) {
    }

    /** Records the server's {@code Date} header (RFC 1123); ignored when absent or unreadable. */
    public void observe(String dateHeader, Instant hostTimeAtReceive) {
        if (dateHeader == null || dateHeader.isBlank()) {
            return;
        }
        ParsedDate date = lastDate;
        if (date == null || !date.header().equals(dateHeader)) {
            try {
                date = new ParsedDate(dateHeader,
                        ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
            } catch (DateTimeParseException e) {
                // a server that sends no valid Date leaves the host's time in force
                return;
            }
            lastDate = date;
        }
        offsetMillis = date.epochMillis() - hostTimeAtReceive.toEpochMilli();
        observed = true;
    }

    /** The server's current time as estimated from the last {@code Date} header, or {@code host}'s time before any. */
    public Instant now(Clock host) {
        Instant hostNow = host.instant();
        return observed ? hostNow.plusMillis(offsetMillis) : hostNow;
    }

    /** Whether a {@code Date} header has been seen. */
    public boolean isObserved() {
        return observed;
    }
}
