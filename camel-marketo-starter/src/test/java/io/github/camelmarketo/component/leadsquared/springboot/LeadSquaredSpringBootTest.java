package io.github.camelmarketo.component.leadsquared.springboot;

import java.util.List;

import io.github.camelmarketo.component.leadsquared.LeadSquaredComponent;
import io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration;
import io.github.camelmarketo.component.leadsquared.LeadSquaredLead;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.leadsquared.*} properties configure the component in a real Spring Boot context, and a route
 * retrieves leads from the emulator's LeadSquared API with them.
 */
@CamelSpringBootTest
@DirtiesContext
@SpringBootApplication
@SpringBootTest(classes = { LeadSquaredSpringBootTest.class, LeadSquaredSpringBootTest.Routes.class },
                properties = { "camel.component.leadsquared.page-size=7", "camel.component.leadsquared.rate-limit-window=2s",
                        "camel.component.leadsquared.columns=EmailAddress" })
class LeadSquaredSpringBootTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(30));

    @DynamicPropertySource
    static void leadSquared(DynamicPropertyRegistry registry) {
        registry.add("camel.component.leadsquared.base-url", () -> emulator.get().getLeadSquaredUrl());
        registry.add("camel.component.leadsquared.access-key", () -> emulator.get().getLeadSquaredAccessKey());
        registry.add("camel.component.leadsquared.secret-key", () -> emulator.get().getLeadSquaredSecretKey());
    }

    @Configuration
    static class Routes {
        @Bean
        RouteBuilder leadSquaredRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:byIds").to("leadsquared:getLeadsByIds");
                }
            };
        }
    }

    @Autowired
    private CamelContext context;
    @Autowired
    private ProducerTemplate template;

    @Test
    void propertiesReachTheComponent() {
        LeadSquaredConfiguration configuration = context.getComponent("leadsquared", LeadSquaredComponent.class).getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo(emulator.get().getLeadSquaredUrl());
        assertThat(configuration.getPageSize()).isEqualTo(7);
        assertThat(configuration.getRateLimitWindow()).isEqualTo(2_000L);
        assertThat(configuration.getRateLimitCalls()).isEqualTo(25);
        assertThat(configuration.getColumns()).isEqualTo("EmailAddress");
    }

    @Test
    void routeRetrievesLeadsInInputOrderAcrossPages() {
        List<String> ids = java.util.stream.IntStream.of(12, 3, 25, 0, 7, 9, 1, 20, 4)
                .mapToObj(i -> LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID + i)).toList();

        @SuppressWarnings("unchecked")
        List<LeadSquaredLead> leads = template.requestBody("direct:byIds", ids, List.class);

        assertThat(leads).extracting(lead -> lead.getId().toString()).containsExactlyElementsOf(ids);
        assertThat(leads.get(0).get("EmailAddress")).isEqualTo("lead13@example.com");
    }
}
