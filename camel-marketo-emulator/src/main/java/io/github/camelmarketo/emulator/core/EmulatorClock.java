package io.github.camelmarketo.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The emulator's idea of "now": a base clock (real time by default) plus an offset that tests and the command line
 * set, so the emulated vendor can run ahead of or behind its clients ({@code --clock-offset 30s}) and tests can jump
 * days ahead to reach retention and pruning deadlines. Every date the emulator writes or compares comes from here.
 */
public final class EmulatorClock extends Clock {

    private final Clock base;
    private volatile Duration offset;

    public EmulatorClock(Clock base, Duration offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = Objects.requireNonNull(offset, "offset");
    }

    /** How far the emulator is ahead of (positive) or behind (negative) its base clock. */
    public Duration offset() {
        return offset;
    }

    /** Sets the offset from the base clock. */
    public void setOffset(Duration offset) {
        this.offset = Objects.requireNonNull(offset, "offset");
    }

    /** Moves the clock by {@code amount} (may be negative). */
    public synchronized void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The emulator works in UTC only; the zone is ignored. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
