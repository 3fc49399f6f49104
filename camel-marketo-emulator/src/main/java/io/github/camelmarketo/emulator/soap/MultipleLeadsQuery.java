package io.github.camelmarketo.emulator.soap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.xml.bind.JAXBElement;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfString;
import io.github.camelmarketo.emulator.soap.mktows.LastUpdateAtSelector;
import io.github.camelmarketo.emulator.soap.mktows.LeadKeyRef;
import io.github.camelmarketo.emulator.soap.mktows.LeadKeySelector;
import io.github.camelmarketo.emulator.soap.mktows.LeadSelector;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;
import io.github.camelmarketo.emulator.soap.mktows.ParamsGetMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.ResultGetMultipleLeads;
import io.github.camelmarketo.emulator.soap.mktows.StaticListSelector;
import io.github.camelmarketo.emulator.soap.mktows.SuccessGetMultipleLeads;

/**
 * getMultipleLeads over the shared {@link LeadStore}.
 * <ul>
 * <li>{@code LeadKeySelector}: as the seed states, at most {@value #MAX_KEYS} keys are processed per call and
 * <b>additional keys are ignored</b> (no fault). IDNUM, EMAIL (every lead with that email) and COOKIE are looked up;
 * the SFDC and lead-owner key types match nothing here. Leads come in key order, each once.</li>
 * <li>{@code LastUpdateAtSelector}: {@code oldestUpdatedAt} is required (20109), {@code latestUpdatedAt} optional;
 * a range over 30 days faults 20022. The stream is keyset-paged on the store's change sequence: a lead updated
 * while a client pages is delivered again at the end of the stream with its new values, and no lead is skipped.</li>
 * <li>{@code StaticListSelector}: by {@code staticListId} or {@code staticListName} (unknown: 20111), members in
 * ascending lead id order.</li>
 * </ul>
 * Page size is {@code batchSize}, default {@value #DEFAULT_BATCH}, capped at {@value #MAX_BATCH} (values below 1
 * fault 20110). {@code remainingCount} is exact. {@code newStreamPosition} is opaque; a position that cannot be
 * decoded or belongs to another kind of selector, another static list or other keys faults 20122. A last-update
 * position carries its time range, which wins over the request's selector (so a client that recomputes
 * {@code latestUpdatedAt} while resuming still continues the same stream); without a selector, a last-update or
 * static-list position alone continues its stream. For key selectors the position is empty once the stream is
 * exhausted; for update and list streams it is always returned, so a client can come back later for what changed.
 */
final class MultipleLeadsQuery {

    static final int MAX_KEYS = 100;
    static final int DEFAULT_BATCH = 100;
    static final int MAX_BATCH = 1000;
    static final Duration MAX_RANGE = Duration.ofDays(30);

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private final LeadStore store;
    private final LeadRecords records;

    MultipleLeadsQuery(LeadStore store, LeadRecords records) {
        this.store = store;
        this.records = records;
    }

    /** One page of leads and the bookkeeping the response needs. */
    private record Page(List<EmulatorLead> leads, int remaining, String nextPosition) {
    }

