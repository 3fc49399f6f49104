package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Method + path-template routing ({@code GET /rest/v1/lead/{leadId}.json}); templates are the OpenAPI paths.
 */
final class Router {

    /** A REST operation: reads the request, answers an envelope (or throws {@link RestApiException}). */
    @FunctionalInterface
    interface Operation {
        RestResponse handle(RestRequest request);
    }

    /** A matched route: the operation, its label {@code "GET /rest/v1/lead/{leadId}.json"} and path variables. */
    record Match(String label, Operation operation, Map<String, String> variables) {
    }

    private record Route(String method, String template, Pattern pattern, List<String> names, Operation operation) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; literal templates must be added before templated ones they overlap with. */
    Router add(String method, String template, Operation operation) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+?)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, operation));
        return this;
    }

    /** The route for {@code method path}, or null (answered with 610). */
    Match match(String method, String path) {
        for (Route route : routes) {
            if (!route.method.equals(method)) {
                continue;
            }
            Matcher m = route.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    variables.put(route.names.get(i), m.group(i + 1));
                }
                return new Match(method + " " + route.template, route.operation, variables);
            }
        }
        return null;
    }
}
