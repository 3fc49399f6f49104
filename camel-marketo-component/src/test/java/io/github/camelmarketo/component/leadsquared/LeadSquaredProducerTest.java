package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadSquaredProducerTest extends LeadSquaredTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(300));

    @EndpointInject("mock:lead")
    MockEndpoint leadMock;

    @Override
    protected MarketoEmulator emulator() {
        return emulator.get();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:byIds").to("leadsquared:getLeadsByIds");
                from("direct:keysInHeaders").to("leadsquared:getLeadsByIds?keysInHeaders=true");
                from("direct:paged").to("leadsquared:getLeadsByIds?pageSize=7&maxIdsPerRequest=30&columns=EmailAddress");
                from("direct:stream").to("leadsquared:getLeadsByIds?fetchAll=true&maxIdsPerRequest=40&pageSize=15")
                        .split(body()).streaming().to("mock:lead").end()
                        .setHeader("afterSplit", header(LeadSquaredConstants.MISSING_IDS));
            }
        };
    }

    @Test
    void returnsTheLeadsOfTheIdsInTheirOrderWithTypedIdsAndFields() {
        List<String> ids = List.of(prospectId(4), prospectId(0), prospectId(2));
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(ids));

        List<LeadSquaredLead> leads = leads(result);
        assertThat(leads).extracting(l -> l.getId().toString()).containsExactlyElementsOf(ids);
        LeadSquaredLead first = leads.get(0);
        assertThat(first.getId()).isEqualTo(UUID.fromString(prospectId(4)));
        assertThat(first.get("emailaddress")).isEqualTo("lead5@example.com");
        assertThat(first.get("FirstName")).isNotBlank();
        assertThat(first.getFields()).containsKeys("ProspectId", "LastName", "Phone", "ProspectStage", "CreatedOn", "ModifiedOn");
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).isEmpty();
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.RECORD_COUNT)).isEqualTo(3);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(1);
    }

    @Test
    void columnsHeaderOverridesTheOptionAndProspectIdIsAlwaysRetrieved() {
        Exchange result = template.request("direct:byIds", e -> {
            e.getIn().setBody(List.of(UUID.fromString(prospectId(9))));
            e.getIn().setHeader(LeadSquaredConstants.COLUMNS, "ProspectAutoId, EmailAddress");
        });
        LeadSquaredLead lead = leads(result).get(0);
        assertThat(lead.getFields()).containsOnlyKeys("ProspectId", "ProspectAutoId", "EmailAddress");
        assertThat(lead.get("ProspectAutoId")).isEqualTo(Integer.toString(LeadStore.FIRST_ID + 9));
    }

    @Test
    void idsWithoutALeadAreReportedInAHeaderNeverDropped() {
        emulator.get().store().delete(LeadStore.FIRST_ID + 1);
        String unknown = UUID.randomUUID().toString();
        String deleted = prospectId(1);
        List<String> ids = List.of(prospectId(0), unknown, deleted, prospectId(3), prospectId(0));
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(ids));

        assertThat(leads(result)).extracting(l -> l.getId().toString()).containsExactly(prospectId(0), prospectId(3));
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).containsExactly(unknown, deleted);
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.RECORD_COUNT)).isEqualTo(2);
    }

    @Test
    void emptyListGivesAnEmptyResultWithoutACall() {
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(List.of()));
        assertThat(result.getException()).isNull();
        assertThat(leads(result)).isEmpty();
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).isEmpty();
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED)).isZero();
    }

    @Test
    void invalidIdsFailTheExchangeBeforeAnyCall() {
        List<String> ids = new ArrayList<>(prospectIds(0, 5));
        ids.add(2, "12345");
        assertThatThrownBy(() -> template.requestBody("direct:byIds", ids))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of 6 lead ids are not GUIDs")
                .hasMessageContaining("#2 '12345'");
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED)).isZero();
    }

    @Test
    void chunksAndPagesTransparently() {
        List<String> ids = new ArrayList<>(prospectIds(0, 100));
        ids.add(37, UUID.randomUUID().toString());
        Exchange result = template.request("direct:paged", e -> e.getIn().setBody(ids));

        List<LeadSquaredLead> leads = leads(result);
        assertThat(leads).extracting(l -> l.getId().toString()).containsExactlyElementsOf(prospectIds(0, 100));
        assertThat(leads).allSatisfy(l -> assertThat(l.getFields()).containsOnlyKeys("ProspectId", "EmailAddress"));
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).containsExactly(ids.get(37));
        // 101 ids in chunks of 30 (30, 30, 30, 11 ids); found leads paged by 7: 5 + 5 + 5 + 2 pages
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(17);
    }

    @Test
    void fetchAllStreamsLeadsThroughASplitAndReportsMissingIdsOnceConsumed() throws Exception {
        List<String> ids = new ArrayList<>(prospectIds(100, 120));
        String unknown = UUID.randomUUID().toString();
        ids.add(0, unknown);
        leadMock.expectedMessageCount(120);

        Exchange result = template.request("direct:stream", e -> e.getIn().setBody(ids));

        leadMock.assertIsSatisfied();
        assertThat(leadMock.getExchanges()).extracting(e -> e.getIn().getBody(LeadSquaredLead.class).getId().toString())
                .containsExactlyElementsOf(prospectIds(100, 120));
        assertThat(result.getMessage().getHeader("afterSplit", List.class)).containsExactly(unknown);
    }

    @Test
    void fetchAllIteratorIsLazy() {
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?fetchAll=true&maxIdsPerRequest=10",
                LeadSquaredEndpoint.class);
        Exchange result = template.request(endpoint, e -> e.getIn().setBody(prospectIds(0, 25)));
        Iterator<?> iterator = result.getMessage().getBody(Iterator.class);
        assertThat(iterator).isInstanceOf(LeadSquaredLeadIterator.class);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED)).isZero();
        assertThat(iterator.next()).isInstanceOf(LeadSquaredLead.class);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED)).isEqualTo(1);
        List<Object> rest = new ArrayList<>();
        iterator.forEachRemaining(rest::add);
        assertThat(rest).hasSize(24);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED)).isEqualTo(3);
    }

    @Test
    void keysCanTravelAsHeadersInsteadOfTheQuery() {
        Exchange result = template.request("direct:keysInHeaders", e -> e.getIn().setBody(prospectIds(0, 2)));
        assertThat(leads(result)).hasSize(2);
    }

    @Test
    void acceptsACommaSeparatedString() {
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(prospectId(7) + "," + prospectId(8)));
        assertThat(leads(result)).extracting(l -> l.get("EmailAddress")).containsExactly("lead8@example.com", "lead9@example.com");
    }

    @SuppressWarnings("unchecked")
    private static List<LeadSquaredLead> leads(Exchange result) {
        assertThat(result.getException()).isNull();
        return result.getMessage().getBody(List.class);
    }
}
