package io.github.camelmarketo.emulator.rest;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Lead partitions: {@code GET /rest/v1/leads/partitions.json} lists them (one per workspace, the same names SOAP's
 * {@code MktowsContextHeader.targetWorkspace} accepts, ids in name order) and {@code POST} moves at most 300 leads,
 * {@code input[{id, partitionName}]}, one result per record: {@code updated}, or {@code skipped} with 1004 (lead not
 * found) or 1013 (partition not found).
 */
final class PartitionsResource {

    private final LeadStore store;
    private final Supplier<List<String>> partitionNames;

    PartitionsResource(LeadStore store, Supplier<List<String>> partitionNames) {
        this.store = store;
        this.partitionNames = partitionNames;
    }

    void register(Router router) {
        router.add("GET", "/rest/v1/leads/partitions.json", this::partitions)
                .add("POST", "/rest/v1/leads/partitions.json", this::update);
    }

    RestResponse partitions(RestRequest request) {
        ArrayNode result = Json.array();
        List<String> names = partitionNames.get();
        for (int i = 0; i < names.size(); i++) {
            ObjectNode node = result.addObject();
            node.put("id", i + 1);
            node.put("name", names.get(i));
            node.put("description", names.get(i) + " partition");
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    RestResponse update(RestRequest request) {
        List<String> names = partitionNames.get();
        ArrayNode result = Json.array();
        for (JsonNode record : LeadSync.input(request.json())) {
            JsonNode idNode = record.get("id");
            String partition = LeadWriter.text(record.get("partitionName"));
            if (idNode == null || !idNode.canConvertToInt() || partition == null || partition.isBlank()) {
                throw RestApiException.invalid("Each input record needs an integer 'id' and a 'partitionName', got " + record);
            }
            int id = idNode.asInt();
            String canonical = names.stream().filter(n -> n.equalsIgnoreCase(partition.trim())).findFirst().orElse(null);
            if (store.findById(id).isEmpty()) {
                result.add(LeadIds.skipped(id, RestErrors.LEAD_NOT_FOUND, RestErrors.message(RestErrors.LEAD_NOT_FOUND)));
            } else if (canonical == null) {
                result.add(LeadIds.skipped(id, RestErrors.OBJECT_NOT_FOUND, "Partition '" + partition + "' not found"));
            } else {
                store.update(id, lead -> lead.setPartition(canonical));
                result.add(LeadSync.status(id, "updated"));
            }
        }
        return RestResponse.envelope(Envelope.success(result));
    }
}
