package io.github.camelmarketo.examples.quickstart;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmarketo.emulator.MarketoEmulator;

/**
 * Where the quickstart sends its calls. With {@code MARKETO_MUNCHKIN_ID} or credentials in the environment, a real
 * Marketo instance; otherwise an emulator started in this process. Either way the result is a set of
 * {@code camel.component.marketo.*} properties, so the routes never know the difference.
 *
 * <p>
 * Environment variables: {@code MARKETO_MUNCHKIN_ID}, REST {@code MARKETO_CLIENT_ID} + {@code MARKETO_CLIENT_SECRET},
 * SOAP {@code MARKETO_USER_ID} + {@code MARKETO_ENCRYPTION_KEY}, optional {@code MARKETO_API} ({@code rest} or
 * {@code soap}; in emulator mode it picks the API to emulate, default rest) and optional endpoint overrides
 * {@code MARKETO_SOAP_ENDPOINT}, {@code MARKETO_REST_ENDPOINT}, {@code MARKETO_IDENTITY_ENDPOINT}.
 */
final class MarketoConnection implements AutoCloseable {

    private static final String PREFIX = "camel.component.marketo.";
    private static final Map<String, String> ENV_TO_OPTION = Map.of(
            "MARKETO_MUNCHKIN_ID", "munchkin-id",
            "MARKETO_CLIENT_ID", "client-id",
            "MARKETO_CLIENT_SECRET", "client-secret",
            "MARKETO_USER_ID", "user-id",
            "MARKETO_ENCRYPTION_KEY", "encryption-key",
            "MARKETO_API", "api",
            "MARKETO_SOAP_ENDPOINT", "soap-endpoint",
            "MARKETO_REST_ENDPOINT", "rest-endpoint",
            "MARKETO_IDENTITY_ENDPOINT", "identity-endpoint");

    private final Map<String, String> properties;
    private final MarketoEmulator emulator;
    private final String description;

    private MarketoConnection(Map<String, String> properties, MarketoEmulator emulator, String description) {
        this.properties = properties;
        this.emulator = emulator;
        this.description = description;
    }

    /** A real instance when the environment names one, else a freshly started emulator seeded with {@code leads} leads. */
    static MarketoConnection fromEnvironment(Map<String, String> env, int leads) {
        boolean real = ENV_TO_OPTION.keySet().stream()
                .filter(name -> !name.equals("MARKETO_API"))
                .anyMatch(name -> isSet(env.get(name)));
        String api = isSet(env.get("MARKETO_API")) ? env.get("MARKETO_API").trim() : null;
        Map<String, String> properties = new LinkedHashMap<>();
        if (real) {
            ENV_TO_OPTION.forEach((name, option) -> {
                if (isSet(env.get(name))) {
                    properties.put(PREFIX + option, env.get(name).trim());
                }
            });
            return new MarketoConnection(properties, null,
                    "Marketo instance " + env.getOrDefault("MARKETO_MUNCHKIN_ID", "(endpoints from the environment)")
                                                          + (api != null ? " over " + api : ""));
        }
        MarketoEmulator emulator = MarketoEmulator.builder().leads(leads).build().start();
        boolean soap = "soap".equalsIgnoreCase(api);
        properties.put(PREFIX + "api", soap ? "soap" : "rest");
        if (soap) {
            properties.put(PREFIX + "soap-endpoint", emulator.getSoapEndpoint());
            properties.put(PREFIX + "user-id", emulator.getSoapUserId());
            properties.put(PREFIX + "encryption-key", emulator.getSoapEncryptionKey());
        } else {
            properties.put(PREFIX + "rest-endpoint", emulator.getRestEndpoint());
            properties.put(PREFIX + "identity-endpoint", emulator.getIdentityEndpoint());
            properties.put(PREFIX + "client-id", emulator.getClientId());
            properties.put(PREFIX + "client-secret", emulator.getClientSecret());
        }
        return new MarketoConnection(properties, emulator, "the embedded emulator at " + emulator.getBaseUrl()
                                                         + " (" + (soap ? "SOAP" : "REST") + " API, " + leads
                                                         + " seeded leads; set MARKETO_MUNCHKIN_ID and credentials to use a real instance)");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** {@code camel.component.marketo.*} properties for Camel Main. They hold secrets: never log them. */
    Map<String, String> componentProperties() {
        return properties;
    }

    boolean emulated() {
        return emulator != null;
    }

    /** Secret-free description for the log. */
    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.stop();
        }
    }
}
