package io.github.camelmarketo.examples.quickstart;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quickstart's whole flow in emulator mode, as the README's first command runs it (without the exit). */
class QuickstartApplicationTest {

    @Test
    void syncsTheCsvAndStreamsEveryLeadBack() throws Exception {
        try (MarketoConnection connection = MarketoConnection.fromEnvironment(Map.of(), 200)) {
            assertThat(connection.emulated()).isTrue();
            QuickstartSummary summary = QuickstartApplication.run(connection);

            assertThat(summary.isComplete()).as(summary.report()).isTrue();
            // leads.csv: 40 new addresses, 10 of the emulator's seeded lead1..lead10@example.com
            assertThat(summary.created()).isEqualTo(40);
            assertThat(summary.updated()).isEqualTo(10);
            assertThat(summary.failed()).isZero();
            assertThat(summary.streamed()).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void credentialsInTheEnvironmentMeanARealInstance() {
        try (MarketoConnection connection = MarketoConnection.fromEnvironment(
                Map.of("MARKETO_MUNCHKIN_ID", "123-ABC-456", "MARKETO_CLIENT_ID", "id", "MARKETO_CLIENT_SECRET", "s3cret"), 200)) {
            assertThat(connection.emulated()).isFalse();
            assertThat(connection.componentProperties()).containsEntry("camel.component.marketo.munchkin-id", "123-ABC-456")
                    .containsEntry("camel.component.marketo.client-id", "id");
            assertThat(connection.toString()).contains("123-ABC-456").doesNotContain("s3cret");
        }
    }
}
