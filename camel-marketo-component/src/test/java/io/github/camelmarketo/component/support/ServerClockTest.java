package io.github.camelmarketo.component.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerClockTest {

    private static final String DATE = "Tue, 01 Dec 2026 10:00:00 GMT";
    private static final Instant SERVER = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theHostsTimeUntilADateHeaderArrives() {
        ServerClock clock = new ServerClock();
        Clock host = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        clock.observe(null, host.instant());
        clock.observe("not a date", host.instant());
        assertThat(clock.isObserved()).isFalse();
        assertThat(clock.now(host)).isEqualTo(host.instant());
    }

    @Test
    void theOffsetFollowsEachAnswerAlsoWhenTheHeaderRepeats() {
        ServerClock clock = new ServerClock();
        clock.observe(DATE, SERVER.minusSeconds(5));
        assertThat(clock.now(Clock.fixed(SERVER, ZoneOffset.UTC))).isEqualTo(SERVER.plusSeconds(5));

        // the same header (answers within one second) later on the host: the offset is recomputed, not kept
        clock.observe(DATE, SERVER.plusMillis(800));
        assertThat(clock.now(Clock.fixed(SERVER, ZoneOffset.UTC))).isEqualTo(SERVER.minusMillis(800));

        // a new header is parsed again
        clock.observe("Tue, 01 Dec 2026 10:00:07 GMT", SERVER);
        assertThat(clock.now(Clock.fixed(SERVER, ZoneOffset.UTC))).isEqualTo(SERVER.plusSeconds(7));
        // an unreadable one keeps the last offset
        clock.observe("garbage", SERVER.plusSeconds(100));
        assertThat(clock.now(Clock.fixed(SERVER, ZoneOffset.UTC))).isEqualTo(SERVER.plusSeconds(7));
    }
}
