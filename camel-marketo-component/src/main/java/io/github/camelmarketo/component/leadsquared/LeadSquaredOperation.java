package io.github.camelmarketo.component.leadsquared;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operations of {@code leadsquared:} endpoints, named by the URI path ({@code leadsquared:getLeadsByIds}), with
 * the vendor path each calls and the vendor's maximum number of ids per request.
 */
public enum LeadSquaredOperation {

    /** "Get Leads in Bulk by Ids": {@code POST /v2/LeadManagement.svc/Leads/Retrieve/ByIds}, at most 10,000 ids. */
    getLeadsByIds("/v2/LeadManagement.svc/Leads/Retrieve/ByIds", 10_000);

    private final String path;
    private final int maxIdsPerRequest;

    LeadSquaredOperation(String path, int maxIdsPerRequest) {
        this.path = path;
        this.maxIdsPerRequest = maxIdsPerRequest;
    }

    /** The vendor API path, starting with {@code /v2}. */
    public String getPath() {
        return path;
    }

    /** The vendor's maximum of ids in one request; longer lists are chunked. */
    public int getMaxIdsPerRequest() {
        return maxIdsPerRequest;
    }

    /** The operation named by a URI path, or an error that lists every valid name. */
    public static LeadSquaredOperation fromPath(String path) {
        for (LeadSquaredOperation op : values()) {
            if (op.name().equals(path)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown LeadSquared operation '" + path + "' in leadsquared:" + path
                                           + ". Valid operations: "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
