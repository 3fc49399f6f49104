package io.github.camelmarketo.emulator.rest;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RestLongUrlTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(200).maxUrlLength(1024));

    @Test
    void longGetIs414AndPostWithMethodGetWorks() {
        RestCalls rest = new RestCalls(emulator.get());
        String query = "filterType=email&fields=email,company&filterValues=" + RestCalls.enc(IntStream.rangeClosed(1, 100)
                .mapToObj(i -> "lead" + i + "@example.com").collect(Collectors.joining(",")));

        HttpResponse<String> tooLong = rest.get("/rest/v1/leads.json?" + query);
        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(emulator.get().counters().responses(Api.REST, "414")).isEqualTo(1);
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/leads.json")).isEqualTo(1);

        JsonNode envelope = RestCalls.json(rest.postForm("/rest/v1/leads.json?_method=GET", query));
        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        assertThat(envelope.path("result")).hasSize(100);
        assertThat(envelope.path("result").get(0).has("company")).isTrue();
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/leads.json")).isEqualTo(2);
    }

    @Test
    void methodGetInTheBodyWorksForEveryGet() {
        RestCalls rest = new RestCalls(emulator.get());
        JsonNode envelope = RestCalls.json(rest.postForm("/rest/v1/leads/describe.json", "_method=GET"));
        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        assertThat(envelope.path("result").size()).isGreaterThan(5);
    }
}
