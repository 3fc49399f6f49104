package io.github.camelmarketo.component.marketo;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of option values an endpoint can make before any call: the munchkinId's shape, the endpoint URLs, and the
 * last-update window, the activity read options. Each failure is an {@link IllegalArgumentException} naming the option and what it accepts.
 */
final class ConfigurationChecks {

    /** Marketo's Munchkin account id, e.g. {@code 123-ABC-456}. */
    private static final Pattern MUNCHKIN_ID = Pattern.compile("\\d{3}-[A-Za-z]{3}-\\d{3}");

    private ConfigurationChecks() {
    }

    /** The options of the activity reads: getLeadActivities needs 1 to 10 activity type ids. */
    static void activities(MarketoConfiguration configuration, MarketoOperation operation) {
        List<Integer> typeIds = configuration.getActivityTypeIdList();
        if (operation == MarketoOperation.getLeadActivities && typeIds.isEmpty()) {
            throw new IllegalArgumentException("Operation getLeadActivities needs option activityTypeIds: 1 to "
                                               + MarketoConfiguration.MAX_ACTIVITY_TYPE_IDS + " comma-separated activity "
                                               + "type ids, e.g. activityTypeIds=12,13 (getActivityTypes lists them)");
        }
        if (typeIds.size() > MarketoConfiguration.MAX_ACTIVITY_TYPE_IDS) {
            throw new IllegalArgumentException("Option activityTypeIds takes at most "
                                               + MarketoConfiguration.MAX_ACTIVITY_TYPE_IDS + " activity type ids (the "
                                               + "vendor's limit per call), got " + typeIds.size() + ": " + typeIds);
        }
    }

    static void check(MarketoConfiguration configuration) {
        String munchkinId = configuration.getMunchkinId();
        if (munchkinId != null && !MUNCHKIN_ID.matcher(munchkinId.trim()).matches()) {
            throw new IllegalArgumentException("Option munchkinId must look like 123-ABC-456 (Admin > Integration > Munchkin), "
                                               + "was '" + munchkinId + "'");
        }
        url("soapEndpoint", configuration.getSoapEndpoint());
        url("restEndpoint", configuration.getRestEndpoint());
        url("identityEndpoint", configuration.getIdentityEndpoint());
        OffsetDateTime oldest = configuration.getOldestUpdatedAt() == null
                ? null : LeadSelectors.time("oldestUpdatedAt", configuration.getOldestUpdatedAt());
        OffsetDateTime latest = configuration.getLatestUpdatedAt() == null
                ? null : LeadSelectors.time("latestUpdatedAt", configuration.getLatestUpdatedAt());
        if (oldest != null && latest != null && !latest.isAfter(oldest)) {
            throw new IllegalArgumentException("Option latestUpdatedAt (" + configuration.getLatestUpdatedAt()
                                               + ") must be after oldestUpdatedAt (" + configuration.getOldestUpdatedAt() + ")");
        }
    }

    private static void url(String option, String value) {
        if (value == null) {
            return;
        }
        String problem;
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            problem = !scheme.equals("http") && !scheme.equals("https") ? "it must start with https:// (or http://)"
                    : uri.getHost() == null ? "it has no host name"
                    : uri.getQuery() != null || uri.getFragment() != null ? "it must not have a query or fragment" : null;
        } catch (URISyntaxException e) {
            problem = e.getReason();
        }
        if (problem != null) {
            // the value is an address, never a secret: it may be shown
            throw new IllegalArgumentException("Option " + option + " is not a usable URL (" + problem + "), was '" + value
                                               + "'");
        }
    }
}
