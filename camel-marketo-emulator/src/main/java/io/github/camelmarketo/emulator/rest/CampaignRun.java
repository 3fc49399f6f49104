package io.github.camelmarketo.emulator.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A smart campaign run the emulator accepted, for tests to inspect ({@link RestApi#campaignRuns()}).
 *
 * @param campaignId         the campaign
 * @param kind               {@code trigger} (Request Campaign) or {@code schedule} (Schedule Campaign)
 * @param leadIds            leads passed to a trigger campaign that exist (empty for a scheduled batch campaign)
 * @param unknownLeadIds     requested lead ids that match no lead (Marketo runs the flow for the others)
 * @param tokens             My Token overrides, name ({@code {{my.name}}}) to value, in request order
 * @param runAt              when the run starts: now for a trigger, {@code runAt} (default now + 5 minutes) for a schedule
 * @param cloneToProgramName schedule only: the program the campaign is cloned to, or null
 * @param requestedAt        when the call arrived
 */
public record CampaignRun(int campaignId, String kind, List<Integer> leadIds, List<Integer> unknownLeadIds,
                          Map<String, String> tokens, Instant runAt, String cloneToProgramName, Instant requestedAt) {

    public CampaignRun {
        leadIds = List.copyOf(leadIds);
        unknownLeadIds = List.copyOf(unknownLeadIds);
        tokens = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tokens));
    }
}
