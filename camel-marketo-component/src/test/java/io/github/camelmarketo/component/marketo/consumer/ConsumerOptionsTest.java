package io.github.camelmarketo.component.marketo.consumer;

import io.github.camelmarketo.component.marketo.LeadSelectorType;
import io.github.camelmarketo.component.marketo.LeadSelectors;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Selector options checked when the consumer is created, before any network call (the endpoint itself is shared with
 * the producer, whose selector may come in the body), and secrets kept out of the consumer's text. See also
 * {@link ConsumerRulesTest}.
 */
class ConsumerOptionsTest {

    private static final String KEY = "not-a-real-encryption-key";

    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        MarketoComponent component = new MarketoComponent();
        component.getConfiguration().setSoapEndpoint("http://localhost:1/soap/mktows/2_x");
        component.getConfiguration().setUserId("user_1");
        component.getConfiguration().setEncryptionKey(KEY);
        context.addComponent("marketo", component);
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    /** The consumer of {@code uri}: its selector options are checked here, before any call. */
    private void createConsumer(String uri) throws Exception {
        context.getEndpoint(uri).createConsumer(exchange -> {
        });
    }

    @Test
    void badSelectorOptionsNameTheOption() {
        assertThatThrownBy(() -> createConsumer("marketo:getMultipleLeads"))
                .hasMessageContaining("leadSelector").hasMessageContaining("lastUpdateAt, staticList, leadKeys, leadChanges");
        assertThatThrownBy(() -> createConsumer(
                "marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=yesterday"))
                .hasMessageContaining("oldestUpdatedAt").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> createConsumer("marketo:getMultipleLeads?leadSelector=lastUpdateAt"
                                                + "&oldestUpdatedAt=2026-02-01T00:00:00Z&latestUpdatedAt=2026-01-01T00:00:00Z"))
                .hasMessageContaining("latestUpdatedAt");
        assertThatThrownBy(() -> createConsumer("marketo:getMultipleLeads?leadSelector=staticList"))
                .hasMessageContaining("staticListName").hasMessageContaining("staticListId");
        assertThatThrownBy(() -> createConsumer("marketo:getMultipleLeads?leadSelector=leadKeys"))
                .hasMessageContaining("leadKeys");
    }

    @Test
    void leadChangesOnSoapFailsAtEndpointCreationNamingTheSelector() {
        assertThatThrownBy(() -> context.getEndpoint("marketo:getMultipleLeads?leadSelector=leadChanges"
                                                     + "&oldestUpdatedAt=2026-01-01T00:00:00Z"))
                .hasStackTraceContaining("leadSelector=leadChanges").hasStackTraceContaining("api=rest");
        MarketoConfiguration rest = new MarketoConfiguration();
        rest.setLeadSelector(LeadSelectorType.leadChanges);
        assertThatThrownBy(() -> LeadSelectors.fromConfiguration(rest))
                .hasMessageContaining("leadSelector=leadChanges needs option oldestUpdatedAt");
    }

    @Test
    void consumerTextHidesTheEncryptionKey() throws Exception {
        var consumer = context.getEndpoint("marketo:getMultipleLeads?leadSelector=leadKeys&leadKeys=a@example.com"
                                           + "&encryptionKey=RAW(" + KEY + ")").createConsumer(exchange -> {
                                           });
        assertThat(consumer.toString()).contains("getMultipleLeads").doesNotContain(KEY);
    }
}
