package io.github.camelmarketo.component.marketo.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * getMultipleLeads by last update over REST: Bulk Lead Extract jobs per 31-day window, the CSV read page by page
 * with Range requests, resumable from a page's position by a new client.
 */
class RestBulkExtractTest extends RestTestSupport {

    private static final int LEADS = 230;
    private static final String FILE = "GET /bulk/v1/leads/export/{exportId}/file.json";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(LEADS));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setExtractPollInterval(20);
        configuration.setExtractJobTimeout(5000);
    }

    /** The seeded leads were updated over the last 60 days: 61 days back needs two export windows. */
    private static LeadSelector.ByLastUpdate lastSixtyOneDays() {
        return new LeadSelector.ByLastUpdate(OffsetDateTime.now(ZoneOffset.UTC).minusDays(61), null);
    }

    @Test
    void streamsEveryLeadOnceAcrossWindowsAndResumesFromAPosition() {
        emulator().rest().exportTiming(Duration.ofMillis(30), Duration.ofMillis(30));
        LeadSelector.ByLastUpdate selector = lastSixtyOneDays();
        List<Lead> leads = new ArrayList<>();
        String position;
        int pages = 0;
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            LeadPage first = client.getMultipleLeads(selector, null, 40, List.of("email", "FirstName", "updatedAt"));
            LeadPage second = client.getMultipleLeads(selector, first.nextPosition(), 40, List.of("email", "FirstName", "updatedAt"));
            leads.addAll(first.leads());
            leads.addAll(second.leads());
            position = second.nextPosition();
            pages = 2;
        }
        assertThat(position).startsWith("bulk1:");
        // a new client (as after a restart) continues from the stored position without a new job for this window
        long jobsBefore = emulator().counters().calls(Api.REST, "POST /bulk/v1/leads/export/create.json");
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            while (position != null) {
                LeadPage page = client.getMultipleLeads(selector, position, 40, List.of("email", "FirstName", "updatedAt"));
                leads.addAll(page.leads());
                assertThat(page.leads().size()).isLessThanOrEqualTo(40);
                position = page.hasMore() ? page.nextPosition() : null;
                pages++;
            }
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            expected.add((long) LeadStore.FIRST_ID + i);
        }
        assertThat(leads).extracting(Lead::getId).containsExactlyInAnyOrderElementsOf(expected);
        EmulatorLead stored = emulator().store().findById(LeadStore.FIRST_ID + 7).orElseThrow();
        Lead lead = leads.stream().filter(l -> l.getId() == stored.getId()).findFirst().orElseThrow();
        assertThat(lead.getEmail()).isEqualTo(stored.getEmail());
        assertThat(lead.get("firstName")).isEqualTo(stored.getAttributes().get("FirstName"));
        assertThat(lead.get("updatedAt")).isNotBlank();

        assertThat(emulator().counters().calls(Api.REST, "POST /bulk/v1/leads/export/create.json")).isEqualTo(2);
        assertThat(jobsBefore).isEqualTo(1);
        // one ranged file read per window's file (the files are smaller than a chunk), plus one when the new client
        // resumes inside the first window's file: not one per page
        assertThat(pages).isGreaterThan(5);
        assertThat(emulator().counters().calls(Api.REST, FILE)).isEqualTo(3);
    }

    @Test
    void pagesSpanningSmallChunksKeepEveryRowWholeAndCostOneCallPerChunk() throws Exception {
        emulator().rest().exportTiming(Duration.ofMillis(10), Duration.ofMillis(10));
        String tricky = "Ann, \"the\"\nsecond line";
        emulator().store().update(LeadStore.FIRST_ID + 3, lead -> lead.getAttributes().put("FirstName", tricky));
        LeadSelector.ByLastUpdate selector = new LeadSelector.ByLastUpdate(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), null);
        List<Lead> leads = new ArrayList<>();
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            // chunks of 100 bytes hold one or two rows: pages of 7 rows span several chunks, rows span chunk ends
            BulkLeadExtract extract = new BulkLeadExtract(field(client, "transport", RestTransport.class),
                    field(client, "mapper", RestLeadMapper.class), 10, 5000, 100);
            String position = null;
            do {
                LeadPage page = extract.page(selector, position, 7, List.of("email", "FirstName"), null);
                assertThat(page.leads().size()).isLessThanOrEqualTo(7);
                leads.addAll(page.leads());
                position = page.hasMore() ? page.nextPosition() : null;
            } while (position != null);
        }
        // the updated lead and the few seeded in the last day
        assertThat(leads).extracting(Lead::getId).doesNotHaveDuplicates().contains((long) LeadStore.FIRST_ID + 3).hasSizeLessThan(10);
        assertThat(leads.stream().filter(l -> l.getId() == LeadStore.FIRST_ID + 3).findFirst().orElseThrow().get("firstName"))
                .isEqualTo(tricky);
    }

    @Test
    void aChunkEndsAfterItsLastWholeRow() {
        byte[] csv = "id,name\n1,\"a\nb\"\n2,\"c".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(BulkLeadExtract.lastRowEnd(csv)).isEqualTo("id,name\n1,\"a\nb\"\n".length());
        assertThat(BulkLeadExtract.lastRowEnd("no row end".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isZero();
        assertThat(BulkLeadExtract.totalLength("bytes 0-99/1234")).isEqualTo(1234);
        assertThat(BulkLeadExtract.totalLength("bytes 0-99/*")).isEqualTo(-1);
        assertThat(BulkLeadExtract.totalLength(null)).isEqualTo(-1);
    }

    @Test
    void manyRowsSpanningSmallChunksArriveOnceEach() throws Exception {
        emulator().rest().exportTiming(Duration.ofMillis(10), Duration.ofMillis(10));
        List<Lead> leads = new ArrayList<>();
        long filesBefore = emulator().counters().calls(Api.REST, FILE);
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            BulkLeadExtract extract = new BulkLeadExtract(field(client, "transport", RestTransport.class),
                    field(client, "mapper", RestLeadMapper.class), 10, 5000, 1000);
            String position = null;
            do {
                LeadPage page = extract.page(lastSixtyOneDays(), position, 25, List.of("email"), null);
                leads.addAll(page.leads());
                position = page.hasMore() ? page.nextPosition() : null;
            } while (position != null);
        }
        assertThat(leads).extracting(Lead::getId).doesNotHaveDuplicates().hasSize(LEADS);
        long files = emulator().counters().calls(Api.REST, FILE) - filesBefore;
        // about 50 bytes a row in 1000-byte chunks: several calls, far fewer than one per row
        assertThat(files).isBetween(4L, (long) LEADS / 10);
    }

    private static <T> T field(Object target, String name, Class<T> type) throws ReflectiveOperationException {
        java.lang.reflect.Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return type.cast(f.get(target));
    }

    @Test
    void aJobStuckInTheQueueFailsAfterTheTimeoutAndIsCancelled() {
        emulator().rest().exportTiming(Duration.ofMinutes(10), Duration.ofMillis(10));
        context.getComponent("marketo", io.github.camelmarketo.component.marketo.MarketoComponent.class)
                .getConfiguration().setExtractJobTimeout(300);
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            assertThatThrownBy(() -> client.getMultipleLeads(lastSixtyOneDays(), null, 10, List.of()))
                    .isInstanceOf(MarketoException.class)
                    .hasMessageContaining("still Queued after 300 ms")
                    .hasMessageContaining("extractJobTimeout");
        }
        assertThat(emulator().counters().calls(Api.REST, "POST /bulk/v1/leads/export/{exportId}/cancel.json")).isEqualTo(1);
    }

    @Test
    void tooManyJobsFailsClearlyWithoutRetrying() {
        emulator().faults().inject(Api.REST, "/export/create.json", new Fault.VendorError("1029"), 5);
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            assertThatThrownBy(() -> client.getMultipleLeads(lastSixtyOneDays(), null, 10, List.of()))
                    .isInstanceOf(MarketoException.class)
                    .hasMessageContaining("code 1029")
                    .hasMessageContaining("Too many bulk export jobs");
        }
        assertThat(emulator().counters().responses(Api.REST, "1029")).isEqualTo(1);
    }

    @Test
    void aPositionFromAnotherSelectorIsRejected() {
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            assertThatThrownBy(() -> client.getMultipleLeads(lastSixtyOneDays(), "not-a-position", 10, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Not a REST bulk extract position");
        }
    }
}
