package io.github.camelmarketo.emulator.soap;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfAttribute;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.Attribute;
import io.github.camelmarketo.emulator.soap.mktows.LeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.LeadSyncStatus;
import io.github.camelmarketo.emulator.soap.mktows.MktowsContextHeaderInfo;
import io.github.camelmarketo.emulator.soap.mktows.MktowsPort;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ServiceException;
import io.github.camelmarketo.emulator.soap.mktows.SuccessSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.SyncStatus;

import static io.github.camelmarketo.emulator.soap.MktowsClients.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** syncLead / syncMultipleLeads: key precedence, dedup, per-record failures, workspaces, batch limit. */
class SoapSyncTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    private static final ObjectFactory FACTORY = new ObjectFactory();
    private static MktowsPort port;

    @BeforeAll
    static void client() {
        port = MktowsClients.port(emulator.get());
    }

    @Test
    void idTakesPrecedenceOverForeignSysPersonIdWhichIsUpdated() throws ServiceException {
        EmulatorLead target = lead("lead4@example.com");
        EmulatorLead other = emulator.get().store().create(l -> l.setForeignSysPersonId("CRM-1"));

        SyncStatus status = syncMultiple(null, true,
                record(target.getId(), "CRM-1", "lead4@example.com", "FirstName", "ById")).get(0);

        assertThat(status.getStatus()).isEqualTo(LeadSyncStatus.UPDATED);
        assertThat(status.getLeadId()).isEqualTo(target.getId());
        EmulatorLead stored = store().findById(target.getId()).orElseThrow();
        assertThat(stored.getForeignSysPersonId()).isEqualTo("CRM-1");
        assertThat(stored.getAttributes()).containsEntry("FirstName", "ById");
        assertThat(store().findById(other.getId()).orElseThrow().getAttributes()).doesNotContainKey("FirstName");
    }

    @Test
    void foreignSysPersonIdTakesPrecedenceOverEmailInSyncLeadAndTheEmailIsUpdated() throws ServiceException {
        EmulatorLead crm = emulator.get().store().create(l -> {
            l.setForeignSysPersonId("CRM-2");
            l.setEmail("old@example.com");
        });
        EmulatorLead byEmail = lead("lead5@example.com");

        SuccessSyncLead result = syncLead(record(null, "CRM-2", "lead5@example.com", "LastName", "Crm"), null, null, false);

        assertThat(result.getResult().getLeadId()).isEqualTo(crm.getId());
        assertThat(store().findById(crm.getId()).orElseThrow().getEmail()).isEqualTo("lead5@example.com");
        assertThat(store().findById(byEmail.getId()).orElseThrow().getAttributes().get("LastName"))
                .isNotEqualTo("Crm");
    }

    @Test
    void syncMultipleLeadsKeepsTheEmailOfALeadMatchedByForeignSysPersonIdUnlessListedAsAttribute() throws ServiceException {
        EmulatorLead crm = emulator.get().store().create(l -> {
            l.setForeignSysPersonId("CRM-3");
            l.setEmail("kept@example.com");
        });

        syncMultiple(null, true, record(null, "CRM-3", "ignored@example.com", "Title", "CTO"));
        assertThat(store().findById(crm.getId()).orElseThrow().getEmail()).isEqualTo("kept@example.com");

        syncMultiple(null, true, record(null, "CRM-3", null, "Email", "listed@example.com"));
        assertThat(store().findById(crm.getId()).orElseThrow().getEmail()).isEqualTo("listed@example.com");
    }

    @Test
    void cookieTakesPrecedenceOverEmailAndNewCookieLeadsKeepTheCookie() throws ServiceException {
        EmulatorLead anonymous = emulator.get().store().create(l -> l.getCookies().add("id:123-ABC-456&token:_mch-x"));

        SuccessSyncLead known = syncLead(record(null, null, "lead6@example.com", "FirstName", "NowKnown"),
                "id:123-ABC-456&token:_mch-x", null, false);
        SuccessSyncLead fresh = syncLead(record(null, null, null, "FirstName", "Anon"), "id:999&token:_mch-new", null, false);

        assertThat(known.getResult().getLeadId()).isEqualTo(anonymous.getId());
        assertThat(store().findById(anonymous.getId()).orElseThrow().getEmail()).isEqualTo("lead6@example.com");
        assertThat(fresh.getResult().getSyncStatus().getStatus()).isEqualTo(LeadSyncStatus.CREATED);
        assertThat(store().findByCookie("id:999&token:_mch-new")).extracting(EmulatorLead::getId)
                .containsExactly(fresh.getResult().getLeadId());
    }

    @Test
    void dedupDisabledCreatesADuplicateForAnExistingEmail() throws ServiceException {
        List<SyncStatus> statuses = syncMultiple(null, false, record(null, null, "lead7@example.com", "Company", "Dup"));

        assertThat(statuses.get(0).getStatus()).isEqualTo(LeadSyncStatus.CREATED);
        assertThat(store().findByEmail("lead7@example.com")).hasSize(2);

        List<SyncStatus> deduped = syncMultiple(null, true, record(null, null, "LEAD7@example.com", "Company", "Dedup"));
        assertThat(deduped.get(0).getStatus()).isEqualTo(LeadSyncStatus.UPDATED);
        assertThat(store().findByEmail("lead7@example.com")).hasSize(2);
    }

    @Test
    void badRecordsFailAloneWithAnErrorText() throws ServiceException {
        List<SyncStatus> statuses = syncMultiple(null, true,
                record(999, null, null, "FirstName", "Ghost"),
                record(null, null, null, "FirstName", "Keyless"),
                record(null, null, "x@example.com", "NoSuchField", "v"),
                record(null, null, "y@example.com", "CreatedAt", "2020-01-01"),
                record(null, null, "ok@example.com", "FirstName", "Fine"));

        assertThat(statuses).extracting(SyncStatus::getStatus).containsExactly(LeadSyncStatus.FAILED, LeadSyncStatus.FAILED,
                LeadSyncStatus.FAILED, LeadSyncStatus.FAILED, LeadSyncStatus.CREATED);
        assertThat(statuses.get(0).getError()).contains("999");
        assertThat(statuses.get(0).getLeadId()).isEqualTo(999);
        assertThat(statuses.get(1).getError()).contains("Id", "Email");
        assertThat(statuses.get(2).getError()).contains("NoSuchField");
        assertThat(statuses.get(3).getError()).contains("read-only");
        assertThat(statuses.get(4).getError()).isNull();
        assertThat(store().findByEmail("x@example.com")).isEmpty();
    }

    @Test
    void syncLeadAnswersAFailedRecordWithAFault() {
        assertFault(() -> syncLead(record(999, null, null, "FirstName", "Ghost"), null, null, false), "20103");
        assertFault(() -> syncLead(record(null, null, null, "FirstName", "Keyless"), null, null, false), "20101");
        assertFault(() -> syncLead(record(null, null, "a@example.com", "Bogus", "1"), null, null, false), "20105");
    }

    @Test
    void newLeadsGoToTheTargetWorkspace() throws ServiceException {
        SuccessSyncLead result = syncLead(record(null, null, "emea@example.com", "City", "Paris"), null, "EMEA", false);
        List<SyncStatus> multi = syncMultiple("emea", true, record(null, null, "emea2@example.com", "City", "Rome"));

        assertThat(store().findById(result.getResult().getLeadId()).orElseThrow().getPartition()).isEqualTo("EMEA");
        assertThat(store().findById(multi.get(0).getLeadId()).orElseThrow().getPartition()).isEqualTo("EMEA");
        SuccessSyncLead noHeader = syncLead(record(null, null, "plain@example.com", "City", "Oslo"), null, null, false);
        assertThat(store().findById(noHeader.getResult().getLeadId()).orElseThrow().getPartition())
                .isEqualTo(LeadStore.DEFAULT_PARTITION);
    }

    @Test
    void leadMatchedByIdInAnotherWorkspaceFailsButEmailMatchesAreUpdatedWhereTheyAre() throws ServiceException {
        EmulatorLead defaultLead = lead("lead8@example.com");

        List<SyncStatus> statuses = syncMultiple("EMEA", true,
                record(defaultLead.getId(), null, null, "City", "Berlin"),
                record(null, null, "lead8@example.com", "City", "Madrid"));

        assertThat(statuses.get(0).getStatus()).isEqualTo(LeadSyncStatus.FAILED);
        assertThat(statuses.get(0).getError()).contains("EMEA");
        assertThat(statuses.get(1).getStatus()).isEqualTo(LeadSyncStatus.UPDATED);
        EmulatorLead stored = store().findById(defaultLead.getId()).orElseThrow();
        assertThat(stored.getAttributes()).containsEntry("City", "Madrid");
        assertThat(stored.getPartition()).isEqualTo(LeadStore.DEFAULT_PARTITION);
    }

    @Test
    void unknownWorkspaceIsAFaultAndAddedWorkspacesWork() throws ServiceException {
        assertFault(() -> syncMultiple("Atlantis", true, record(null, null, "a@example.com", "City", "X")), "20110");

        emulator.get().soap().addWorkspace("Atlantis");
        assertThat(syncMultiple("Atlantis", true, record(null, null, "a@example.com", "City", "X")).get(0).getStatus())
                .isEqualTo(LeadSyncStatus.CREATED);

        emulator.get().reset();
        assertFault(() -> syncMultiple("Atlantis", true, record(null, null, "a@example.com", "City", "X")), "20110");
    }

    @Test
    void moreThanAThousandRecordsIs20110AndEmptyListIs20104() throws ServiceException {
        LeadRecord[] many = new LeadRecord[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = record(null, null, "bulk" + i + "@example.com", "FirstName", "B");
        }
        assertFault(() -> syncMultiple(null, true, many), "20110");
        assertFault(() -> syncMultiple(null, true), "20104");

        List<SyncStatus> thousand = syncMultiple(null, true, java.util.Arrays.copyOf(many, 1000));
        assertThat(thousand).hasSize(1000).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(LeadSyncStatus.CREATED));
    }

    // ------------------------------------------------------------------ helpers

    private static LeadStore store() {
        return emulator.get().store();
    }

    private static EmulatorLead lead(String email) {
        return store().findByEmail(email).get(0);
    }

    private static SuccessSyncLead syncLead(LeadRecord record, String cookie, String workspace, boolean returnLead)
            throws ServiceException {
        ParamsSyncLead params = new ParamsSyncLead();
        params.setLeadRecord(record);
        params.setReturnLead(returnLead);
        if (cookie != null) {
            params.setMarketoCookie(FACTORY.createParamsSyncLeadMarketoCookie(cookie));
        }
        return port.syncLead(params, MktowsClients.header(emulator.get()), context(workspace));
    }

    private static List<SyncStatus> syncMultiple(String workspace, boolean dedup, LeadRecord... records)
            throws ServiceException {
        ParamsSyncMultipleLeads params = new ParamsSyncMultipleLeads();
        params.setLeadRecordList(new ArrayOfLeadRecord());
        params.getLeadRecordList().getLeadRecord().addAll(List.of(records));
        params.setDedupEnabled(FACTORY.createParamsSyncMultipleLeadsDedupEnabled(dedup));
        return port.syncMultipleLeads(params, MktowsClients.header(emulator.get()), context(workspace))
                .getResult().getSyncStatusList().getSyncStatus();
    }

    private static MktowsContextHeaderInfo context(String workspace) {
        if (workspace == null) {
            return null;
        }
        MktowsContextHeaderInfo context = new MktowsContextHeaderInfo();
        context.setTargetWorkspace(FACTORY.createMktowsContextHeaderInfoTargetWorkspace(workspace));
        return context;
    }

    private static void assertFault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.getFaultInfo().getCode()).isEqualTo(code));
    }
}
