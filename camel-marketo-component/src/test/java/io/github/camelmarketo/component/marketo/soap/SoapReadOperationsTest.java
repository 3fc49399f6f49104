package io.github.camelmarketo.component.marketo.soap;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.StaticList;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** getLead and getMultipleLeads over SOAP: every key input, selector and paging option, against the emulator. */
class SoapReadOperationsTest extends MarketoTestSupport {

    /** Seeded leads {@code lead1@example.com} .. {@code lead500@example.com}, ids from 1000001, updated over 60 days. */
    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(500));

    private static final long FIRST_ID = 1_000_001L;

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private long getLeadCalls() {
        return emulator.get().counters().calls(Api.SOAP, "getLead");
    }

    private long getMultipleLeadsCalls() {
        return emulator.get().counters().calls(Api.SOAP, "getMultipleLeads");
    }

    @SuppressWarnings("unchecked")
    private List<Lead> leads(Object body) {
        return (List<Lead>) body;
    }

    private static List<String> emails(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "lead" + i + "@example.com").toList();
    }

    // ------------------------------------------------------------------ getLead

    @Test
    void getLeadByLeadKey() {
        List<Lead> found = leads(template.requestBody("marketo:getLead", LeadKey.email("lead7@example.com")));
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.getId()).isEqualTo(FIRST_ID + 6);
            assertThat(l.getEmail()).isEqualTo("lead7@example.com");
            assertThat(l.get("firstName")).isNotBlank();
        });
    }

    @Test
    void getLeadByIdNumber() {
        assertThat(leads(template.requestBody("marketo:getLead", FIRST_ID + 2))).extracting(Lead::getEmail)
                .containsExactly("lead3@example.com");
        assertThat(leads(template.requestBody("marketo:getLead", (int) (FIRST_ID + 3)))).extracting(Lead::getEmail)
                .containsExactly("lead4@example.com");
    }

    @Test
    void getLeadByStringWithKeyTypeOptionAndHeader() {
        assertThat(leads(template.requestBody("marketo:getLead", "lead9@example.com"))).extracting(Lead::getId)
                .containsExactly(FIRST_ID + 8);
        assertThat(leads(template.requestBody("marketo:getLead?leadKeyType=IDNUM", " " + (FIRST_ID + 9) + " ")))
                .extracting(Lead::getEmail).containsExactly("lead10@example.com");
        assertThat(leads(template.requestBodyAndHeader("marketo:getLead", String.valueOf(FIRST_ID + 10),
                MarketoConstants.LEAD_KEY_TYPE, LeadKeyType.IDNUM))).extracting(Lead::getEmail)
                .containsExactly("lead11@example.com");
        assertThat(leads(template.requestBodyAndHeader("marketo:getLead", String.valueOf(FIRST_ID + 11),
                MarketoConstants.LEAD_KEY_TYPE, "IDNUM"))).extracting(Lead::getEmail)
                .containsExactly("lead12@example.com");
        assertThat(getLeadCalls()).isEqualTo(4);
    }

    @Test
    void getLeadNotFoundIsAnEmptyList() {
        assertThat(leads(template.requestBody("marketo:getLead", "nobody@example.com"))).isEmpty();
    }

    @Test
    void getLeadKeepsOnlyTheAskedForFields() {
        List<Lead> found = leads(template.requestBody("marketo:getLead?fields=FirstName", "lead5@example.com"));
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.getAttributes()).containsOnlyKeys("FirstName");
            assertThat(l.getEmail()).isEqualTo("lead5@example.com");
        });
        found = leads(template.requestBodyAndHeader("marketo:getLead", "lead5@example.com", MarketoConstants.FIELDS,
                "Company, LastName"));
        assertThat(found.get(0).getAttributes().keySet()).containsExactlyInAnyOrder("Company", "LastName");
    }

    // ------------------------------------------------------------------ getMultipleLeads by keys

    @Test
    void getMultipleLeadsByKeySelectorAndByKeysBody() {
        List<Lead> found = leads(template.requestBody("marketo:getMultipleLeads",
                new LeadSelector.ByKeys(LeadKeyType.EMAIL, emails(1, 3))));
        assertThat(found).extracting(Lead::getEmail).containsExactlyInAnyOrderElementsOf(emails(1, 3));

        found = leads(template.requestBody("marketo:getMultipleLeads", "lead4@example.com, lead5@example.com"));
        assertThat(found).extracting(Lead::getEmail).containsExactlyInAnyOrder("lead4@example.com", "lead5@example.com");

        found = leads(template.requestBody("marketo:getMultipleLeads?leadKeyType=IDNUM", List.of(FIRST_ID, FIRST_ID + 1)));
        assertThat(found).extracting(Lead::getId).containsExactlyInAnyOrder(FIRST_ID, FIRST_ID + 1);
        assertThat(getMultipleLeadsCalls()).isEqualTo(3);
    }

    @Test
    void hundredKeysAreOneCall() {
        List<Lead> found = leads(template.requestBody("marketo:getMultipleLeads", emails(1, 100)));
        assertThat(found).hasSize(100);
        assertThat(getMultipleLeadsCalls()).isEqualTo(1);
    }

    @Test
    void hundredAndOneKeysAreTwoCallsAndNoKeyIsIgnored() {
        Exchange out = template.request("marketo:getMultipleLeads", e -> e.getMessage().setBody(emails(1, 101)));
        assertThat(out.getException()).isNull();
        assertThat(leads(out.getMessage().getBody())).extracting(Lead::getEmail)
                .containsExactlyInAnyOrderElementsOf(emails(1, 101));
        assertThat(getMultipleLeadsCalls()).isEqualTo(2);
        assertThat(out.getMessage().getHeader(MarketoConstants.MORE_RESULT)).isEqualTo(false);
        assertThat(out.getMessage().getHeader(MarketoConstants.REMAINING_COUNT)).isEqualTo(0);
    }

    @Test
    void manyKeysWithSmallBatchSizeStillSpendOneCallPerChunk() {
        List<Lead> found = leads(template.requestBody("marketo:getMultipleLeads?batchSize=30", emails(1, 250)));
        assertThat(found).extracting(Lead::getEmail).containsExactlyInAnyOrderElementsOf(emails(1, 250));
        // chunks of 100, 100, 50 keys; the producer returns every lead, so it asks for a whole chunk per page
        assertThat(getMultipleLeadsCalls()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ LastUpdateAtSelector

    @Test
    void lastUpdateAtRangeLongerThanThirtyDaysIsWalkedInWindows() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LeadSelector range = new LeadSelector.ByLastUpdate(now.minusDays(61), now.plusMinutes(1));
        Set<Long> ids = new HashSet<>();
        String position = null;
        int pages = 0;
        do {
            Exchange out = template.request("marketo:getMultipleLeads?batchSize=200", withPosition(range, position));
            assertThat(out.getException()).isNull();
            leads(out.getMessage().getBody()).forEach(l -> assertThat(ids.add(l.getId())).isTrue());
            position = out.getMessage().getHeader(MarketoConstants.STREAM_POSITION, String.class);
            pages++;
        } while (position != null && pages < 50);
        assertThat(ids).hasSize(500);
        assertThat(emulator.get().counters().responses(Api.SOAP, "20022")).isZero();
    }

    @Test
    void lastUpdateAtFromOptionsWithoutBody() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // the newest 10 days of a 60-day spread: about 1/6 of the leads, all in one window
        List<Lead> found = leads(template.requestBody("marketo:getMultipleLeads?leadSelector=lastUpdateAt&batchSize=1000"
                                                      + "&oldestUpdatedAt=" + now.minusDays(10).toInstant(),
                (Object) null));
        assertThat(found).hasSizeBetween(80, 90);
        assertThat(getMultipleLeadsCalls()).isEqualTo(1);
    }

    @Test
    void lastUpdateAtWithFetchAllCoversAllWindows() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Iterator<?> all = (Iterator<?>) template.requestBody("marketo:getMultipleLeads?fetchAll=true&batchSize=100",
                new LeadSelector.ByLastUpdate(now.minusDays(90), null));
        List<Object> leads = new ArrayList<>();
        all.forEachRemaining(leads::add);
        assertThat(leads).hasSize(500).doesNotHaveDuplicates();
        assertThat(emulator.get().counters().responses(Api.SOAP, "20022")).isZero();
    }

    // ------------------------------------------------------------------ StaticListSelector

    @Test
    void staticListByNameAndById() {
        StaticList vip = emulator.get().store().findListByName("VIP").orElseThrow();
        List<Lead> byName = leads(template.requestBody("marketo:getMultipleLeads", LeadSelector.ByStaticList.named("VIP")));
        assertThat(byName).extracting(l -> l.getId().intValue()).containsExactlyInAnyOrderElementsOf(vip.memberIds());

        List<Lead> byId = leads(template.requestBody("marketo:getMultipleLeads?leadSelector=staticList&staticListId="
                                                     + vip.id(),
                (Object) null));
        assertThat(byId).extracting(Lead::getId).containsExactlyInAnyOrderElementsOf(
                byName.stream().map(Lead::getId).toList());

        List<Lead> byNameOption = leads(template.requestBody(
                "marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP", ""));
        assertThat(byNameOption).hasSize(vip.memberIds().size());
    }

    @Test
    void leadKeysFromOptions() {
        List<Lead> found = leads(template.requestBody("marketo:getMultipleLeads?leadSelector=leadKeys"
                                                      + "&leadKeys=lead1@example.com,lead2@example.com",
                (Object) null));
        assertThat(found).extracting(Lead::getEmail).containsExactlyInAnyOrder("lead1@example.com", "lead2@example.com");
    }

    @Test
    void includeAttributesLimitsTheAttributes() {
        List<Lead> found = leads(template.requestBody("marketo:getMultipleLeads?fields=FirstName,Company",
                emails(1, 5)));
        assertThat(found).hasSize(5).allSatisfy(
                l -> assertThat(l.getAttributes().keySet()).containsExactlyInAnyOrder("FirstName", "Company"));
        found = leads(template.requestBodyAndHeader("marketo:getMultipleLeads", emails(1, 5), MarketoConstants.FIELDS,
                "LastName"));
        assertThat(found).allSatisfy(l -> assertThat(l.getAttributes()).containsOnlyKeys("LastName"));
    }

    // ------------------------------------------------------------------ paging

    @Test
    void pagesThroughMoreThanTenPagesWithPositionAndRemainingCount() {
        StaticList newsletter = emulator.get().store().findListByName("Newsletter").orElseThrow();
        int members = newsletter.memberIds().size();
        Set<Long> ids = new HashSet<>();
        List<Integer> remaining = new ArrayList<>();
        String position = null;
        int pages = 0;
        do {
            String start = position;
            Exchange out = template.request("marketo:getMultipleLeads?leadSelector=staticList&staticListName=Newsletter"
                                            + "&batchSize=10",
                    e -> {
                        if (start != null) {
                            e.getMessage().setHeader(MarketoConstants.STREAM_POSITION, start);
                        }
                    });
            assertThat(out.getException()).isNull();
            List<Lead> page = leads(out.getMessage().getBody());
            assertThat(page).hasSizeLessThanOrEqualTo(10);
            page.forEach(l -> assertThat(ids.add(l.getId())).as("lead %s twice", l.getId()).isTrue());
            remaining.add(out.getMessage().getHeader(MarketoConstants.REMAINING_COUNT, Integer.class));
            position = out.getMessage().getHeader(MarketoConstants.STREAM_POSITION, String.class);
            assertThat(out.getMessage().getHeader(MarketoConstants.MORE_RESULT, Boolean.class)).isEqualTo(position != null);
            pages++;
        } while (position != null);
        assertThat(pages).isGreaterThan(10);
        assertThat(ids).hasSize(members);
        assertThat(remaining.get(0)).isEqualTo(members - 10);
        assertThat(remaining).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).endsWith(0);
        assertThat(getMultipleLeadsCalls()).isEqualTo(pages);
    }

    @Test
    void fetchAllIteratorFetchesLazily() {
        Iterator<?> it = (Iterator<?>) template.requestBody("marketo:getMultipleLeads?fetchAll=true&batchSize=10"
                                                            + "&leadSelector=staticList&staticListName=Newsletter",
                (Object) null);
        assertThat(getMultipleLeadsCalls()).as("nothing fetched before iterating").isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(it.next()).isInstanceOf(Lead.class);
        }
        assertThat(getMultipleLeadsCalls()).isEqualTo(1);
        it.next();
        assertThat(getMultipleLeadsCalls()).isEqualTo(2);
        int rest = 0;
        while (it.hasNext()) {
            it.next();
            rest++;
        }
        int members = emulator.get().store().findListByName("Newsletter").orElseThrow().memberIds().size();
        assertThat(rest + 11).isEqualTo(members);
        assertThat(getMultipleLeadsCalls()).isEqualTo((members + 9) / 10);
    }

    @Test
    void fetchAllWithManyKeysFetchesChunkByChunk() {
        Iterator<?> it = (Iterator<?>) template.requestBody("marketo:getMultipleLeads?fetchAll=true", emails(1, 301));
        assertThat(getMultipleLeadsCalls()).isZero();
        it.next();
        assertThat(getMultipleLeadsCalls()).isEqualTo(1);
        List<Object> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        assertThat(all).hasSize(300);
        assertThat(getMultipleLeadsCalls()).isEqualTo(4);
    }

    @Test
    void fetchAllFeedsAStreamingSplit() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all").to("marketo:getMultipleLeads?fetchAll=true&batchSize=50")
                        .split(body()).streaming().to("mock:lead");
            }
        });
        org.apache.camel.component.mock.MockEndpoint mock = getMockEndpoint("mock:lead");
        mock.expectedMessageCount(50);
        template.sendBody("direct:all", LeadSelector.ByStaticList.named("VIP"));
        mock.assertIsSatisfied();
        mock.getExchanges().forEach(e -> assertThat(e.getMessage().getBody()).isInstanceOf(Lead.class));
    }

    private static org.apache.camel.Processor withPosition(Object body, String position) {
        return e -> {
            e.getMessage().setBody(body);
            if (position != null) {
                e.getMessage().setHeaders(Map.of(MarketoConstants.STREAM_POSITION, position));
            }
        };
    }
}
