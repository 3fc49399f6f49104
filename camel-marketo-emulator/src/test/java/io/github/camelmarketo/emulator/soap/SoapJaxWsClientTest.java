package io.github.camelmarketo.emulator.soap;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfAttribute;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfString;
import io.github.camelmarketo.emulator.soap.mktows.Attribute;
import io.github.camelmarketo.emulator.soap.mktows.LeadKey;
import io.github.camelmarketo.emulator.soap.mktows.LeadKeyRef;
import io.github.camelmarketo.emulator.soap.mktows.LeadKeySelector;
import io.github.camelmarketo.emulator.soap.mktows.LeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.LeadSyncStatus;
import io.github.camelmarketo.emulator.soap.mktows.MktowsPort;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;
import io.github.camelmarketo.emulator.soap.mktows.ParamsGetLead;
import io.github.camelmarketo.emulator.soap.mktows.ParamsGetMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ServiceException;
import io.github.camelmarketo.emulator.soap.mktows.SuccessGetLead;
import io.github.camelmarketo.emulator.soap.mktows.SuccessGetMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.SuccessSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.SuccessSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.SyncStatus;

import static io.github.camelmarketo.emulator.soap.MktowsClients.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JAX-WS client generated from the same WSDL, loaded from {@code ?WSDL} as in the vendor's Java sample. */
class SoapJaxWsClientTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(30));

    private static final ObjectFactory FACTORY = new ObjectFactory();
    private final MktowsPort port = MktowsClients.port(emulator.get());

    @Test
    void getLeadById() throws ServiceException {
        EmulatorLead lead = emulator.get().store().findByEmail("lead7@example.com").get(0);
        ParamsGetLead params = new ParamsGetLead();
        LeadKey key = new LeadKey();
        key.setKeyType(LeadKeyRef.IDNUM);
        key.setKeyValue(Integer.toString(lead.getId()));
        params.setLeadKey(key);

        SuccessGetLead result = port.getLead(params, MktowsClients.header(emulator.get()), null);

        assertThat(result.getResult().getCount()).isEqualTo(1);
        LeadRecord record = result.getResult().getLeadRecordList().getValue().getLeadRecord().get(0);
        assertThat(record.getId().getValue()).isEqualTo(lead.getId());
        assertThat(record.getEmail().getValue()).isEqualTo("lead7@example.com");
        assertThat(record.getLeadAttributeList().getValue().getAttribute())
                .anySatisfy(a -> {
                    assertThat(a.getAttrName()).isEqualTo("FirstName");
                    assertThat(a.getAttrValue()).isEqualTo(lead.getAttributes().get("FirstName"));
                });
    }

    @Test
    void getMultipleLeadsByIdKeysWithIncludeAttributes() throws ServiceException {
        List<Integer> ids = List.of(emulator.get().store().findByEmail("lead1@example.com").get(0).getId(),
                emulator.get().store().findByEmail("lead2@example.com").get(0).getId());
        LeadKeySelector selector = new LeadKeySelector();
        selector.setKeyType(LeadKeyRef.IDNUM);
        selector.setKeyValues(new ArrayOfString());
        ids.forEach(id -> selector.getKeyValues().getStringItem().add(id.toString()));
        ParamsGetMultipleLeads params = new ParamsGetMultipleLeads();
        params.setLeadSelector(selector);
        ArrayOfString include = new ArrayOfString();
        include.getStringItem().add("LeadScore");
        params.setIncludeAttributes(FACTORY.createParamsGetMultipleLeadsIncludeAttributes(include));

        SuccessGetMultipleLeads result = port.getMultipleLeads(params, MktowsClients.header(emulator.get()), null);

        assertThat(result.getResult().getReturnCount()).isEqualTo(2);
        assertThat(result.getResult().getRemainingCount()).isZero();
        List<LeadRecord> records = result.getResult().getLeadRecordList().getValue().getLeadRecord();
        assertThat(records).extracting(r -> r.getId().getValue()).containsExactlyElementsOf(ids);
        assertThat(records).allSatisfy(r -> assertThat(r.getLeadAttributeList().getValue().getAttribute())
                .extracting(Attribute::getAttrName).containsExactly("LeadScore"));
    }

    @Test
    void syncLeadWithReturnLead() throws ServiceException {
        ParamsSyncLead params = new ParamsSyncLead();
        params.setLeadRecord(record(null, null, "new.person@example.com", "FirstName", "New"));
        params.setReturnLead(true);

        SuccessSyncLead result = port.syncLead(params, MktowsClients.header(emulator.get()), null);

        assertThat(result.getResult().getSyncStatus().getStatus()).isEqualTo(LeadSyncStatus.CREATED);
        LeadRecord returned = result.getResult().getLeadRecord().getValue();
        assertThat(returned.getId().getValue()).isEqualTo(result.getResult().getLeadId());
        assertThat(returned.getEmail().getValue()).isEqualTo("new.person@example.com");
        assertThat(returned.getLeadAttributeList().getValue().getAttribute())
                .extracting(Attribute::getAttrName, Attribute::getAttrValue)
                .contains(org.assertj.core.groups.Tuple.tuple("FirstName", "New"));
    }

    @Test
    void syncMultipleLeadsReportsEachRecord() throws ServiceException {
        ParamsSyncMultipleLeads params = new ParamsSyncMultipleLeads();
        params.setLeadRecordList(new ArrayOfLeadRecord());
        params.getLeadRecordList().getLeadRecord().add(record(null, null, "lead3@example.com", "Company", "Updated Inc"));
        params.getLeadRecordList().getLeadRecord().add(record(null, null, "fresh@example.com", "Company", "Fresh Inc"));
        params.getLeadRecordList().getLeadRecord().add(record(null, null, "bad@example.com", "NoSuchField", "x"));

        SuccessSyncMultipleLeads result = port.syncMultipleLeads(params, MktowsClients.header(emulator.get()), null);

        List<SyncStatus> statuses = result.getResult().getSyncStatusList().getSyncStatus();
        assertThat(statuses).extracting(SyncStatus::getStatus)
                .containsExactly(LeadSyncStatus.UPDATED, LeadSyncStatus.CREATED, LeadSyncStatus.FAILED);
        assertThat(statuses.get(2).getError()).contains("NoSuchField");
        assertThat(emulator.get().store().findByEmail("lead3@example.com").get(0).getAttributes())
                .containsEntry("Company", "Updated Inc");
        assertThat(emulator.get().store().findByEmail("bad@example.com")).isEmpty();
    }

    @Test
    void faultArrivesAsTheWsdlServiceException() {
        ParamsGetLead params = new ParamsGetLead();
        LeadKey key = new LeadKey();
        key.setKeyType(LeadKeyRef.EMAIL);
        key.setKeyValue("nobody@example.com");
        params.setLeadKey(key);

        assertThatThrownBy(() -> port.getLead(params, MktowsClients.header(emulator.get()), null))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("20103 - Lead Not Found");
                    assertThat(e.getFaultInfo().getCode()).isEqualTo("20103");
                    assertThat(e.getFaultInfo().getMessage()).contains("nobody@example.com");
                });
        assertThatThrownBy(() -> port.getLead(params,
                MktowsClients.header(emulator.get().getSoapUserId(), "wrong-key", SoapEnvelopes.now()), null))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.getFaultInfo().getCode()).isEqualTo("20014"));
    }

    @Test
    void emulatorBusIsNotTheDefaultBusOfTheJvm() {
        assertThat(emulator.get().soap().bus()).isNotNull();
        assertThat(org.apache.cxf.BusFactory.getDefaultBus(false)).isNotSameAs(emulator.get().soap().bus());
        assertThat(org.apache.cxf.BusFactory.getThreadDefaultBus(false)).isNotSameAs(emulator.get().soap().bus());
    }
}
