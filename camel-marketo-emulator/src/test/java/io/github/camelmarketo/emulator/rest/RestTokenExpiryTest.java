package io.github.camelmarketo.emulator.rest;

import java.time.Duration;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RestTokenExpiryTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10)
            .tokenTtl(Duration.ofSeconds(1)));

    @Test
    void expiredTokenIs602ThenANewTokenIsIssued() {
        RestCalls rest = new RestCalls(emulator.get());
        String token = rest.token();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> "602".equals(
                RestCalls.errorCode(rest.getJson("/rest/v1/leads/describe.json"))));
        String fresh = rest.token();

        assertThat(fresh).isNotEqualTo(token);
        assertThat(emulator.get().counters().responses(Api.REST, "602")).isEqualTo(1);
    }
}
