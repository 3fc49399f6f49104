package io.github.camelmarketo.examples.jbang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the Camel JBang recipe's own files, {@code routes.yaml} and {@code application.properties} of this module,
 * with camel-main and the YAML DSL (what {@code camel run} does, without the JBang launcher, which cannot be fetched
 * here) against the emulator started as the README says ({@code --leads 200}). Only the port differs: the emulator
 * takes a free one and the two endpoint properties are overridden to it.
 */
class JBangRecipeTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void routesYamlSyncsAndStreamsAgainstTheEmulator() throws Exception {
        try (MarketoEmulator emulator = MarketoEmulator.builder().leads(200).build().start()) {
            Outcomes outcomes = new Outcomes();
            Main main = new Main();
            main.setDefaultPropertyPlaceholderLocation("file:" + MODULE.resolve("application.properties"));
            main.configure().withRoutesIncludePattern("file:" + MODULE.resolve("routes.yaml"));
            main.addOverrideProperty("camel.component.marketo.rest-endpoint", emulator.getRestEndpoint());
            main.addOverrideProperty("camel.component.marketo.identity-endpoint", emulator.getIdentityEndpoint());
            main.bind("recipeOutcomes", outcomes);
            main.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.synced.size() == 3 && outcomes.vip.size() == 20);
                assertThat(main.getCamelContext().getVersion()).isEqualTo(pinnedCamelVersion());
            } finally {
                main.stop();
            }
            // two new leads, the seeded lead10@example.com updated; the VIP list is every 10th of the 200 leads (lead1, lead11, ...)
            assertThat(outcomes.synced).extracting(SyncResult::status)
                    .containsExactly(SyncStatus.CREATED, SyncStatus.CREATED, SyncStatus.UPDATED);
            assertThat(outcomes.vip.keySet()).contains("lead1@example.com", "lead191@example.com").hasSize(20);
            assertThat(emulator.store().size()).isEqualTo(202);
            assertThat(emulator.counters().calls(Api.REST, "POST /rest/v1/leads.json")).isEqualTo(1);
            assertThat(emulator.counters().calls(Api.REST, "POST /identity/oauth/token")).isEqualTo(1);
        }
    }

    /** The Camel version the README's and routes.yaml's {@code jbang -Dcamel.jbang.version=...} command pins. */
    private static String pinnedCamelVersion() throws IOException {
        String readme = Files.readString(MODULE.resolve("../../README.md"));
        String routes = Files.readString(MODULE.resolve("routes.yaml"));
        Pattern pin = Pattern.compile("-Dcamel\\.jbang\\.version=(\\S+) camel@apache/camel run routes\\.yaml");
        Matcher inReadme = pin.matcher(readme);
        Matcher inRoutes = pin.matcher(routes);
        assertThat(inReadme.find()).as("README pins the Camel version of the JBang command").isTrue();
        assertThat(inRoutes.find()).as("routes.yaml pins the Camel version of the JBang command").isTrue();
        assertThat(inRoutes.group(1)).isEqualTo(inReadme.group(1));
        return inReadme.group(1);
    }

    /** Collects what the two routes completed: the sync results and the streamed VIP leads by email. */
    static final class Outcomes extends EventNotifierSupport {
        final List<SyncResult> synced = new CopyOnWriteArrayList<>();
        final Map<String, Long> vip = new ConcurrentHashMap<>();

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeCompletedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
            if (exchange.isFailed()) {
                return;
            }
            Object body = exchange.getMessage().getBody();
            if ("sync-leads".equals(exchange.getFromRouteId()) && body instanceof List<?> results) {
                results.forEach(r -> synced.add((SyncResult) r));
            } else if ("stream-vip-leads".equals(exchange.getFromRouteId()) && body instanceof Lead lead) {
                vip.put(lead.getEmail(), lead.getId());
            }
        }
    }
}
