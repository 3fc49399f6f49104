package io.github.camelmarketo.component.marketo.rest;

import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** REST-only writes (delete, merge, associate, push) and program/campaign reads as producer endpoints. */
class RestLeadMaintenanceTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(60));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private static long id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    private EmulatorLead stored(long id) {
        return emulator().store().findById((int) id).orElse(null);
    }

    @Test
    void deleteLeadsReportsDeletedAndSkippedPerId() {
        List<?> results = template.requestBody("marketo:deleteLeads", List.of(id(1), 999_999L), List.class);
        assertThat(results).extracting(r -> ((SyncResult) r).status()).containsExactly(SyncStatus.DELETED, SyncStatus.SKIPPED);
        assertThat(((SyncResult) results.get(1)).reasons()).extracting(r -> r.code()).containsExactly("1004");
        assertThat(stored(id(1))).isNull();
    }

    @Test
    void mergeLeadsFoldsTheLosersIntoTheWinner() {
        Object out = template.requestBodyAndHeader("marketo:mergeLeads", List.of(id(2), id(3)),
                MarketoConstants.WINNING_LEAD_ID, id(1));
        assertThat(out).isEqualTo(id(1));
        assertThat(stored(id(1))).isNotNull();
        assertThat(stored(id(2))).isNull();
        assertThat(stored(id(3))).isNull();
    }

    @Test
    void associateLeadAddsTheCookie() {
        template.requestBodyAndHeader("marketo:associateLead", id(4), MarketoConstants.MARKETO_COOKIE,
                "id:123-EMU-456&token:_mch-example.com-1-2");
        assertThat(stored(id(4)).getCookies()).contains("id:123-EMU-456&token:_mch-example.com-1-2");
    }

    @Test
    void pushLeadsJoinsTheProgramAndGetLeadsByProgramFindsThem() {
        Exchange pushed = template.request("marketo:pushLeads", e -> {
            e.getMessage().setHeader(MarketoConstants.PROGRAM_NAME, "Webinar 2026");
            e.getMessage().setHeader(MarketoConstants.PUSH_SOURCE, "camel test");
            e.getMessage().setBody(List.of(Lead.withEmail("pushed@example.com").set("FirstName", "Pushed")));
        });
        @SuppressWarnings("unchecked")
        List<SyncResult> results = pushed.getMessage().getBody(List.class);
        assertThat(results).singleElement().extracting(SyncResult::status).isEqualTo(SyncStatus.CREATED);
        long newId = results.get(0).leadId();

        List<?> members = template.requestBody("marketo:getLeadsByProgram?batchSize=300&fields=email", 2001L, List.class);
        assertThat(members).extracting(l -> ((Lead) l).getId()).contains(newId, id(0));
        Lead pushedLead = members.stream().map(Lead.class::cast).filter(l -> l.getId() == newId).findFirst().orElseThrow();
        assertThat(pushedLead.getEmail()).isEqualTo("pushed@example.com");
        assertThat(pushedLead.get("membership")).contains("progressionStatus");
    }

    @Test
    void programAndCampaignMembershipsOfALead() {
        List<?> programs = template.requestBody("marketo:getProgramsByLead", id(0), List.class);
        assertThat(programs).extracting(p -> (Object) ((Map<?, ?>) p).get("id")).containsExactlyInAnyOrder(2001, 2002, 2003);
        List<?> campaigns = template.requestBodyAndHeader("marketo:getCampaignsByLead", null, MarketoConstants.LEAD_ID, id(0),
                List.class);
        assertThat(campaigns).extracting(c -> (Object) ((Map<?, ?>) c).get("smartCampaignId")).containsExactlyInAnyOrder(3001, 3002, 3003);
    }
}
