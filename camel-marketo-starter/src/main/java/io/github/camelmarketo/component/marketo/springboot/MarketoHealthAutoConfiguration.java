package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.actuate.health.CamelHealthCheckAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code marketo} health indicator ({@code /actuator/health/marketo}), a view of the component's Camel
 * health checks, when Spring Boot Actuator is on the class path. Turn it off with
 * {@code management.health.marketo.enabled=false}. Hand-written, beside the generated-shape component
 * auto-configuration.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, CamelHealthCheckAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, MarketoComponent.class })
@ConditionalOnBean(CamelContext.class)
@ConditionalOnEnabledHealthIndicator("marketo")
public class MarketoHealthAutoConfiguration {

    @Bean(name = "marketoHealthIndicator")
    @ConditionalOnMissingBean(name = "marketoHealthIndicator")
    public MarketoHealthIndicator marketoHealthIndicator(CamelContext camelContext) {
        return new MarketoHealthIndicator(camelContext);
    }
}
