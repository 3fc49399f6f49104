package io.github.camelmarketo.emulator.rest;

import java.util.Map;

/** Marketo REST error codes the emulator answers with, and the vendor's standard message for each. */
final class RestErrors {

    static final String ACCESS_TOKEN_INVALID = "601";
    static final String ACCESS_TOKEN_EXPIRED = "602";
    static final String RATE_LIMITED = "606";
    static final String DAILY_QUOTA = "607";
    static final String INVALID_JSON = "609";
    static final String NOT_FOUND = "610";
    static final String SYSTEM_ERROR = "611";
    static final String INVALID_CONTENT_TYPE = "612";
    static final String CONCURRENCY_LIMITED = "615";
    static final String INVALID_VALUE = "1003";
    static final String LEAD_NOT_FOUND = "1004";
    static final String LEAD_EXISTS = "1005";
    static final String FIELD_NOT_FOUND = "1006";
    static final String MULTIPLE_LEADS_MATCH = "1007";
    static final String OBJECT_NOT_FOUND = "1013";
    static final String LEAD_NOT_IN_LIST = "1015";
    static final String TOO_MANY_JOBS = "1029";
    static final String UNSUPPORTED_FILTER = "1035";
    static final String TOO_MANY_MERGE_LEADS = "1080";

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("600", "Access token not specified"),
            Map.entry(ACCESS_TOKEN_INVALID, "Access token invalid"),
            Map.entry(ACCESS_TOKEN_EXPIRED, "Access token expired"),
            Map.entry("603", "Access denied"),
            Map.entry("604", "Request time-out"),
            Map.entry("605", "HTTP Method not supported"),
            Map.entry(RATE_LIMITED, "Max rate limit '100' exceeded with in '20' secs"),
            Map.entry(DAILY_QUOTA, "Daily quota reached"),
            Map.entry("608", "API Temporarily Unavailable"),
            Map.entry(INVALID_JSON, "Invalid JSON"),
            Map.entry(NOT_FOUND, "Requested resource not found"),
            Map.entry(SYSTEM_ERROR, "System error"),
            Map.entry(INVALID_CONTENT_TYPE, "Invalid Content Type"),
            Map.entry("613", "Invalid Multipart Request"),
            Map.entry("614", "Invalid Subscription"),
            Map.entry(CONCURRENCY_LIMITED, "Concurrent access limit reached"),
            Map.entry("616", "Invalid subscription type"),
            Map.entry(INVALID_VALUE, "Invalid request. Please check and try again."),
            Map.entry(LEAD_NOT_FOUND, "Lead not found"),
            Map.entry(LEAD_EXISTS, "Lead already exists"),
            Map.entry(FIELD_NOT_FOUND, "Field not found"),
            Map.entry(MULTIPLE_LEADS_MATCH, "Multiple lead match lookup criteria"),
            Map.entry(OBJECT_NOT_FOUND, "Object not found"),
            Map.entry(LEAD_NOT_IN_LIST, "Lead not in list"),
            Map.entry(TOO_MANY_JOBS, "Too many jobs in queue"),
            Map.entry(UNSUPPORTED_FILTER, "Unsupported filter type for target subscription"),
            Map.entry(TOO_MANY_MERGE_LEADS, "Too many leads to merge, at most 25 losing leads per call"));

    private RestErrors() {
    }

    /** The vendor's message for {@code code}, or a generic one for codes without a table entry. */
    static String message(String code) {
        return MESSAGES.getOrDefault(code, "Error " + code);
    }
}
