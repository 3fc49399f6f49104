package io.github.camelmarketo.component.marketo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import static io.github.camelmarketo.component.marketo.ProducerSupport.chunks;
import static io.github.camelmarketo.component.marketo.ProducerSupport.leadIds;
import static io.github.camelmarketo.component.marketo.ProducerSupport.syncResults;

/**
 * Producer handlers of the program and smart campaign operations: changeProgramStatus (300 members per call),
 * requestCampaign (a trigger campaign, 100 leads per call) and scheduleCampaign (a batch campaign). Every input is
 * checked before the first call: ids, the program/campaign id, the status, token names ({@code {{my.name}}}).
 */
final class ProgramCampaignOperations {

    private static final Pattern TOKEN_NAME = Pattern.compile("\\{\\{my\\.[^{}]+}}");

    private ProgramCampaignOperations() {
    }

    /** Body: lead ids. Program: header or option programId; status: header or option programStatus. */
    static void changeProgramStatus(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        MarketoOperation operation = MarketoOperation.changeProgramStatus;
        Message message = exchange.getMessage();
        List<Long> ids = leadIds(exchange, operation);
        long programId = id(message, MarketoConstants.PROGRAM_ID, config.getProgramId(), operation, "programId");
        String status = message.getHeader(MarketoConstants.PROGRAM_STATUS, config.getProgramStatus(), String.class);
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("changeProgramStatus needs the new status: header " + MarketoConstants.PROGRAM_STATUS
                                               + " or option programStatus (one of the program channel's statuses, e.g. Registered)");
        }
        syncResults(exchange, operation, ids, chunk -> rest.changeProgramStatus(programId, status.trim(), chunk));
    }

    /** Body: lead ids (100 per call). Out: the campaign id; header CamelMarketoFailedCount 0. */
    static void requestCampaign(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        MarketoOperation operation = MarketoOperation.requestCampaign;
        Message message = exchange.getMessage();
        List<Long> ids = leadIds(exchange, operation);
        long campaignId = id(message, MarketoConstants.CAMPAIGN_ID, config.getCampaignId(), operation, "campaignId");
        Map<String, String> tokens = tokens(message, operation);
        for (List<Long> chunk : chunks(ids, operation.getChunkLimit())) {
            rest.requestCampaign(campaignId, chunk, tokens);
        }
        message.setBody(campaignId);
    }

    /** Body: ignored; the run time comes from header CamelMarketoRunAt. Out: the campaign id. */
    static void scheduleCampaign(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        MarketoOperation operation = MarketoOperation.scheduleCampaign;
        Message message = exchange.getMessage();
        long campaignId = id(message, MarketoConstants.CAMPAIGN_ID, config.getCampaignId(), operation, "campaignId");
        Instant runAt = instant(message.getHeader(MarketoConstants.RUN_AT));
        Map<String, String> tokens = tokens(message, operation);
        rest.scheduleCampaign(campaignId, runAt, tokens);
        message.setBody(campaignId);
    }

    private static long id(Message message, String header, Long option, MarketoOperation operation, String optionName) {
        Long id = message.getHeader(header, option, Long.class);
        if (id == null) {
            throw new IllegalArgumentException(operation + " needs the " + optionName.replace("Id", " id") + ": header "
                                               + header + " or option " + optionName);
        }
        return id;
    }

    private static Map<String, String> tokens(Message message, MarketoOperation operation) {
        Object value = message.getHeader(MarketoConstants.CAMPAIGN_TOKENS);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(operation + ": header " + MarketoConstants.CAMPAIGN_TOKENS
                                               + " must be a Map of token name ({{my.name}}) to value, got "
                                               + value.getClass().getName());
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        map.forEach((name, tokenValue) -> {
            String text = name == null ? "" : name.toString();
            if (!TOKEN_NAME.matcher(text).matches()) {
                throw new IllegalArgumentException(operation + ": token name '" + text + "' in header "
                                                   + MarketoConstants.CAMPAIGN_TOKENS + " must look like {{my.name}}");
            }
            tokens.put(text, tokenValue == null ? "" : tokenValue.toString());
        });
        return tokens;
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof java.time.temporal.TemporalAccessor t && !(value instanceof java.time.LocalDateTime)) {
            try {
                return Instant.from(t);
            } catch (java.time.DateTimeException e) {
                // reported below
            }
        }
        if (value instanceof String s) {
            try {
                return java.time.OffsetDateTime.parse(s.trim()).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("scheduleCampaign: header " + MarketoConstants.RUN_AT + " must be an Instant, a "
                                           + "Date, an OffsetDateTime/ZonedDateTime or an ISO-8601 String with offset "
                                           + "(2026-03-01T09:00:00Z), got '" + value + "'");
    }
}
