package io.github.camelmarketo.component.leadsquared.springboot;

import io.github.camelmarketo.component.leadsquared.LeadSquaredComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.leadsquared.*} properties to the {@code leadsquared} component Camel resolves. Off
 * when {@code camel.component.leadsquared.enabled=false} (or {@code camel.component.enabled=false}); the customizer
 * is skipped when {@code camel.component[.leadsquared].customizer.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, LeadSquaredComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.leadsquared" })
@AutoConfigureAfter({ CamelAutoConfiguration.class, LeadSquaredComponentConverter.class })
public class LeadSquaredComponentAutoConfiguration {

    @Autowired
    private ApplicationContext applicationContext;
    private final CamelContext camelContext;
    @Autowired
    private LeadSquaredComponentConfiguration configuration;

    public LeadSquaredComponentAutoConfiguration(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureLeadSquaredComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.leadsquared.customizer")
                        && target instanceof LeadSquaredComponent;
            }
        };
    }
}
