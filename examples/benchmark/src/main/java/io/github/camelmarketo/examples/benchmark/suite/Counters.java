package io.github.camelmarketo.examples.benchmark.suite;

import java.util.Map;

/**
 * Reads the emulator's counters ({@code "SOAP:syncMultipleLeads"}, {@code "REST:POST /rest/v1/leads.json"},
 * {@code "code:REST:606"}) for one API.
 */
final class Counters {

    /** Rate and concurrency rejections: REST 606 / 615, SOAP 20023 / 20024. */
    static final String[] REJECTIONS = {"606", "615", "20023", "20024"};

    private Counters() {
    }

    /** The emulator's label of a sync call. */
    static String syncLabel(String api) {
        return "soap".equals(api) ? "SOAP:syncMultipleLeads" : "REST:POST /rest/v1/leads.json";
    }

    /** The emulator's label of a read-by-key call. */
    static String readLabel(String api) {
        return "soap".equals(api) ? "SOAP:getMultipleLeads" : "REST:GET /rest/v1/leads.json";
    }

    static long get(Map<String, Long> counters, String key) {
        return counters.getOrDefault(key, 0L);
    }

    /** Every call of the API except identity (token) calls. */
    static long apiCalls(Map<String, Long> counters, String api) {
        String prefix = api.toUpperCase(java.util.Locale.ROOT) + ":";
        return counters.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && !e.getKey().contains("/identity/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Responses with a vendor code, over both APIs (e.g. {@code 606}). */
    static long code(Map<String, Long> counters, String code) {
        return get(counters, "code:SOAP:" + code) + get(counters, "code:REST:" + code);
    }
}