    SuccessGetMultipleLeads run(ParamsGetMultipleLeads params) {
        if (params == null) {
            throw SoapFaults.fault(SoapFaults.PARAMETER_REQUIRED, "paramsGetMultipleLeads is required");
        }
        int batchSize = batchSize(value(params.getBatchSize()));
        String positionText = value(params.getStreamPosition());
        StreamPosition position = positionText == null || positionText.isBlank() ? null : StreamPosition.decode(positionText);
        LeadSelector selector = params.getLeadSelector();
        Page page;
        if (selector instanceof LeadKeySelector keys) {
            page = byKeys(keys, position, batchSize);
        } else if (selector instanceof StaticListSelector list) {
            page = byList(list, position, batchSize);
        } else if (selector instanceof LastUpdateAtSelector && position != null && position.kind() == 'U') {
            // an update-stream position carries its own time range (as the vendor's does): it wins over the selector
            page = continueWithoutSelector(position, batchSize);
        } else if (selector instanceof LastUpdateAtSelector lastUpdate) {
            page = byLastUpdate(toInstant(lastUpdate.getOldestUpdatedAt()), toInstant(value(lastUpdate.getLatestUpdatedAt())),
                    position, batchSize);
        } else if (value(params.getLastUpdatedAt()) != null) {
            // deprecated top-level lastUpdatedAt: "updated since"
            page = byLastUpdate(toInstant(value(params.getLastUpdatedAt())), null, position, batchSize);
        } else if (position != null && position.kind() != 'K') {
            page = continueWithoutSelector(position, batchSize);
        } else {
            throw SoapFaults.fault(SoapFaults.PARAMETER_REQUIRED,
                    "leadSelector is required: LeadKeySelector, LastUpdateAtSelector or StaticListSelector");
        }
        ArrayOfString include = value(params.getIncludeAttributes());
        Set<String> filter = LeadRecords.filter(include == null ? null : include.getStringItem());
        ResultGetMultipleLeads result = new ResultGetMultipleLeads();
        result.setReturnCount(page.leads().size());
        result.setRemainingCount(page.remaining());
        result.setNewStreamPosition(FACTORY.createResultGetMultipleLeadsNewStreamPosition(page.nextPosition()));
        result.setLeadRecordList(FACTORY.createResultGetMultipleLeadsLeadRecordList(records.toList(page.leads(), filter)));
        SuccessGetMultipleLeads success = new SuccessGetMultipleLeads();
        success.setResult(result);
        return success;
    }

    private static int batchSize(Integer requested) {
        if (requested == null) {
            return DEFAULT_BATCH;
        }
        if (requested < 1) {
            throw SoapFaults.fault(SoapFaults.BAD_PARAMETER,
                    "batchSize must be between 1 and " + MAX_BATCH + ", was " + requested);
        }
        return Math.min(requested, MAX_BATCH);
    }

    // ------------------------------------------------------------------ LastUpdateAtSelector

    private Page byLastUpdate(Instant oldest, Instant latest, StreamPosition position, int batchSize) {
        if (oldest == null) {
            throw SoapFaults.fault(SoapFaults.PARAMETER_REQUIRED, "LastUpdateAtSelector.oldestUpdatedAt is required");
        }
        if (latest != null && latest.isBefore(oldest)) {
            throw SoapFaults.fault(SoapFaults.BAD_PARAMETER, "latestUpdatedAt must not be before oldestUpdatedAt");
        }
        if (latest != null && Duration.between(oldest, latest).compareTo(MAX_RANGE) > 0) {
            throw SoapFaults.fault(SoapFaults.TIME_RANGE_EXCEEDED,
                    "The time range between oldestUpdatedAt and latestUpdatedAt exceeds 30 days");
        }
        String fingerprint = oldest.toEpochMilli() + "~" + (latest == null ? "" : Long.toString(latest.toEpochMilli()));
        long after = position == null ? 0 : position.requireFor('U', fingerprint).cursor();
        List<EmulatorLead> leads = store.changesAfter(after, oldest, latest, batchSize);
        long cursor = leads.isEmpty() ? after : leads.get(leads.size() - 1).getUpdateSeq();
        int remaining = store.countChangesAfter(cursor, oldest, latest);
        return new Page(leads, remaining, new StreamPosition('U', fingerprint, cursor).encode());
    }

    // ------------------------------------------------------------------ StaticListSelector

