package io.github.camelmarketo.emulator.soap;

import java.util.List;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfSyncStatus;
import io.github.camelmarketo.emulator.soap.mktows.AuthenticationHeaderInfo;
import io.github.camelmarketo.emulator.soap.mktows.LeadKey;
import io.github.camelmarketo.emulator.soap.mktows.LeadKeyRef;
import io.github.camelmarketo.emulator.soap.mktows.LeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.MktowsContextHeaderInfo;
import io.github.camelmarketo.emulator.soap.mktows.MktowsPort;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;
import io.github.camelmarketo.emulator.soap.mktows.ParamsGetLead;
import io.github.camelmarketo.emulator.soap.mktows.ParamsGetMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.ParamsSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ResultGetLead;
import io.github.camelmarketo.emulator.soap.mktows.ResultSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.ResultSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.SuccessGetLead;
import io.github.camelmarketo.emulator.soap.mktows.SuccessGetMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.SuccessSyncLead;
import io.github.camelmarketo.emulator.soap.mktows.SuccessSyncMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.SyncStatus;

/**
 * The emulator's implementation of the WSDL's {@code MktowsPort}. Every operation runs through the
 * {@link SoapCallGate} (limits, injected faults, signature, counters).
 * <p>
 * syncLead answers a failed record with the matching fault (20101, 20103, 20105, 20106); syncMultipleLeads reports
 * it as {@code FAILED} with an {@code error} text in that record's {@code syncStatus} and goes on with the others.
 * syncMultipleLeads accepts up to {@value #MAX_SYNC_RECORDS} records per call (the seed recommends no more than 300
 * and warns that larger batches may time out or be throttled; the emulator does not simulate that); above that it
 * faults 20110 (bad parameter).
 */
final class MktowsService implements MktowsPort {

    static final int MAX_SYNC_RECORDS = 1000;

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private final SoapCallGate gate;
    private final LeadStore store;
    private final LeadRecords records;
    private final MultipleLeadsQuery multipleLeads;
    private final LeadSync sync;
    private final Workspaces workspaces;

    MktowsService(SoapCallGate gate, LeadStore store, Workspaces workspaces) {
        this.gate = gate;
        this.store = store;
        this.records = new LeadRecords(store);
        this.multipleLeads = new MultipleLeadsQuery(store, records);
        this.sync = new LeadSync(store);
        this.workspaces = workspaces;
    }

    @Override
    public SuccessGetLead getLead(ParamsGetLead params, AuthenticationHeaderInfo auth, MktowsContextHeaderInfo context) {
        return gate.call("getLead", auth, () -> {
            LeadKey key = params == null ? null : params.getLeadKey();
            if (key == null || key.getKeyValue() == null || key.getKeyValue().isBlank()) {
                throw SoapFaults.fault(SoapFaults.LEAD_KEY_REQUIRED, "leadKey with keyType and keyValue is required");
            }
            if (key.getKeyType() == null) {
                throw SoapFaults.fault(SoapFaults.LEAD_KEY_BAD,
                        "leadKey.keyType is missing or not one of " + java.util.Arrays.toString(LeadKeyRef.values()));
            }
            if (key.getKeyType() == LeadKeyRef.IDNUM && LeadLookup.parseId(key.getKeyValue()) == null) {
                throw SoapFaults.fault(SoapFaults.LEAD_KEY_BAD, "IDNUM keyValue must be a number: '" + key.getKeyValue() + "'");
            }
            List<EmulatorLead> leads = LeadLookup.find(store, key.getKeyType(), key.getKeyValue());
            if (leads.isEmpty()) {
                throw SoapFaults.fault(SoapFaults.LEAD_NOT_FOUND,
                        "No lead found with " + key.getKeyType().value() + " = " + key.getKeyValue());
            }
            ResultGetLead result = new ResultGetLead();
            result.setCount(leads.size());
            result.setLeadRecordList(FACTORY.createResultGetLeadLeadRecordList(records.toList(leads, null)));
            SuccessGetLead success = new SuccessGetLead();
            success.setResult(result);
            return success;
        });
    }

    @Override
    public SuccessGetMultipleLeads getMultipleLeads(ParamsGetMultipleLeads params, AuthenticationHeaderInfo auth,
            MktowsContextHeaderInfo context) {
        return gate.call("getMultipleLeads", auth, () -> multipleLeads.run(params));
    }

    @Override
    public SuccessSyncLead syncLead(ParamsSyncLead params, AuthenticationHeaderInfo auth, MktowsContextHeaderInfo context) {
        return gate.call("syncLead", auth, () -> {
            if (params == null || params.getLeadRecord() == null) {
                throw SoapFaults.fault(SoapFaults.LEAD_DETAIL_REQUIRED, "leadRecord is required");
            }
            String workspace = workspaces.target(context);
            LeadSync.Outcome outcome = sync.sync(params.getLeadRecord(), MultipleLeadsQuery.value(params.getMarketoCookie()),
                    true, workspace, true);
            if (outcome.code() != null) {
                throw SoapFaults.fault(outcome.code(), outcome.error());
            }
            ResultSyncLead result = new ResultSyncLead();
            result.setLeadId(outcome.leadId());
            result.setSyncStatus(status(outcome));
            result.setLeadRecord(FACTORY.createResultSyncLeadLeadRecord(
                    params.isReturnLead() ? records.toRecord(outcome.lead(), null) : null));
            SuccessSyncLead success = new SuccessSyncLead();
            success.setResult(result);
            return success;
        });
    }

    @Override
    public SuccessSyncMultipleLeads syncMultipleLeads(ParamsSyncMultipleLeads params, AuthenticationHeaderInfo auth,
            MktowsContextHeaderInfo context) {
        return gate.call("syncMultipleLeads", auth, () -> {
            ArrayOfLeadRecord list = params == null ? null : params.getLeadRecordList();
            if (list == null || list.getLeadRecord().isEmpty()) {
                throw SoapFaults.fault(SoapFaults.LEAD_DETAIL_REQUIRED, "leadRecordList must hold at least one leadRecord");
            }
            if (list.getLeadRecord().size() > MAX_SYNC_RECORDS) {
                throw SoapFaults.fault(SoapFaults.BAD_PARAMETER, "leadRecordList holds " + list.getLeadRecord().size()
                        + " records; at most " + MAX_SYNC_RECORDS + " per call (300 recommended)");
            }
            String workspace = workspaces.target(context);
            Boolean dedupValue = MultipleLeadsQuery.value(params.getDedupEnabled());
            boolean dedup = dedupValue == null || dedupValue;
            ArrayOfSyncStatus statuses = new ArrayOfSyncStatus();
            for (LeadRecord record : list.getLeadRecord()) {
                statuses.getSyncStatus().add(status(sync.sync(record, null, dedup, workspace, false)));
            }
            ResultSyncMultipleLeads result = new ResultSyncMultipleLeads();
            result.setSyncStatusList(statuses);
            SuccessSyncMultipleLeads success = new SuccessSyncMultipleLeads();
            success.setResult(result);
            return success;
        });
    }

    private static SyncStatus status(LeadSync.Outcome outcome) {
        SyncStatus status = new SyncStatus();
        status.setLeadId(outcome.leadId());
        status.setStatus(outcome.status());
        status.setError(outcome.error());
        return status;
    }
}
