package io.github.camelmarketo.examples.springboot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.camelmarketo.examples.quickstart.QuickstartSummary;
import io.github.camelmarketo.examples.quickstart.SyncLeadsRoute;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The quickstart as a Spring Boot application: {@code camel-marketo-starter} configures the {@code marketo}
 * component from {@code application.yaml}; the routes are the quickstart's (the Java DSL sync route as a bean, the
 * YAML DSL stream route found by {@code camel.main.routes-include-pattern}). The {@code emulator} profile (the
 * default) runs against an emulator in this process; the {@code marketo} profile against a real instance.
 */
@SpringBootApplication
public class MarketoSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MarketoSpringBootApplication.class);
        // the stream route reads leads updated since a little before start-up (margin for clock skew)
        application.setDefaultProperties(Map.of("quickstart.since",
                Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                "quickstart.extract-poll-interval", "5000"));
        application.run(args);
    }

    /** Counts sync results and streamed leads; the routes call it as bean {@code summary}. */
    @Bean
    QuickstartSummary summary() {
        return new QuickstartSummary();
    }

    @Bean
    RouteBuilder syncLeadsRoute() {
        return new SyncLeadsRoute();
    }
}
