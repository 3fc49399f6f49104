package io.github.camelmarketo.component.marketo.soak;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The soak's accounting catches a lost record: a short {@link SoakDriver} run (faults and limits on) during which
 * one record the producers reported written is deleted from the emulator's store behind the driver's back. The
 * totals must count exactly that record as lost, and nothing as duplicated.
 */
class SoakAccountingTest extends MarketoTestSupport {

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
    void countsARecordDeletedBehindTheDriversBack() throws Exception {
        SoakDriver.Settings settings = new SoakDriver.Settings(Duration.ofSeconds(3), null, Duration.ofSeconds(6), 310,
                Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(150));
        AtomicReference<String> deleted = new AtomicReference<>();

        SoakTotals totals = new SoakDriver(context, emulator.get(), settings).run(driver -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> !driver.writtenEmails().isEmpty());
            String email = driver.writtenEmails().get(0);
            List<EmulatorLead> stored = driver.emulator().store().findByEmail(email);
            assertThat(stored).hasSize(1);
            assertThat(driver.emulator().store().delete(stored.get(0).getId())).isTrue();
            deleted.set(email);
        });

        System.out.println(totals.format());
        assertThat(totals.written()).as("records written").isGreaterThan(300);
        assertThat(totals.missingInStore()).as("not in the store").isEqualTo(1);
        assertThat(totals.lost()).as("lost").isEqualTo(1);
        assertThat(totals.missingEmails()).containsExactly(deleted.get());
        assertThat(totals.duplicated()).as("duplicated").isZero();
        assertThat(totals.problems()).first().asString().startsWith("1 records lost (1 not in the store");
    }
}
