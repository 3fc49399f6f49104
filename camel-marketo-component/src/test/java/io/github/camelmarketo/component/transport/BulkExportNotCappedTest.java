package io.github.camelmarketo.component.transport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk export files are streamed, not read into memory, so maxResponseSize does not limit them: with a cap far below
 * the size of each file slice, a REST bulk extract still delivers every lead, while its JSON calls stay under the cap.
 */
class BulkExportNotCappedTest extends CamelTestSupport {

    private static final int LEADS = 120;
    private static final long CAP = 1500;

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(LEADS));

    @Test
    void exportFilesLargerThanMaxResponseSizeAreRead() throws Exception {
        emulator.get().rest().exportTiming(Duration.ofMillis(30), Duration.ofMillis(30));
        try (RelayProxy proxy = new RelayProxy(null, null)) {
            TransportTarget.REST.addComponent(context, "capped", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setMaxResponseSize(CAP);
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
                ((MarketoConfiguration) c).setExtractPollInterval(20);
            });
            String since = OffsetDateTime.now(ZoneOffset.UTC).minusDays(61).truncatedTo(ChronoUnit.SECONDS).toString();

            Iterator<?> leads = template.requestBody("capped:getMultipleLeads?leadSelector=lastUpdateAt&fetchAll=true"
                                                     + "&batchSize=100&fields=email,firstName,lastName,updatedAt"
                                                     + "&oldestUpdatedAt=" + since, null, Iterator.class);
            List<Object> all = new ArrayList<>();
            leads.forEachRemaining(all::add);

            assertThat(all).hasSize(LEADS).allMatch(lead -> lead instanceof Lead);
            assertThat(proxy.largestResponseLength()).as("an export file slice larger than the cap").isGreaterThan(CAP);
        }
    }
}
