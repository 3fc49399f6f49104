package io.github.camelmarketo.emulator.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the emulator's activity endpoints page by page, as a client of the feed would. */
final class ActivityFeed {

    /** Every record of a read from the token to the end, and the number of pages it took. */
    record Result(List<JsonNode> records, int pages, int emptyPagesWithMore, String lastToken) {
    }

    private final RestCalls rest;

    ActivityFeed(RestCalls rest) {
        this.rest = rest;
    }

    String token(Instant since) {
        JsonNode envelope = rest.getJson("/rest/v1/activities/pagingtoken.json?sinceDatetime="
                                         + RestCalls.enc(since.toString()));
        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        return envelope.path("nextPageToken").asText();
    }

    /** Follows {@code nextPageToken} until {@code moreResult} is false; {@code query} is the rest of the query. */
    Result readAll(String endpoint, String token, String query) {
        List<JsonNode> records = new ArrayList<>();
        int pages = 0;
        int empty = 0;
        String next = token;
        while (true) {
            JsonNode page = page(endpoint, next, query);
            assertThat(page.path("success").asBoolean()).as(page.toString()).isTrue();
            pages++;
            page.path("result").forEach(records::add);
            assertThat(page.has("nextPageToken")).as("every page carries the token to go on from").isTrue();
            next = page.path("nextPageToken").asText();
            if (!page.path("moreResult").asBoolean()) {
                return new Result(records, pages, empty, next);
            }
            if (page.path("result").isEmpty()) {
                empty++;
            }
            assertThat(pages).as("pages").isLessThan(10_000);
        }
    }

    JsonNode page(String endpoint, String token, String query) {
        return rest.getJson("/rest/v1/activities" + endpoint + "?nextPageToken=" + RestCalls.enc(token)
                            + (query.isEmpty() ? "" : "&" + query));
    }
}
