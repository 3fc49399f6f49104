package io.github.camelmarketo.emulator.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every call the emulator answered, by API + operation and by API + outcome code, so tests can assert
 * "no 606 seen" or "N calls made". Outcome codes are the vendor's: {@code "200"} for success, REST error codes such
 * as {@code "606"}, SOAP fault codes such as {@code "20014"}, HTTP statuses such as {@code "429"} or {@code "414"}.
 */
public final class CallCounters {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();

    /** Records one answered call. */
    public void record(Api api, String operation, String code) {
        byOperation.computeIfAbsent(api + ":" + operation, k -> new LongAdder()).increment();
        byCode.computeIfAbsent(api + ":" + code, k -> new LongAdder()).increment();
    }

    /** Calls answered for {@code operation} (e.g. {@code "syncMultipleLeads"}, {@code "POST /rest/v1/leads.json"}). */
    public long calls(Api api, String operation) {
        LongAdder adder = byOperation.get(api + ":" + operation);
        return adder == null ? 0 : adder.sum();
    }

    /** All calls answered for {@code api}. */
    public long calls(Api api) {
        return sum(byOperation, api);
    }

    /** Calls of {@code api} answered with {@code code} ({@code "200"}, {@code "606"}, {@code "20014"}, ...). */
    public long responses(Api api, String code) {
        LongAdder adder = byCode.get(api + ":" + code);
        return adder == null ? 0 : adder.sum();
    }

    /** Responses with {@code code} summed over all APIs. */
    public long responses(String code) {
        long total = 0;
        for (Api api : Api.values()) {
            total += responses(api, code);
        }
        return total;
    }

    /** Sorted copy of all counters, {@code "SOAP:getLead" -> 3}, {@code "code:REST:606" -> 0}, for reports. */
    public Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        byOperation.forEach((k, v) -> result.put(k, v.sum()));
        byCode.forEach((k, v) -> result.put("code:" + k, v.sum()));
        return result;
    }

    public void reset() {
        byOperation.clear();
        byCode.clear();
    }

    private static long sum(Map<String, LongAdder> map, Api api) {
        String prefix = api + ":";
        long total = 0;
        for (Map.Entry<String, LongAdder> e : map.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                total += e.getValue().sum();
            }
        }
        return total;
    }
}
