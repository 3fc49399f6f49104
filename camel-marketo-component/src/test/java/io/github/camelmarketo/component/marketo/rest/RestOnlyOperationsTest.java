package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadField;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST-only operations as producer endpoints, against the emulator. */
class RestOnlyOperationsTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(400));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private long leadId(int index) {
        return LeadStore.FIRST_ID + index;
    }

    @Test
    void describeLeads() {
        List<?> fields = template.requestBody("marketo:describeLeads", null, List.class);
        assertThat(fields).isNotEmpty().allMatch(LeadField.class::isInstance);
        assertThat(fields).extracting(f -> ((LeadField) f).name()).contains("email", "firstName", "updatedAt");
    }

    @Test
    void getLeadsByIdChunksMoreThan300Ids() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 350; i++) {
            ids.add(leadId(i));
        }
        List<?> leads = template.requestBody("marketo:getLeadsById?fields=email,firstName", ids, List.class);
        assertThat(leads).hasSize(350);
        assertThat(leads).extracting(l -> ((Lead) l).getId()).containsExactlyElementsOf(ids);
        assertThat(((Lead) leads.get(0)).get("firstName")).isNotNull();
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/leads.json")).isEqualTo(2);
    }

    @Test
    void getLeadsByFilterPagesWithTheSoapHeaders() {
        EmulatorLead first = emulator().store().findById((int) leadId(0)).orElseThrow();
        EmulatorLead second = emulator().store().findById((int) leadId(1)).orElseThrow();
        String emails = first.getEmail() + "," + second.getEmail();
        Exchange page1 = template.request("marketo:getLeadsByFilter?batchSize=1", e -> {
            e.getMessage().setHeader(MarketoConstants.FILTER_TYPE, "email");
            e.getMessage().setBody(emails);
        });
        assertThat(page1.getMessage().getBody(List.class)).hasSize(1);
        assertThat(page1.getMessage().getHeader(MarketoConstants.MORE_RESULT, Boolean.class)).isTrue();
        String token = page1.getMessage().getHeader(MarketoConstants.STREAM_POSITION, String.class);
        assertThat(token).isNotBlank().isEqualTo(page1.getMessage().getHeader(MarketoConstants.NEXT_PAGE_TOKEN));

        Exchange page2 = template.request("marketo:getLeadsByFilter?batchSize=1", e -> {
            e.getMessage().setHeader(MarketoConstants.FILTER_TYPE, "email");
            e.getMessage().setHeader(MarketoConstants.STREAM_POSITION, token);
            e.getMessage().setBody(emails);
        });
        List<?> second2 = page2.getMessage().getBody(List.class);
        assertThat(second2).singleElement().extracting(l -> ((Lead) l).getEmail()).isEqualTo(second.getEmail());
        assertThat(page2.getMessage().getHeader(MarketoConstants.MORE_RESULT, Boolean.class)).isFalse();
        assertThat(page2.getMessage().getHeader(MarketoConstants.STREAM_POSITION)).isNull();
    }

    @Test
    void syncLeadsKeepsInputOrderAcrossChunks() {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 301; i++) {
            leads.add(Lead.withEmail("chunk." + i + "@example.com").set("FirstName", "C" + i));
        }
        leads.set(150, Lead.withEmail(emulator().store().findById((int) leadId(3)).orElseThrow().getEmail()));
        Exchange out = template.request("marketo:syncLeads?action=createOnly", e -> e.getMessage().setBody(leads));
        @SuppressWarnings("unchecked")
        List<SyncResult> results = out.getMessage().getBody(List.class);
        assertThat(results).hasSize(301);
        for (int i = 0; i < 301; i++) {
            assertThat(results.get(i).index()).isEqualTo(i);
        }
        assertThat(results.get(150).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(results.get(150).reasons()).extracting(r -> r.code()).containsExactly("1005");
        assertThat(results.get(300).status()).isEqualTo(SyncStatus.CREATED);
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/leads.json")).isEqualTo(2);
    }

    @Test
    void getLeadsByListByNameOnePageOrAllPages() {
        StaticList vip = emulator().store().findListByName("VIP").orElseThrow();
        Set<Long> members = vip.memberIds().stream().map(Integer::longValue).collect(Collectors.toSet());

        Exchange page = template.request("marketo:getLeadsByList?staticListName=VIP&batchSize=5", e -> {
        });
        assertThat(page.getMessage().getBody(List.class)).hasSize(Math.min(5, members.size()));
        assertThat(page.getMessage().getHeader(MarketoConstants.MORE_RESULT, Boolean.class)).isEqualTo(members.size() > 5);

        Iterator<?> all = template.requestBody("marketo:getLeadsByList?staticListName=VIP&batchSize=5&fetchAll=true", null,
                Iterator.class);
        List<Long> streamed = new ArrayList<>();
        all.forEachRemaining(l -> streamed.add(((Lead) l).getId()));
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(members);

        List<?> byId = template.requestBodyAndHeader("marketo:getLeadsByList?batchSize=300", null,
                MarketoConstants.LIST_ID, vip.id(), List.class);
        assertThat(byId).hasSize(members.size());
    }

    @Test
    void getListsByLeadReturnsTheMemberships() {
        StaticList vip = emulator().store().findListByName("VIP").orElseThrow();
        long member = vip.memberIds().get(0);
        List<?> lists = template.requestBody("marketo:getListsByLead", member, List.class);
        assertThat(lists).anySatisfy(l -> {
            assertThat(((Map<?, ?>) l).get("listId")).isEqualTo(vip.id());
            assertThat(((Map<?, ?>) l).get("name")).isEqualTo("VIP");
        });
    }

    @Test
    void inputErrorsFailBeforeAnyCall() {
        List<Long> losers = new ArrayList<>();
        for (int i = 1; i <= 26; i++) {
            losers.add(leadId(i));
        }
        assertThatThrownBy(() -> template.requestBodyAndHeader("marketo:mergeLeads", losers,
                MarketoConstants.WINNING_LEAD_ID, leadId(0)))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 25 losing lead ids").hasMessageContaining("26");
        assertThatThrownBy(() -> template.requestBody("marketo:mergeLeads", List.of(leadId(1))))
                .cause().hasMessageContaining(MarketoConstants.WINNING_LEAD_ID);
        assertThatThrownBy(() -> template.requestBody("marketo:pushLeads", List.of(Lead.withEmail("p@example.com"))))
                .cause().hasMessageContaining(MarketoConstants.PROGRAM_NAME);
        assertThatThrownBy(() -> template.requestBody("marketo:associateLead", leadId(1)))
                .cause().hasMessageContaining("marketoCookie");
        assertThatThrownBy(() -> template.requestBody("marketo:deleteLeads", "12,abc"))
                .cause().hasMessageContaining("'abc'");
        assertThatThrownBy(() -> template.requestBody("marketo:getLeadsByList", (Object) null))
                .cause().hasMessageContaining("staticListName");
        assertThat(emulator().counters().calls(Api.REST)).isZero();
    }

    @Test
    void restOnlyOperationOnSoapFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("marketo:describeLeads?api=soap&userId=u&encryptionKey=k"))
                .hasStackTraceContaining("describeLeads is REST-only");
    }
}
