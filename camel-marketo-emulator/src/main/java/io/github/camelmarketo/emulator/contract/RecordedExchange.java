package io.github.camelmarketo.emulator.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One REST call as the emulator saw it: the effective method and parameters (a {@code POST ...?_method=GET} form
 * is recorded as the GET it stands for, its form fields as parameters), the JSON body, and the answer.
 *
 * @param method              effective method (GET, POST, DELETE)
 * @param path                request path, e.g. {@code /rest/v1/lead/1000001.json}
 * @param params              query parameters, plus form fields of a form post, in arrival order
 * @param formPost            whether the parameters came (also) from an {@code x-www-form-urlencoded} body
 * @param requestContentType  request Content-Type or null
 * @param requestBody         request body text (not for form posts) or null when empty
 * @param status              HTTP status answered
 * @param responseContentType response Content-Type
 * @param responseBody        response body bytes
 */
public record RecordedExchange(String method, String path, Map<String, List<String>> params, boolean formPost,
                               String requestContentType, String requestBody, int status, String responseContentType,
                               byte[] responseBody) {

    /** Parameters never shown by {@link #toString()} (the token call's credentials). */
    public static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "access_token");

    /** The response body as UTF-8 text. */
    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    /** Whether the response is JSON (by its Content-Type). */
    public boolean jsonResponse() {
        return responseContentType != null && responseContentType.toLowerCase(Locale.ROOT)
                .startsWith("application/json");
    }

    @Override
    public String toString() {
        Map<String, List<String>> shown = new LinkedHashMap<>(params);
        shown.replaceAll((name, values) -> SECRET_PARAMETERS.contains(name) ? List.of("xxxxxx") : values);
        return method + " " + path + " " + shown + " -> " + status;
    }
}
