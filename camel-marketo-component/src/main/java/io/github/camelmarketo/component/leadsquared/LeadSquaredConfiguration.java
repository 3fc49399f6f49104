package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelmarketo.component.support.CallPolicyConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * URI options of {@code leadsquared:} endpoints. The component holds one instance whose values are defaults; every
 * endpoint gets a {@link #copy()} that its URI options change. A data holder plus {@link #validate}: the client is built
 * from it.
 */
@UriParams
public class LeadSquaredConfiguration extends CallPolicyConfiguration implements Cloneable {

    public LeadSquaredConfiguration() {
        // the vendor's documented limit: 25 calls per 5 s per account
        super(25, 5000);
    }


    /** Vendor maximum for the ByIds call, for ids per request and for the page size. */
    static final int VENDOR_MAXIMUM = 10_000;
    static final String DEFAULT_COLUMNS = "ProspectId,FirstName,LastName,EmailAddress,Phone,ProspectStage,CreatedOn,ModifiedOn";

    @UriParam(label = "common")
    private String host;
    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security", defaultValue = "true")
    private boolean keysInHeaders = true;
    @UriParam(label = "producer", defaultValue = DEFAULT_COLUMNS)
    private String columns = DEFAULT_COLUMNS;
    @UriParam(label = "producer", defaultValue = "10000")
    private int pageSize = VENDOR_MAXIMUM;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean fetchAll;
    @UriParam(label = "producer,advanced", defaultValue = "10000")
    private int maxIdsPerRequest = VENDOR_MAXIMUM;

    public String getHost() {
        return host;
    }

    /**
     * The account's regional API host, e.g. api.leadsquared.com, api-in21.leadsquared.com or
     * api-us11.leadsquared.com; calls go to https://{host}. Not needed when baseUrl is set.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Overrides https://{host} with a full base URL (scheme://host[:port], no path), e.g. a proxy or the
     * emulator's http://127.0.0.1:PORT.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * LeadSquared access key (sent as the x-LSQ-AccessKey header, or the accessKey query parameter with
     * keysInHeaders=false). Prefer setting it on the component.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * LeadSquared secret key (sent as the x-LSQ-SecretKey header, or the secretKey query parameter with
     * keysInHeaders=false). Prefer setting it on the component.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public boolean isKeysInHeaders() {
        return keysInHeaders;
    }

    /**
     * Send the keys as the headers x-LSQ-AccessKey and x-LSQ-SecretKey (the default, which the vendor recommends), so
     * they are not part of any request URI, proxy or access log. false sends them as the accessKey and secretKey query
     * parameters instead.
     */
    public void setKeysInHeaders(boolean keysInHeaders) {
        this.keysInHeaders = keysInHeaders;
    }

    public String getColumns() {
        return columns;
    }

    /**
     * Comma-separated lead columns to retrieve (the vendor's mandatory Include_CSV); ProspectId is
     * always added because results are matched to the requested ids by it.
     */
    public void setColumns(String columns) {
        this.columns = columns;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * Leads per response page (Paging.PageSize), 1 to 10000. Pages are requested until one comes back shorter than
     * pageSize; with pageSize at least maxIdsPerRequest (the defaults) every request is a single call.
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isFetchAll() {
        return fetchAll;
    }

    /**
     * Return an Iterator of leads that fetches one request's worth of ids at a time while it is consumed (memory bounded
     * by maxIdsPerRequest leads) instead of a List of all leads. Use it with a streaming split.
     */
    public void setFetchAll(boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public int getMaxIdsPerRequest() {
        return maxIdsPerRequest;
    }

    /**
     * Ids sent per request, 1 to 10000 (the vendor maximum); longer id lists are split into requests of this size. With
     * the default pageSize a request costs one call, so 10000 ids cost one call.
     */
    public void setMaxIdsPerRequest(int maxIdsPerRequest) {
        this.maxIdsPerRequest = maxIdsPerRequest;
    }

    /** {@code baseUrl}, else {@code https://{host}}; without a trailing slash. */
    public String resolveBaseUrl() {
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl.trim() : "https://" + host.trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The columns option as a list with {@code ProspectId} first if it was not named. */
    public static List<String> columnList(String csv) {
        List<String> list = new ArrayList<>();
        if (csv != null) {
            for (String column : csv.split(",")) {
                if (!column.isBlank()) {
                    list.add(column.trim());
                }
            }
        }
        if (list.stream().noneMatch(c -> c.equalsIgnoreCase("ProspectId"))) {
            list.add(0, "ProspectId");
        }
        return list;
    }

    /** Checks the options before any network call; the message names the option and its allowed values. */
    public void validate() {
        boolean hasBaseUrl = baseUrl != null && !baseUrl.isBlank();
        if (!hasBaseUrl && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("Set host (the account's API host, e.g. api-in21.leadsquared.com) or baseUrl");
        }
        if (hasBaseUrl) {
            String lower = baseUrl.trim().toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("https://") || lower.startsWith("http://")) || lower.contains("?")) {
                throw new IllegalArgumentException("baseUrl must be http(s)://host[:port] without query, was " + baseUrl);
            }
        } else if (host.contains("/") || host.contains("?")) {
            throw new IllegalArgumentException("host must be a host name such as api-in21.leadsquared.com (no scheme or path), was "
                                               + host + "; use baseUrl for a full URL");
        }
        requireSecureUrl("baseUrl", baseUrl);
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("accessKey and secretKey are required (set them on the component, "
                                               + "e.g. camel.component.leadsquared.access-key / secret-key)");
        }
        if (columns == null || columns.isBlank()) {
            throw new IllegalArgumentException("columns must name at least one lead column (the vendor's Include_CSV)");
        }
        requireRange("pageSize", pageSize, 1, VENDOR_MAXIMUM);
        requireRange("maxIdsPerRequest", maxIdsPerRequest, 1, VENDOR_MAXIMUM);
        validateCallPolicy();
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** A copy whose changes do not affect this configuration. */
    public LeadSquaredConfiguration copy() {
        try {
            // every field is immutable or shared on purpose (httpClientConfigurer), so clone() is enough
            return (LeadSquaredConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "LeadSquaredConfiguration[host=" + host + ", baseUrl=" + baseUrl + ", accessKey=" + mask(accessKey)
               + ", secretKey=" + mask(secretKey) + ", columns=" + columns + ", pageSize=" + pageSize + ", fetchAll=" + fetchAll
               + ", " + describeCallPolicy() + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "xxxxxx";
    }
}
