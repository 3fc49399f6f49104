package io.github.camelmarketo.component.marketo.soap;

import java.time.Duration;
import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry is signed again: with the emulator accepting timestamps at most 2 s old and a retry delay of 2.5 to 5 s, a
 * re-sent signature would be rejected with 20016 (request expired).
 */
class SoapSigningTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(5)
            .signatureSkew(Duration.ofSeconds(2)));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRetryInitialDelay(5000);
        configuration.setRetryMaxDelay(5000);
    }

    @Test
    void everyAttemptCarriesAFreshSignature() {
        emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20023"), 1);
        assertThat(template.requestBody("marketo:getLead", "lead1@example.com", List.class)).hasSize(1);
        assertThat(emulator.get().counters().calls(Api.SOAP, "getLead")).isEqualTo(2);
        assertThat(emulator.get().counters().responses(Api.SOAP, "20016")).isZero();
        assertThat(emulator.get().counters().responses(Api.SOAP, "200")).isEqualTo(1);
    }
}
