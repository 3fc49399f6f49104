package io.github.camelmarketo.emulator.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A known place where the OpenAPI document does not describe what the vendor sends, and how the checker reads it
 * instead: the member at {@code pointer} in the document is replaced by {@code replacement}, or removed when
 * {@code replacement} is null.
 *
 * @param pointer     JSON pointer into the document, e.g. {@code /definitions/Attribute/properties/value}
 * @param replacement the schema used instead, or null to remove the member
 * @param reason      why
 */
public record SpecGap(String pointer, JsonNode replacement, String reason) {
}
