package io.github.camelmarketo.component.marketo.soap;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Vendor faults, transport failures and bad input on the SOAP path: what is retried, what fails, how it reads. */
class SoapErrorsTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setMaxRetries(3);
        configuration.setSocketTimeout(5000);
    }

    private long calls(String operation) {
        return emulator.get().counters().calls(Api.SOAP, operation);
    }

    /** The failure of a call to {@code uri}: when the endpoint is created (bad options) or when the exchange runs. */
    private Exception failure(String uri, Object body) {
        Exchange out;
        try {
            out = template.request(uri, e -> e.getMessage().setBody(body));
        } catch (RuntimeException e) {
            return e;
        }
        assertThat(out.getException()).as("exchange to %s failed", uri).isNotNull();
        return out.getException();
    }

    @Test
    void wrongEncryptionKeyIsAnAuthenticationErrorWith20014() throws Exception {
        String wrongKey = "wrong-key-0123456789abcdef";
        MarketoComponent other = new MarketoComponent();
        configureFor(other.getConfiguration(), emulator.get(), io.github.camelmarketo.component.marketo.model.MarketoApi.soap);
        other.getConfiguration().setEncryptionKey(wrongKey);
        context.addComponent("marketo-wrong", other);

        Exception e = failure("marketo-wrong:getLead", "lead1@example.com");
        assertThat(e).isInstanceOf(MarketoAuthenticationException.class);
        MarketoException me = (MarketoException) e;
        assertThat(me.getCode()).isEqualTo("20014");
        assertThat(me.getOperation()).isEqualTo("getLead");
        assertThat(me.getMessage()).contains("20014", "encryptionKey").doesNotContain(wrongKey)
                .doesNotContain(emulator.get().getSoapEncryptionKey());
        assertThat(calls("getLead")).as("authentication failures are not retried").isEqualTo(1);
    }

    @Test
    void rateAndConcurrencyLimitFaultsAreRetried() {
        emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20023"), 2);
        assertThat(template.requestBody("marketo:getLead", "lead1@example.com", List.class)).hasSize(1);
        assertThat(calls("getLead")).isEqualTo(3);
        assertThat(emulator.get().counters().responses(Api.SOAP, "20023")).isEqualTo(2);

        emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20024"), 2);
        SyncResult result = template.requestBody("marketo:syncLead", Lead.withEmail("lim@example.com"), SyncResult.class);
        assertThat(result.isSuccess()).as("writes are retried on limits: nothing was applied").isTrue();
        assertThat(calls("syncLead")).isEqualTo(3);
        assertThat(emulator.get().store().findByEmail("lim@example.com")).hasSize(1);
    }

    @Test
    void rateLimitBeyondMaxRetriesFailsWithRateLimitException() {
        emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20023"), 10);
        Exception e = failure("marketo:getLead", "lead1@example.com");
        assertThat(e).isInstanceOf(MarketoRateLimitException.class);
        assertThat(((MarketoException) e).getCode()).isEqualTo("20023");
        assertThat(calls("getLead")).isEqualTo(4);
    }

    @Test
    void dailyQuotaFailsWithoutRetry() {
        emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20015"), 5);
        Exception e = failure("marketo:getLead", "lead1@example.com");
        assertThat(e).isInstanceOf(MarketoQuotaExceededException.class);
        assertThat(((MarketoException) e).getCode()).isEqualTo("20015");
        assertThat(e.getMessage()).contains("20015", "quota");
        assertThat(calls("getLead")).isEqualTo(1);
    }

    @Test
    void http503OnAReadIsRetried() {
        emulator.get().faults().inject(Api.SOAP, new Fault.HttpStatus(503), 2);
        assertThat(template.requestBody("marketo:getLead", "lead2@example.com", List.class)).hasSize(1);
        assertThat(calls("getLead")).isEqualTo(3);
    }

    @Test
    void http503OnAWriteIsNotRetried() {
        emulator.get().faults().inject(Api.SOAP, new Fault.HttpStatus(503), 1);
        Exception e = failure("marketo:syncMultipleLeads", List.of(Lead.withEmail("w503@example.com")));
        assertThat(e).isInstanceOf(MarketoException.class);
        assertThat(e.getMessage()).contains("syncMultipleLeads", "503");
        assertThat(calls("syncMultipleLeads")).isEqualTo(1);
    }

    @Test
    void droppedConnectionOnAReadIsRetried() {
        emulator.get().faults().inject(Api.SOAP, new Fault.DropConnection(), 2);
        assertThat(template.requestBody("marketo:getMultipleLeads", "lead3@example.com", List.class)).hasSize(1);
        assertThat(calls("getMultipleLeads")).isEqualTo(3);
    }

    @Test
    void droppedConnectionOnAWriteIsNotRetried() {
        emulator.get().faults().inject(Api.SOAP, new Fault.DropConnection(), 1);
        Exception e = failure("marketo:syncLead", Lead.withEmail("drop@example.com"));
        assertThat(e).isInstanceOf(MarketoException.class);
        assertThat(e.getMessage()).contains("syncLead");
        assertThat(calls("syncLead")).isEqualTo(1);
    }

    @Test
    void internalErrorOnAReadIsRetried() {
        emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20011"), 1);
        assertThat(template.requestBody("marketo:getLead", "lead4@example.com", List.class)).hasSize(1);
        assertThat(calls("getLead")).isEqualTo(2);
    }

    @Test
    void unknownStaticListIsNotFound() {
        Exception e = failure("marketo:getMultipleLeads?leadSelector=staticList&staticListName=NoSuchList", null);
        assertThat(e).isInstanceOf(io.github.camelmarketo.component.marketo.model.MarketoNotFoundException.class);
        assertThat(((MarketoException) e).getCode()).isEqualTo("20111");
        assertThat(e.getMessage()).contains("NoSuchList");
    }

    @Test
    void readTimeoutOnAReadIsRetriedAndOnAWriteIsNot() {
        emulator.get().faults().inject(Api.SOAP, new Fault.Latency(Duration.ofMillis(1500)), 1);
        assertThat(template.requestBody("marketo:getLead?socketTimeout=300", "lead5@example.com", List.class)).hasSize(1);
        // the emulator counts the slow call when it finally answers
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls("getLead")).isEqualTo(2));

        emulator.get().faults().inject(Api.SOAP, new Fault.Latency(Duration.ofMillis(1500)), 1);
        Exception e = failure("marketo:syncLead?socketTimeout=300", Lead.withEmail("slow@example.com"));
        assertThat(e).isInstanceOf(MarketoException.class).hasMessageContaining("syncLead");
        await().atMost(Duration.ofSeconds(10)).until(() -> calls("syncLead") >= 1);
        assertThat(calls("syncLead")).as("not sent again").isEqualTo(1);
        assertThat(emulator.get().store().findByEmail("slow@example.com")).as("because it was applied after all").hasSize(1);
    }

    @Test
    void refusedConnectionIsRetriedEvenForWritesThenFailsWithAHint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Exception e = failure("marketo:syncLead?maxRetries=2&soapEndpoint=http://127.0.0.1:" + closedPort + "/soap/mktows/2_x",
                Lead.withEmail("nowhere@example.com"));
        assertThat(e).isInstanceOf(MarketoException.class)
                .hasMessageContaining("syncLead").hasMessageContaining("soapEndpoint");
        assertThat(((MarketoException) e).getCode()).isNull();
        assertThat(emulator.get().counters().calls(Api.SOAP)).isZero();
    }

    // ------------------------------------------------------------------ bad input: no network call

    @Test
    void getLeadWithUnconvertibleBodyNamesTheExpectedTypes() {
        Exception e = failure("marketo:getLead", new Date());
        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LeadKey").hasMessageContaining("Number").hasMessageContaining("String")
                .hasMessageContaining("java.util.Date");
        assertThat(emulator.get().counters().calls(Api.SOAP)).isZero();
    }

    @Test
    void getMultipleLeadsWithUnconvertibleBodyNamesTheExpectedTypes() {
        Exception e = failure("marketo:getMultipleLeads", 42.5d);
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LeadSelector")
                .hasMessageContaining("Collection").hasMessageContaining("java.lang.Double");
        assertThat(emulator.get().counters().calls(Api.SOAP)).isZero();
    }

    @Test
    void syncWithUnconvertibleBodyNamesTheExpectedTypes() {
        Exception e = failure("marketo:syncMultipleLeads", List.of(Lead.withEmail("a@example.com"), new Date()));
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lead")
                .hasMessageContaining("Map").hasMessageContaining("JSON").hasMessageContaining("java.util.Date");
        e = failure("marketo:syncLead", "not json at all");
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON");
        e = failure("marketo:syncLead", List.of(Lead.withEmail("a@example.com"), Lead.withEmail("b@example.com")));
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syncMultipleLeads");
        e = failure("marketo:syncMultipleLeads", List.of());
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one lead");
        assertThat(emulator.get().counters().calls(Api.SOAP)).isZero();
    }

    @Test
    void badSelectorOptionsFailBeforeAnyCall() {
        Exception e = failure("marketo:getMultipleLeads", null);
        assertThat(e).hasMessageContaining("leadSelector").hasMessageContaining("lastUpdateAt, staticList, leadKeys");
        e = failure("marketo:getMultipleLeads?leadSelector=lastUpdateAt", null);
        assertThat(e).hasMessageContaining("oldestUpdatedAt");
        e = failure("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=yesterday", null);
        assertThat(e).hasMessageContaining("oldestUpdatedAt").hasMessageContaining("yesterday");
        e = failure("marketo:getMultipleLeads?leadSelector=staticList", null);
        assertThat(e).hasMessageContaining("staticListName").hasMessageContaining("staticListId");
        assertThat(emulator.get().counters().calls(Api.SOAP)).isZero();
    }
}
