package io.github.camelmarketo.component.marketo.consumer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consumer's rules that need no vendor: which endpoints can be consumed, the commit rule, the cursor's line format
 * and a cursor stored for other options.
 */
class ConsumerRulesTest {

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void startRoute(String uri) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            MarketoComponent component = new MarketoComponent();
            component.getConfiguration().setMunchkinId("123-ABC-456");
            component.getConfiguration().setClientId("id");
            component.getConfiguration().setClientSecret("secret-value");
            component.getConfiguration().setRestEndpoint("http://localhost:1/rest");
            component.getConfiguration().setIdentityEndpoint("http://localhost:1/identity");
            context.addComponent("marketo", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:x");
                }
            });
            context.start();
        }
    }

    @Test
    void onlyGetMultipleLeadsCanBeConsumed() {
        assertThatThrownBy(() -> startRoute("marketo:getLead?leadKeyType=IDNUM&api=rest"))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("Only marketo:getMultipleLeads can be consumed")
                        .hasMessageContaining("getLead"));
    }

    @Test
    void lastUpdateAtWithoutOldestUpdatedAtFailsAtStartNamingTheOption() {
        assertThatThrownBy(() -> startRoute("marketo:getMultipleLeads?leadSelector=lastUpdateAt&api=rest"))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("oldestUpdatedAt")
                        .hasMessageNotContaining("secret-value"));
    }

    @Test
    void pageCommitsOnlyWhenEveryExchangeCompleted() {
        List<LeadCursor> saved = new ArrayList<>();
        LeadCursor next = LeadCursor.start("s", "rest", null).withPosition("p2", Instant.EPOCH);

        PageCommit ok = new PageCommit(next, 3, saved::add);
        ok.completed();
        ok.completed();
        assertThat(saved).isEmpty();
        ok.completed();
        assertThat(saved).containsExactly(next);

        saved.clear();
        PageCommit failed = new PageCommit(next, 3, saved::add);
        failed.completed();
        failed.failed();
        failed.notDispatched(1);
        assertThat(failed.isDone()).isTrue();
        assertThat(saved).isEmpty();
    }

    @Test
    void cursorIsOneLineAndIgnoredForOtherOptions() {
        MemoryStateRepository repository = new MemoryStateRepository();
        CursorStore store = new CursorStore(repository, CursorStore.key("marketo", "getMultipleLeads", "a=b\nc", "x"));
        assertThat(store.key()).doesNotContain("=", "\n");

        LeadCursor cursor = LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", "soap", Instant.parse("2026-01-01T00:00:00Z"))
                .withPosition("lu|1767225600000|abc", Instant.parse("2026-03-01T00:00:00Z"));
        store.save(cursor);
        assertThat(repository.getState(store.key())).doesNotContain("\n");
        assertThat(store.load(LeadCursor.start(cursor.selector(), "soap", null))).isEqualTo(cursor);

        LeadCursor fresh = LeadCursor.start("staticList:name.VIP", "soap", null);
        assertThat(store.load(fresh)).isSameAs(fresh);
    }

    @Test
    void aCursorOfTheOtherApiRestartsFromItsWatermark() {
        MemoryStateRepository repository = new MemoryStateRepository();
        CursorStore store = new CursorStore(repository, "marketo/route1/getMultipleLeads/i/lastUpdateAt");
        Instant watermark = Instant.parse("2026-06-01T10:00:00Z");
        store.save(LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", "soap", watermark)
                .withPosition("id:123:to:456", Instant.parse("2026-06-01T10:05:00Z")));

        LeadCursor loaded = store.load(LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", "rest",
                Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(loaded).isEqualTo(LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", "rest", watermark));
    }

    @Test
    void anUnreadableCursorFailsNamingTheKeyAndHowToReset() {
        MemoryStateRepository repository = new MemoryStateRepository();
        CursorStore store = new CursorStore(repository, "marketo/route1/getMultipleLeads/i/lastUpdateAt");
        for (String torn : new String[] { "{\"selector\":\"lastUpdateAt:2026-01-01T00:00:00Z\",\"waterm", "[]", "garbage" }) {
            repository.setState(store.key(), torn);
            assertThatThrownBy(() -> store.load(LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", "rest", null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'marketo/route1/getMultipleLeads/i/lastUpdateAt'")
                    .hasMessageContaining("Remove that key");
        }
    }

    @Test
    void aTornStateFileFailsNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
        File file = dir.resolve("cursor.dat").toFile();
        String key = "marketo/-/getMultipleLeads/i/lastUpdateAt:2026-01-01T00:00:00Z";
        // a write cut short by a crash: the line ends in the middle of the JSON value
        Files.writeString(file.toPath(), key + "={\"selector\":\"lastUpdateAt:2026-01-01T00:00:00Z\",\"api\":\"so\n");
        FileStateRepository repository = FileStateRepository.fileStateRepository(file);
        repository.start();
        try {
            CursorStore store = new CursorStore(repository, key);
            assertThatThrownBy(() -> store.load(LeadCursor.start("lastUpdateAt:2026-01-01T00:00:00Z", "soap", null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(file.getAbsolutePath()).hasMessageContaining("'" + key + "'")
                    .hasMessageContaining("Remove that key");
        } finally {
            repository.stop();
        }
    }
}
