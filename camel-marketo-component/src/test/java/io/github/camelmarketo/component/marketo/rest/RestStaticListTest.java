package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * addToList, removeFromList and isMemberOfList against the emulator: chunks of 300 ids, one result per id in input
 * order, the list by id or name (resolved once), and the membership visible to SOAP's StaticListSelector and to the
 * REST list read.
 */
class RestStaticListTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(700));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        // SOAP credentials as well, so api=soap endpoints can read the same store
        MarketoTestSupport.configureFor(configuration, emulator(), MarketoApi.soap);
        MarketoTestSupport.configureFor(configuration, emulator(), MarketoApi.rest);
    }

    private static long id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    private StaticList list(String name) {
        return emulator().store().findListByName(name).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<SyncResult> results(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void addToListChunksIn300sAndReportsEveryIdInInputOrder() {
        StaticList empty = emulator().store().addList("Campaign 2026", List.of());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 650; i++) {
            ids.add(id(i));
        }
        ids.add(400, 999_999L); // an unknown lead in the second chunk
        Exchange out = template.request("marketo:addToList?staticListId=" + empty.id(), e -> e.getMessage().setBody(ids));

        List<SyncResult> results = results(out);
        assertThat(results).hasSize(651);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).index()).isEqualTo(i);
            assertThat(results.get(i).leadId()).isEqualTo(ids.get(i));
        }
        assertThat(results.get(400).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(results.get(400).reasons()).extracting(r -> r.code()).containsExactly("1004");
        assertThat(results).filteredOn(r -> r.status() == SyncStatus.ADDED).hasSize(650);
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/lists/{listId}/leads.json")).isEqualTo(3);
        assertThat(list("Campaign 2026").memberIds()).hasSize(650);
    }

    @Test
    void aLeadAddedOverRestIsAStaticListMemberForSoapAndTheRestListRead() {
        StaticList list = emulator().store().addList("Webinar Attendees", List.of());
        List<Long> added = List.of(id(5), id(7), id(11));
        template.requestBodyAndHeader("marketo:addToList", added, MarketoConstants.LIST_NAME, "Webinar Attendees");

        List<?> overSoap = template.requestBody("marketo:getMultipleLeads?api=soap&batchSize=100",
                LeadSelector.ByStaticList.named("Webinar Attendees"), List.class);
        assertThat(overSoap).extracting(l -> ((Lead) l).getId()).containsExactlyInAnyOrderElementsOf(added);
        List<?> overRest = template.requestBody("marketo:getLeadsByList?batchSize=300", list.id(), List.class);
        assertThat(overRest).extracting(l -> ((Lead) l).getId()).containsExactlyInAnyOrderElementsOf(added);
        List<?> soapById = template.requestBody("marketo:getMultipleLeads?api=soap",
                LeadSelector.ByStaticList.id(list.id()), List.class);
        assertThat(soapById).hasSize(3);

        // removed over REST: gone for SOAP too
        template.requestBodyAndHeader("marketo:removeFromList", List.of(id(7)), MarketoConstants.LIST_ID, (long) list.id());
        List<?> afterRemove = template.requestBody("marketo:getMultipleLeads?api=soap",
                LeadSelector.ByStaticList.named("Webinar Attendees"), List.class);
        assertThat(afterRemove).extracting(l -> ((Lead) l).getId()).containsExactlyInAnyOrder(id(5), id(11));
    }

    @Test
    void removeFromListReportsRemovedAndNotInList() {
        StaticList vip = list("VIP");
        long member = vip.memberIds().get(0);
        long nonMember = id(1); // VIP holds every 10th lead
        assertThat(vip.memberIds()).doesNotContain((int) nonMember);
        Exchange out = template.request("marketo:removeFromList?staticListName=VIP",
                e -> e.getMessage().setBody(List.of(member, nonMember)));
        List<SyncResult> results = results(out);
        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.REMOVED, SyncStatus.SKIPPED);
        assertThat(results.get(1).reasons()).extracting(r -> r.code()).containsExactly("1015");
        assertThat(list("VIP").memberIds()).doesNotContain((int) member);
        assertThat(emulator().counters().calls(Api.REST, "DELETE /rest/v1/lists/{listId}/leads.json")).isEqualTo(1);
    }

    @Test
    void isMemberOfListTakesLeadsAndResolvesTheNameOnce() {
        StaticList newsletter = list("Newsletter"); // every 3rd lead
        List<Lead> leads = new ArrayList<>();
        List<SyncStatus> expected = new ArrayList<>();
        Set<Integer> members = new HashSet<>(newsletter.memberIds());
        for (int i = 0; i < 320; i++) {
            leads.add(new Lead().setId(id(i)));
            expected.add(members.contains((int) id(i)) ? SyncStatus.MEMBER : SyncStatus.NOT_MEMBER);
        }
        List<?> first = template.requestBody("marketo:isMemberOfList?staticListName=Newsletter", leads, List.class);
        assertThat(first).extracting(r -> ((SyncResult) r).status()).containsExactlyElementsOf(expected);
        assertThat(first).allMatch(r -> ((SyncResult) r).isSuccess());
        List<?> again = template.requestBody("marketo:isMemberOfList?staticListName=Newsletter", "" + id(0) + "," + id(1),
                List.class);
        assertThat(again).extracting(r -> ((SyncResult) r).status()).containsExactly(SyncStatus.MEMBER, SyncStatus.NOT_MEMBER);

        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/lists/{listId}/leads/ismember.json")).isEqualTo(3);
        // one name lookup for the endpoint, whatever the number of messages
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/lists.json")).isEqualTo(1);
        assertThat(list("Newsletter").memberIds()).isEqualTo(newsletter.memberIds());
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        assertThatThrownBy(() -> template.requestBody("marketo:addToList", List.of(id(1))))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addToList needs the static list")
                .hasMessageContaining(MarketoConstants.LIST_ID).hasMessageContaining("staticListName");
        assertThatThrownBy(() -> template.requestBody("marketo:removeFromList?staticListId=1001", "12,abc"))
                .cause().hasMessageContaining("'abc'");
        assertThatThrownBy(() -> template.requestBody("marketo:isMemberOfList?staticListName=VIP",
                List.of(Lead.withEmail("no.id@example.com"))))
                .cause().hasMessageContaining("index 0").hasMessageContaining("no id");
        assertThatThrownBy(() -> template.requestBody("marketo:addToList?staticListId=1001", (Object) null))
                .cause().hasMessageContaining("addToList needs the values in the body");
        assertThat(emulator().counters().calls(Api.REST)).isZero();
    }

    @Test
    void anUnknownListNameIsAClearError() {
        assertThatThrownBy(() -> template.requestBody("marketo:addToList?staticListName=NoSuchList", List.of(id(1))))
                .cause().hasMessageContaining("no static list named 'NoSuchList'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "addToList", "removeFromList", "isMemberOfList" })
    void restOnlyOnSoapFailsAtEndpointCreation(String operation) {
        assertThatThrownBy(() -> context.getEndpoint("marketo:" + operation + "?api=soap"))
                .hasStackTraceContaining(operation + " is REST-only");
    }
}
