package io.github.camelmarketo.emulator.soap;

import java.util.List;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Activity;
import io.github.camelmarketo.emulator.core.ActivityTypes;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.MktowsPort;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ServiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelmarketo.emulator.soap.MktowsClients.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** SOAP syncLead / syncMultipleLeads feed the same activity log as REST. */
class SoapActivitiesTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(5));

    private static final ObjectFactory FACTORY = new ObjectFactory();
    private static MktowsPort port;

    @BeforeAll
    static void client() {
        port = MktowsClients.port(emulator.get());
    }

    @Test
    void soapCreatesAndChangedFieldsAreRecordedOnce() throws ServiceException {
        int seeded = emulator.get().store().activities().size();
        ParamsSyncLead single = new ParamsSyncLead();
        single.setLeadRecord(record(null, null, "soap@example.com", "FirstName", "Sam"));
        single.setReturnLead(false);
        int created = port.syncLead(single, MktowsClients.header(emulator.get()), null).getResult().getLeadId();

        ParamsSyncMultipleLeads many = new ParamsSyncMultipleLeads();
        many.setLeadRecordList(new ArrayOfLeadRecord());
        many.getLeadRecordList().getLeadRecord().addAll(List.of(
                record(created, null, null, "FirstName", "Samuel"),
                record(created, null, null, "FirstName", "Samuel"),
                record(null, null, "soap2@example.com", "Company", "Soap Co")));
        many.setDedupEnabled(FACTORY.createParamsSyncMultipleLeadsDedupEnabled(true));
        port.syncMultipleLeads(many, MktowsClients.header(emulator.get()), null);

        List<Activity> recorded = emulator.get().store().activities().all();
        List<Activity> fresh = recorded.subList(seeded, recorded.size());
        assertThat(fresh).extracting(Activity::activityTypeId, a -> a.change() == null ? null : a.change().name(),
                a -> a.change() == null ? null : a.change().oldValue() + "->" + a.change().newValue())
                .containsExactly(tuple(ActivityTypes.NEW_LEAD, null, null),
                        tuple(ActivityTypes.CHANGE_DATA_VALUE, "firstName", "Sam->Samuel"),
                        tuple(ActivityTypes.NEW_LEAD, null, null));
        assertThat(fresh.get(0).leadId()).isEqualTo(created);
        assertThat(fresh.get(0).primaryAttributeValue()).isEqualTo("Sam");
    }
}
