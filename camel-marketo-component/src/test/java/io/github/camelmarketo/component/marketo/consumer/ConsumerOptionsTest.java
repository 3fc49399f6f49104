package io.github.camelmarketo.component.marketo.consumer;

import java.time.Instant;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Consumer options checked when the consumer is created, before any network call (the endpoint itself is shared with
 * the producer, whose selector may come in the body), and the shape of the stored cursor: a key
 * FileStateRepository accepts, a one-line value without secrets.
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
    void lastUpdateAtWithoutOldestUpdatedAtFailsBeforeAnyCall() {
        assertThatThrownBy(() -> createConsumer("marketo:getMultipleLeads?leadSelector=lastUpdateAt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oldestUpdatedAt").hasMessageContaining("2026-01-01T00:00:00Z");
    }

    @Test
    void badSelectorOptionsNameTheOption() {
        assertThatThrownBy(() -> createConsumer("marketo:getMultipleLeads"))
                .hasMessageContaining("leadSelector").hasMessageContaining("lastUpdateAt, staticList, leadKeys");
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
    void consumingAnotherOperationFailsClearly() {
        assertThatThrownBy(() -> context.getEndpoint("marketo:syncLead").createConsumer(exchange -> {
        })).hasMessageContaining("getMultipleLeads");
    }

    @Test
    void cursorKeyAndValueAreSafeToStore() {
        MemoryStateRepository repository = new MemoryStateRepository();
        // the consumer derives its key from these parts; an endpoint URL may carry '=' and must not break the key
        CursorStore store = new CursorStore(repository, CursorStore.key("marketo", "getMultipleLeads",
                "http://localhost:1/soap?x=y", "lastUpdateAt:2026-01-01T00:00:00Z"));
        LeadCursor cursor = LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", Instant.parse("2026-01-01T00:00:00Z"))
                .withPosition("id:1089965:to:1392234668:tl:1392321068:os:2:rc:24", Instant.parse("2026-02-01T00:00:00Z"));
        store.save(cursor);

        assertThat(store.key()).doesNotContain("=", "\n");
        assertThat(repository.getState(store.key())).doesNotContain("\n", "\r", KEY);
        assertThat(store.load(cursor.selector(), null)).isEqualTo(cursor);
        // a cursor stored for other selector options is not reused
        LeadCursor fresh = LeadCursor.start("staticList:name.VIP", null);
        assertThat(store.load("staticList:name.VIP", fresh)).isSameAs(fresh);
        assertThatThrownBy(() -> new CursorStore(repository, "a=b")).hasMessageContaining("stateKey");
    }

    @Test
    void consumerTextHidesTheEncryptionKey() throws Exception {
        var consumer = context.getEndpoint("marketo:getMultipleLeads?leadSelector=leadKeys&leadKeys=a@example.com"
                                           + "&encryptionKey=RAW(" + KEY + ")").createConsumer(exchange -> {
                                           });
        assertThat(consumer.toString()).contains("getMultipleLeads").doesNotContain(KEY);
    }
}
