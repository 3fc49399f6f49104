package io.github.camelmarketo.component.marketo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import org.apache.camel.Converter;

/**
 * Camel type converters to the model, so routes may send a {@code Map} or JSON instead of a {@link Lead}. Map keys
 * {@code id}, {@code email}, {@code foreignSysPersonId} and {@code foreignSysType} (any case) are the identifying
 * fields; every other key is an attribute.
 */
@Converter(generateLoader = true)
public final class MarketoTypeConverters {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MarketoTypeConverters() {
    }

    @Converter
    public static Lead toLead(Map<?, ?> map) {
        Lead lead = new Lead();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value != null && value.getClass().isArray()) {
                throw new IllegalArgumentException("Lead field '" + key + "' has a value of type "
                                                   + value.getClass().getName() + ": field values are text, numbers, "
                                                   + "booleans or dates, not nested objects or lists");
            }
            String text = value == null ? null : value.toString();
            switch (key.toLowerCase(Locale.ROOT)) {
                case "id" -> lead.setId(text == null || text.isBlank() ? null : parseId(text));
                case "email" -> lead.setEmail(text);
                case "foreignsyspersonid" -> lead.setForeignSysPersonId(text);
                case "foreignsystype" -> lead.setForeignSysType(text);
                default -> lead.set(key, text);
            }
        }
        return lead;
    }

    /** A JSON object such as {@code {"email":"a@b.com","firstName":"Ada"}}. */
    @Converter
    public static Lead toLead(String json) {
        try {
            return toLead(MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read a lead from the body: expected a JSON object such as "
                                               + "{\"email\":\"a@example.com\",\"firstName\":\"Ada\"} (" + e.getOriginalMessage() + ")",
                    e);
        }
    }

    /** A JSON array of lead objects. */
    public static List<Lead> toLeads(String json) {
        try {
            List<Map<String, Object>> maps = MAPPER.readValue(json, new TypeReference<List<Map<String, Object>>>() {
            });
            List<Lead> leads = new ArrayList<>(maps.size());
            maps.forEach(m -> leads.add(toLead(m)));
            return leads;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read leads from the body: expected a JSON array of objects ("
                                               + e.getOriginalMessage() + ")", e);
        }
    }

    /** A lead id as an IDNUM key. */
    @Converter
    public static LeadKey toLeadKey(Long id) {
        return LeadKey.id(id);
    }

    private static Long parseId(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Lead field id must be a number, was '" + text + "'", e);
        }
    }
}
