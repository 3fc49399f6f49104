package io.github.camelmarketo.component.leadsquared;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.github.camelmarketo.component.support.StandardStreams;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi.RecordCount;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two open points of the vendor's document, each served both ways by the emulator, with the default options:
 * {@code RecordCount} per request or per page, answers with or without {@code ProspectId} (the document's example
 * answer has none), as a List and with {@code fetchAll=true}. 25,010 ids, 10 of them unknown, one after every 2,500
 * existing ones: requests of 10,000 + 10,000 + 5,010 ids, one call each.
 */
class LeadSquaredReadingsTest extends LeadSquaredTestSupport {

    private static final int EXISTING = 25_000;
    private static final int UNKNOWN = 10;
    private static final String ITERATOR_WARN = "WARN " + LeadSquaredLeadIterator.class.getName();

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(EXISTING));

    private final List<LeadSquaredLead> streamed = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected MarketoEmulator emulator() {
        return emulator.get();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("leadsquared:getLeadsByIds");
                from("direct:fetchAll").to("leadsquared:getLeadsByIds?fetchAll=true")
                        .split(body()).streaming()
                            .process(e -> streamed.add(e.getIn().getBody(LeadSquaredLead.class)))
                        .end()
                        .setHeader("missingAfterSplit", header(LeadSquaredConstants.MISSING_IDS));
                // the old defaults: pages of 1,000 leads for requests of 10,000 ids; rate window scaled for the test
                from("direct:smallPages").to("leadsquared:getLeadsByIds?pageSize=1000&rateLimitWindow=300ms");
            }
        };
    }

    // ---------------------------------------------------------------- with ProspectId: every lead, exact missing ids

    @Test
    void recordCountPerRequestWithProspectId() {
        Result result = list(RecordCount.PER_REQUEST, false);
        assertMatched(result.leads());
        assertThat(result.exchange().getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class))
                .containsExactlyElementsOf(unknownIds());
        assertThat(result.exchange().getMessage().getHeader(LeadSquaredConstants.RECORD_COUNT)).isEqualTo(EXISTING);
        assertThat(calls()).isEqualTo(3);
        assertThat(result.log()).doesNotContain(ITERATOR_WARN);
    }

    @Test
    void recordCountPerPageWithProspectId() {
        Result result = list(RecordCount.PER_PAGE, false);
        assertMatched(result.leads());
        assertThat(result.exchange().getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class))
                .containsExactlyElementsOf(unknownIds());
        assertThat(calls()).isEqualTo(3);
        assertThat(result.log()).doesNotContain(ITERATOR_WARN);
    }

    @Test
    void recordCountPerRequestWithProspectIdFetchAll() {
        Result result = fetchAll(RecordCount.PER_REQUEST, false);
        assertMatched(result.leads());
        assertThat(result.exchange().getMessage().getHeader("missingAfterSplit", List.class))
                .containsExactlyElementsOf(unknownIds());
        assertThat(calls()).isEqualTo(3);
        assertThat(result.log()).doesNotContain(ITERATOR_WARN);
    }

    @Test
    void recordCountPerPageWithProspectIdFetchAll() {
        Result result = fetchAll(RecordCount.PER_PAGE, false);
        assertMatched(result.leads());
        assertThat(result.exchange().getMessage().getHeader("missingAfterSplit", List.class))
                .containsExactlyElementsOf(unknownIds());
        assertThat(calls()).isEqualTo(3);
        assertThat(result.log()).doesNotContain(ITERATOR_WARN);
    }

    // ---------------------------------------------------------------- without ProspectId: vendor order, no missing ids

    @Test
    void recordCountPerRequestWithoutProspectId() {
        Result result = list(RecordCount.PER_REQUEST, true);
        assertUnmatched(result.leads());
        assertThat(result.exchange().getMessage().getHeaders()).doesNotContainKey(LeadSquaredConstants.MISSING_IDS);
        assertThat(result.exchange().getMessage().getHeader(LeadSquaredConstants.RECORD_COUNT)).isEqualTo(EXISTING);
        assertThat(calls()).isEqualTo(3);
        assertOneProspectIdWarning(result.log());
    }

    @Test
    void recordCountPerPageWithoutProspectId() {
        Result result = list(RecordCount.PER_PAGE, true);
        assertUnmatched(result.leads());
        assertThat(result.exchange().getMessage().getHeaders()).doesNotContainKey(LeadSquaredConstants.MISSING_IDS);
        assertThat(calls()).isEqualTo(3);
        assertOneProspectIdWarning(result.log());
    }

    @Test
    void recordCountPerRequestWithoutProspectIdFetchAll() {
        Result result = fetchAll(RecordCount.PER_REQUEST, true);
        assertUnmatched(result.leads());
        assertThat(result.exchange().getMessage().getHeaders()).doesNotContainKey(LeadSquaredConstants.MISSING_IDS);
        assertThat(result.exchange().getMessage().getHeader("missingAfterSplit")).isNull();
        assertThat(calls()).isEqualTo(3);
        assertOneProspectIdWarning(result.log());
    }

    @Test
    void recordCountPerPageWithoutProspectIdFetchAll() {
        Result result = fetchAll(RecordCount.PER_PAGE, true);
        assertUnmatched(result.leads());
        assertThat(result.exchange().getMessage().getHeaders()).doesNotContainKey(LeadSquaredConstants.MISSING_IDS);
        assertThat(result.exchange().getMessage().getHeader("missingAfterSplit")).isNull();
        assertThat(calls()).isEqualTo(3);
        assertOneProspectIdWarning(result.log());
    }

    // ---------------------------------------------------------------- several pages per request (pageSize=1000)

    /**
     * What used to lose 22,000 leads: with pages of 1,000 and a per-page RecordCount the component stopped after the
     * first page of each request. Now: 10 + 10 + 6 calls (9,997, 9,996 and 5,007 leads found per request).
     */
    @Test
    void smallPagesWithARecordCountPerPageReadEveryPage() {
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared().withCallsPerWindow(25, Duration.ofMillis(300)));
        emulator.get().leadSquared().recordCount(RecordCount.PER_PAGE);
        Exchange exchange = template.request("direct:smallPages", e -> e.getIn().setBody(ids()));

        assertMatched(leads(exchange));
        assertThat(exchange.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class))
                .containsExactlyElementsOf(unknownIds());
        assertThat(calls()).isEqualTo(26);
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "429")).isZero();
    }

    @Test
    void smallPagesWithoutProspectIdReturnEveryLead() {
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared().withCallsPerWindow(25, Duration.ofMillis(300)));
        emulator.get().leadSquared().recordCount(RecordCount.PER_PAGE);
        emulator.get().leadSquared().omitColumns(LeadSquaredApi.EXAMPLE_OMITTED_COLUMNS);
        Exchange exchange = template.request("direct:smallPages", e -> e.getIn().setBody(ids()));

        assertUnmatched(leads(exchange));
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(LeadSquaredConstants.MISSING_IDS);
        assertThat(calls()).isEqualTo(26);
    }

    /**
     * The full-page ambiguity: a request whose found leads fill its pages exactly needs one more (empty) page to prove
     * the last full one was the last; its ids are reported missing only after that page.
     */
    @Test
    void aFullLastPageCostsOneMoreCallBeforeIdsAreReportedMissing() {
        List<String> ids = new ArrayList<>(prospectIds(0, 20));
        List<String> unknown = IntStream.range(0, 10).mapToObj(i -> unknownId(100 + i)).toList();
        ids.addAll(unknown);
        for (RecordCount reading : RecordCount.values()) {
            emulator.get().counters().reset();
            emulator.get().leadSquared().recordCount(reading);
            Exchange exchange = template.request("leadsquared:getLeadsByIds?pageSize=10", e -> e.getIn().setBody(ids));

            assertThat(leads(exchange)).extracting(l -> l.getId().toString()).as(reading.name())
                    .containsExactlyElementsOf(prospectIds(0, 20));
            assertThat(exchange.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).as(reading.name())
                    .containsExactlyElementsOf(unknown);
            // pages of 10, 10 and 0 leads: the third call proves the second page was the last
            assertThat(calls()).as(reading.name()).isEqualTo(3);
        }
        // 30 ids that all exist: 3 full pages and no fourth call, since 30 ids cannot have more than 30 leads
        emulator.get().counters().reset();
        Exchange all = template.request("leadsquared:getLeadsByIds?pageSize=10", e -> e.getIn().setBody(prospectIds(0, 30)));
        assertThat(leads(all)).hasSize(30);
        assertThat(calls()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- helpers

    private Result list(RecordCount reading, boolean withoutProspectId) {
        configure(reading, withoutProspectId);
        Exchange[] exchange = new Exchange[1];
        String log = StandardStreams.capture(() -> exchange[0] = template.request("direct:list", e -> e.getIn().setBody(ids())));
        return report(reading, withoutProspectId, "List", new Result(exchange[0], leads(exchange[0]), log), LeadSquaredConstants.MISSING_IDS);
    }

    private Result fetchAll(RecordCount reading, boolean withoutProspectId) {
        configure(reading, withoutProspectId);
        Exchange[] exchange = new Exchange[1];
        String log = StandardStreams.capture(() -> exchange[0] = template.request("direct:fetchAll", e -> e.getIn().setBody(ids())));
        assertThat(exchange[0].getException()).isNull();
        return report(reading, withoutProspectId, "fetchAll", new Result(exchange[0], List.copyOf(streamed), log), "missingAfterSplit");
    }

    /** Prints the figures of a run of the 25,010 ids (for the closing note). */
    private Result report(RecordCount reading, boolean withoutProspectId, String mode, Result result, String missingHeader) {
        List<?> missing = result.exchange().getMessage().getHeader(missingHeader, List.class);
        System.out.printf("LeadSquared readings report [RecordCount %s, %s ProspectId, %s, defaults]: %d ids, %d leads returned,"
                          + " missing ids %s, %d calls%n", reading, withoutProspectId ? "without" : "with", mode, EXISTING + UNKNOWN,
                result.leads().size(), missing == null ? "not reported (header absent)" : missing.size(), calls());
        return result;
    }

    private void configure(RecordCount reading, boolean withoutProspectId) {
        emulator.get().leadSquared().recordCount(reading);
        if (withoutProspectId) {
            emulator.get().leadSquared().omitColumns(LeadSquaredApi.EXAMPLE_OMITTED_COLUMNS);
        }
    }

    private record Result(Exchange exchange, List<LeadSquaredLead> leads, String log) {
    }

    /** 25,010 ids: after every 2,500 existing ids one unknown id. */
    private static List<String> ids() {
        List<String> ids = new ArrayList<>(EXISTING + UNKNOWN);
        for (int i = 0; i < EXISTING; i++) {
            ids.add(prospectId(i));
            if ((i + 1) % (EXISTING / UNKNOWN) == 0) {
                ids.add(unknownId((i + 1) / (EXISTING / UNKNOWN) - 1));
            }
        }
        return ids;
    }

    /** The unknown ids of {@link #ids()}, in their order. */
    private static List<String> unknownIds() {
        return IntStream.range(0, UNKNOWN).mapToObj(LeadSquaredReadingsTest::unknownId).toList();
    }

    /** A GUID no lead has. */
    private static String unknownId(int n) {
        return UUID.nameUUIDFromBytes(("unknown-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Every existing lead, in the order of the ids, with its id. */
    private static void assertMatched(List<LeadSquaredLead> leads) {
        assertThat(leads).hasSize(EXISTING);
        assertThat(leads).extracting(l -> l.getId().toString()).containsExactlyElementsOf(prospectIds(0, EXISTING));
    }

    /** Every existing lead, in the order the emulator sent them, without id. */
    private static void assertUnmatched(List<LeadSquaredLead> leads) {
        assertThat(leads).hasSize(EXISTING).allSatisfy(l -> {
            assertThat(l.getId()).isNull();
            assertThat(l.has("ProspectId")).isFalse();
        });
        assertThat(leads).extracting(l -> l.get("EmailAddress"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EXISTING).mapToObj(i -> "lead" + i + "@example.com").toList());
    }

    private static void assertOneProspectIdWarning(String log) {
        List<String> warnings = log.lines().filter(l -> l.contains(ITERATOR_WARN)).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("no ProspectId column", "getId() null", "CamelLeadSquaredMissingIds");
    }

    private long calls() {
        return emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION);
    }

    @SuppressWarnings("unchecked")
    private static List<LeadSquaredLead> leads(Exchange result) {
        assertThat(result.getException()).isNull();
        return result.getMessage().getBody(List.class);
    }
}
