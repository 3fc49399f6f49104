package io.github.camelmarketo.emulator.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of the REST emulator, and Marketo's date format. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; 609 when it is not JSON. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RestApiException(RestErrors.INVALID_JSON, "Invalid JSON: empty request body");
            }
            return node;
        } catch (IOException e) {
            throw new RestApiException(RestErrors.INVALID_JSON, "Invalid JSON");
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a date parameter: {@code 2026-01-01T00:00:00Z}, with an offset ({@code -08:00}), or a plain date
     * (midnight UTC); 1003 naming {@code name} otherwise.
     */
    static Instant parseDate(String name, String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw RestApiException.invalid("Invalid value for '" + name + "': '" + value
                                               + "', expected an ISO-8601 date-time such as 2026-01-01T00:00:00Z");
            }
        }
    }

    /** Marketo's date-time format, {@code 2026-01-01T00:00:00Z}; null stays null. */
    static String date(Instant instant) {
        return instant == null ? null : ISO_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
