package io.github.camelmarketo.component.marketo.soak;

import java.time.Duration;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak ({@link SoakDriver}) for {@code soak.minutes} minutes (default 10):
 * {@code ./mvnw -B verify -Psoak -Dsoak.minutes=10}. Not part of a plain {@code verify}: the class name does not
 * match surefire's test patterns, the {@code soak} profile runs it alone. Prints progress every 30 s and the totals
 * at the end; fails when a record was lost or duplicated, or when the run did not meet faults and vendor limits.
 */
class MarketoSoak extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(SoakDriver::limits);

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        SoakDriver.configure(configuration, emulator.get());
    }

    @Test
    void soak() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        Duration duration = Duration.ofMillis((long) (minutes * 60_000));
        System.out.println("soak: " + duration.toSeconds() + " s of producers and consumers against the emulator");

        SoakTotals totals = new SoakDriver(context, emulator.get(), SoakDriver.Settings.soak(duration)).run(d -> {
        });

        System.out.println(totals.format());
        assertThat(totals.problems()).as("soak invariants").isEmpty();
        assertThat(totals.lost()).as("lost").isZero();
        assertThat(totals.duplicated()).as("duplicated by retries").isZero();
        assertThat(totals.written()).as("records written").isPositive();
        assertThat(totals.faultsInjected()).as("faults taken by calls").isNotEmpty();
        assertThat(totals.limitRejections()).as("the emulator's limits were hit").isPositive();
    }
}
