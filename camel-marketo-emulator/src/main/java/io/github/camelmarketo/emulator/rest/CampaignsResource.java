package io.github.camelmarketo.emulator.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.rest.ProgramCatalog.Campaign;

/**
 * Smart campaign runs: {@code POST /rest/v1/campaigns/{campaignId}/trigger.json} (Request Campaign: an active trigger
 * campaign, {@code input.leads[{id}]} 1 to 100 leads, optional {@code input.tokens[{name, value}]}) and
 * {@code POST .../schedule.json} (Schedule Campaign: a batch campaign, optional {@code input.runAt} (default five
 * minutes from now), {@code tokens}, {@code cloneToProgramName}). Unknown campaigns answer 1013, the wrong campaign
 * type or bad input 1003. Both answer the campaign record and record a {@link CampaignRun}.
 */
final class CampaignsResource {

    static final int MAX_TRIGGER_LEADS = 100;
    private static final Pattern TOKEN_NAME = Pattern.compile("\\{\\{my\\.[^{}]+}}");

    private final LeadStore store;
    private final ProgramCatalog catalog;
    private final Clock clock;
    private final List<CampaignRun> runs = new CopyOnWriteArrayList<>();

    CampaignsResource(LeadStore store, ProgramCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
        this.clock = store.clock();
    }

    void register(Router router) {
        router.add("POST", "/rest/v1/campaigns/{campaignId}/trigger.json", this::trigger)
                .add("POST", "/rest/v1/campaigns/{campaignId}/schedule.json", this::schedule);
    }

    List<CampaignRun> runs() {
        return List.copyOf(runs);
    }

    void reset() {
        runs.clear();
    }

    RestResponse trigger(RestRequest request) {
        Campaign campaign = campaign(request);
        if (!campaign.trigger() || !campaign.active()) {
            throw RestApiException.invalid("Campaign " + campaign.id() + " is a " + campaign.type() + " campaign: trigger.json "
                                           + "needs an active trigger campaign with a 'Campaign is Requested: Web Service API' trigger");
        }
        JsonNode input = request.hasBody() ? request.json().path("input") : Json.object();
        JsonNode leads = input.path("leads");
        if (!leads.isArray() || leads.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'input.leads' (a non-empty array)");
        }
        if (leads.size() > MAX_TRIGGER_LEADS) {
            throw RestApiException.invalid("Too many leads in 'input.leads': " + leads.size() + ", at most "
                                           + MAX_TRIGGER_LEADS + " per call");
        }
        List<Integer> found = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (JsonNode lead : leads) {
            JsonNode id = lead.get("id");
            if (id == null || !id.canConvertToInt()) {
                throw RestApiException.invalid("Each lead in 'input.leads' needs an integer 'id', got " + lead);
            }
            (store.findById(id.asInt()).isPresent() ? found : unknown).add(id.asInt());
        }
        Instant now = clock.instant();
        runs.add(new CampaignRun(campaign.id(), "trigger", found, unknown, tokens(input), now, null, now));
        return result(campaign);
    }

    RestResponse schedule(RestRequest request) {
        Campaign campaign = campaign(request);
        if (campaign.trigger()) {
            throw RestApiException.invalid("Campaign " + campaign.id() + " is a trigger campaign: schedule.json needs a "
                                           + "batch campaign");
        }
        JsonNode input = request.hasBody() ? request.json().path("input") : Json.object();
        Instant now = clock.instant();
        String runAtText = LeadWriter.text(input.get("runAt"));
        Instant runAt = runAtText == null || runAtText.isBlank() ? now.plus(Duration.ofMinutes(5))
                : Json.parseDate("runAt", runAtText);
        String clone = LeadWriter.text(input.get("cloneToProgramName"));
        runs.add(new CampaignRun(campaign.id(), "schedule", List.of(), List.of(), tokens(input), runAt, clone, now));
        return result(campaign);
    }

    private Campaign campaign(RestRequest request) {
        int id = request.pathInt("campaignId");
        return catalog.campaign(id).orElseThrow(() -> new RestApiException(RestErrors.OBJECT_NOT_FOUND,
                "Campaign " + id + " not found"));
    }

    private static Map<String, String> tokens(JsonNode input) {
        Map<String, String> tokens = new LinkedHashMap<>();
        JsonNode array = input.path("tokens");
        if (array.isMissingNode() || array.isNull()) {
            return tokens;
        }
        if (!array.isArray()) {
            throw RestApiException.invalid("'input.tokens' must be an array of {name, value}");
        }
        for (JsonNode token : array) {
            String name = LeadWriter.text(token.get("name"));
            if (name == null || !TOKEN_NAME.matcher(name).matches() || !token.has("value")) {
                throw RestApiException.invalid("Each token needs a 'name' formatted as {{my.name}} and a 'value', got " + token);
            }
            tokens.put(name, LeadWriter.text(token.get("value")));
        }
        return tokens;
    }

    /** The campaign record ({@code ResponseOfCampaign}: id, name, type, createdAt, updatedAt, program, workspace). */
    private RestResponse result(Campaign campaign) {
        ArrayNode result = Json.array();
        ObjectNode node = result.addObject();
        node.put("id", campaign.id());
        node.put("name", campaign.name());
        node.put("description", (campaign.trigger() ? "Trigger campaign: Campaign is Requested (Web Service API)"
                : "Batch campaign") + " of program " + campaign.programId());
        node.put("type", campaign.type());
        if (campaign.trigger()) {
            node.put("active", campaign.active());
        }
        node.put("programId", campaign.programId());
        catalog.program(campaign.programId()).ifPresent(program -> node.put("programName", program.name()));
        node.put("workspaceName", LeadStore.DEFAULT_PARTITION);
        node.put("createdAt", Json.date(campaign.createdAt()));
        node.put("updatedAt", Json.date(campaign.createdAt()));
        return RestResponse.envelope(Envelope.success(result));
    }
}