    private Page byList(StaticListSelector selector, StreamPosition position, int batchSize) {
        Integer listId = value(selector.getStaticListId());
        String listName = value(selector.getStaticListName());
        StaticList list;
        if (listId != null) {
            list = store.findList(listId).orElseThrow(
                    () -> SoapFaults.fault(SoapFaults.LIST_NOT_FOUND, "Static list not found: staticListId " + listId));
        } else if (listName != null && !listName.isBlank()) {
            list = store.findListByName(listName).orElseThrow(
                    () -> SoapFaults.fault(SoapFaults.LIST_NOT_FOUND,
                            "Static list not found: staticListName '" + listName + "'"));
        } else {
            throw SoapFaults.fault(SoapFaults.PARAMETER_REQUIRED, "StaticListSelector needs staticListId or staticListName");
        }
        return listPage(list, position, batchSize);
    }

    private Page listPage(StaticList list, StreamPosition position, int batchSize) {
        String fingerprint = Integer.toString(list.id());
        long afterId = position == null ? 0 : position.requireFor('L', fingerprint).cursor();
        List<Integer> members = list.memberIds().stream().filter(id -> id > afterId).sorted().toList();
        List<EmulatorLead> leads = new ArrayList<>();
        long cursor = afterId;
        int consumed = 0;
        for (Integer id : members) {
            if (leads.size() >= batchSize) {
                break;
            }
            consumed++;
            cursor = id;
            store.findById(id).ifPresent(leads::add);
        }
        return new Page(leads, members.size() - consumed, new StreamPosition('L', fingerprint, cursor).encode());
    }

    private Page continueWithoutSelector(StreamPosition position, int batchSize) {
        String[] fp = position.fingerprint().split("~", -1);
        try {
            if (position.kind() == 'U' && fp.length == 2) {
                return byLastUpdate(Instant.ofEpochMilli(Long.parseLong(fp[0])),
                        fp[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(fp[1])), position, batchSize);
            }
            if (position.kind() == 'L') {
                int listId = Integer.parseInt(position.fingerprint());
                StaticList list = store.findList(listId).orElseThrow(
                        () -> SoapFaults.fault(SoapFaults.LIST_NOT_FOUND, "Static list not found: staticListId " + listId));
                return listPage(list, position, batchSize);
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw SoapFaults.fault(SoapFaults.BAD_STREAM_POSITION);
    }

    // ------------------------------------------------------------------ LeadKeySelector

    private Page byKeys(LeadKeySelector selector, StreamPosition position, int batchSize) {
        if (selector.getKeyType() == null) {
            throw SoapFaults.fault(SoapFaults.LEAD_KEY_BAD, "LeadKeySelector.keyType is missing or not one of "
                    + java.util.Arrays.toString(LeadKeyRef.values()));
        }
        List<String> allKeys = selector.getKeyValues() == null ? List.of() : selector.getKeyValues().getStringItem();
        if (allKeys.isEmpty()) {
            throw SoapFaults.fault(SoapFaults.PARAMETER_REQUIRED,
                    "LeadKeySelector.keyValues must hold at least one stringItem");
        }
        List<String> keys = allKeys.subList(0, Math.min(MAX_KEYS, allKeys.size()));
        Map<Integer, EmulatorLead> matches = new LinkedHashMap<>();
        for (String key : keys) {
            for (EmulatorLead lead : LeadLookup.find(store, selector.getKeyType(), key)) {
                matches.putIfAbsent(lead.getId(), lead);
            }
        }
        String fingerprint = selector.getKeyType().value() + "#" + Integer.toHexString(keys.hashCode());
        int offset = position == null ? 0 : (int) Math.min(position.requireFor('K', fingerprint).cursor(), matches.size());
        List<EmulatorLead> all = new ArrayList<>(matches.values());
        int end = Math.min(all.size(), offset + batchSize);
        int remaining = all.size() - end;
        String next = remaining == 0 ? "" : new StreamPosition('K', fingerprint, end).encode();
        return new Page(all.subList(offset, end), remaining, next);
    }

    // ------------------------------------------------------------------ helpers

    static <T> T value(JAXBElement<T> element) {
        return element == null || element.isNil() ? null : element.getValue();
    }

    private static Instant toInstant(XMLGregorianCalendar calendar) {
        return calendar == null ? null : calendar.toGregorianCalendar().toInstant();
    }
}
