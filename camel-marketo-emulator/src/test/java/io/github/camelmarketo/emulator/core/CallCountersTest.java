package io.github.camelmarketo.emulator.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallCountersTest {

    private final CallCounters counters = new CallCounters();

    @Test
    void countsByOperationAndByCode() {
        counters.record(Api.SOAP, "getLead", "200");
        counters.record(Api.SOAP, "getLead", "20014");
        counters.record(Api.SOAP, "syncLead", "200");
        counters.record(Api.REST, "GET /rest/v1/leads.json", "606");

        assertThat(counters.calls(Api.SOAP, "getLead")).isEqualTo(2);
        assertThat(counters.calls(Api.SOAP)).isEqualTo(3);
        assertThat(counters.responses(Api.SOAP, "200")).isEqualTo(2);
        assertThat(counters.responses(Api.REST, "606")).isEqualTo(1);
        assertThat(counters.responses("606")).isEqualTo(1);
        assertThat(counters.responses(Api.LEADSQUARED, "429")).isZero();
        assertThat(counters.snapshot()).containsEntry("SOAP:getLead", 2L).containsEntry("code:REST:606", 1L);
    }

    @Test
    void resetZeroesEverything() {
        counters.record(Api.SOAP, "getLead", "200");
        counters.reset();

        assertThat(counters.calls(Api.SOAP)).isZero();
        assertThat(counters.snapshot()).isEmpty();
    }
}
