package io.github.camelmarketo.emulator.leadsquared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of {@code POST /v2/LeadManagement.svc/Leads/Retrieve/ByIds}, validated as the vendor documents it:
 * {@code SearchParameters.LeadIds} (mandatory, at most {@link LeadSquaredApi#MAX_LEAD_IDS}),
 * {@code Columns.Include_CSV} (mandatory) and {@code Paging{PageIndex, PageSize}} (1-based; when absent, page 1 of
 * {@link LeadSquaredApi#MAX_LEAD_IDS}).
 *
 * @param leadIds  distinct requested ids in request order (as sent; lookups ignore case)
 * @param columns  requested columns in request order
 * @param pageIndex 1-based page
 * @param pageSize  leads per page
 */
record ByIdsRequest(List<String> leadIds, List<String> columns, int pageIndex, int pageSize) {

    static ByIdsRequest parse(ObjectMapper json, byte[] body) throws LeadSquaredError {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw LeadSquaredError.badRequest("The request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw LeadSquaredError.badRequest("The request body must be a JSON object");
        }
        JsonNode ids = root.path("SearchParameters").path("LeadIds");
        if (ids.isMissingNode() || ids.isNull()) {
            throw LeadSquaredError.mandatoryMissing("LeadIds");
        }
        if (!ids.isArray()) {
            throw LeadSquaredError.badRequest("SearchParameters.LeadIds must be an array of lead ids");
        }
        if (ids.isEmpty()) {
            throw LeadSquaredError.mandatoryMissing("LeadIds");
        }
        if (ids.size() > LeadSquaredApi.MAX_LEAD_IDS) {
            throw LeadSquaredError.badRequest("You can retrieve a maximum of " + LeadSquaredApi.MAX_LEAD_IDS
                                              + " leads; LeadIds has " + ids.size());
        }
        Set<String> distinct = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw LeadSquaredError.badRequest("SearchParameters.LeadIds must contain strings, found " + id.getNodeType());
            }
            if (seen.add(id.asText().trim().toLowerCase(Locale.ROOT))) {
                distinct.add(id.asText().trim());
            }
        }
        JsonNode csv = root.path("Columns").path("Include_CSV");
        if (!csv.isTextual() || csv.asText().isBlank()) {
            throw LeadSquaredError.mandatoryMissing("Include_CSV");
        }
        List<String> columns = new ArrayList<>();
        for (String column : csv.asText().split(",")) {
            if (!column.isBlank() && !columns.contains(column.trim())) {
                columns.add(column.trim());
            }
        }
        JsonNode paging = root.path("Paging");
        int pageIndex = intOf(paging, "PageIndex", 1);
        int pageSize = intOf(paging, "PageSize", LeadSquaredApi.MAX_LEAD_IDS);
        if (pageIndex < 1) {
            throw LeadSquaredError.badRequest("Paging.PageIndex must be 1 or more, was " + pageIndex);
        }
        if (pageSize < 1 || pageSize > LeadSquaredApi.MAX_LEAD_IDS) {
            throw LeadSquaredError.badRequest("Paging.PageSize must be between 1 and " + LeadSquaredApi.MAX_LEAD_IDS
                                              + ", was " + pageSize);
        }
        return new ByIdsRequest(List.copyOf(distinct), List.copyOf(columns), pageIndex, pageSize);
    }

    private static int intOf(JsonNode paging, String name, int absent) throws LeadSquaredError {
        JsonNode value = paging.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw LeadSquaredError.badRequest("Paging." + name + " must be an integer, was " + value);
    }
}
