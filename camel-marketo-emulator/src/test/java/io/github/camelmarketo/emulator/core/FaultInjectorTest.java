package io.github.camelmarketo.emulator.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectorTest {

    private final FaultInjector faults = new FaultInjector();

    @Test
    void faultFiresForTheGivenNumberOfMatchingCalls() {
        faults.inject(Api.SOAP, new Fault.HttpStatus(503), 2);

        assertThat(faults.pending()).isEqualTo(2);
        assertThat(faults.next(Api.SOAP, "getLead")).contains(new Fault.HttpStatus(503));
        assertThat(faults.next(Api.SOAP, "syncLead")).contains(new Fault.HttpStatus(503));
        assertThat(faults.next(Api.SOAP, "getLead")).isEmpty();
        assertThat(faults.pending()).isZero();
    }

    @Test
    void operationFilterMatchesByContainment() {
        faults.inject(Api.REST, "/rest/v1/leads.json", new Fault.VendorError("606"), 1);

        assertThat(faults.next(Api.REST, "GET /rest/v1/lists.json")).isEmpty();
        assertThat(faults.next(Api.REST, null)).isEmpty();
        assertThat(faults.next(Api.REST, "POST /rest/v1/leads.json")).contains(new Fault.VendorError("606"));
    }

    @Test
    void apisAreSeparateAndRulesFireInQueueOrder() {
        faults.inject(Api.SOAP, new Fault.Latency(Duration.ofMillis(5)), 1);
        faults.inject(Api.SOAP, new Fault.DropConnection(), 1);

        assertThat(faults.next(Api.REST, "x")).isEmpty();
        assertThat(faults.next(Api.SOAP, "x")).contains(new Fault.Latency(Duration.ofMillis(5)));
        assertThat(faults.next(Api.SOAP, "x")).contains(new Fault.DropConnection());
    }

    @Test
    void clearDropsEverything() {
        faults.inject(Api.LEADSQUARED, new Fault.ExpireTokens(), 3);
        faults.clear();

        assertThat(faults.pending()).isZero();
        assertThat(faults.next(Api.LEADSQUARED, "x")).isEmpty();
    }
}
