package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code marketo} health indicator ({@code /actuator/health/marketo}) when Spring Boot Actuator is
 * on the class path. Hand-written, beside the generated-shape component auto-configuration.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, MarketoComponent.class })
@ConditionalOnBean(CamelContext.class)
@ConditionalOnEnabledHealthIndicator("marketo")
@EnableConfigurationProperties(MarketoHealthProperties.class)
public class MarketoHealthAutoConfiguration {

    /** Records call outcomes of marketo: endpoints; registered as a Camel event notifier. */
    @Bean
    @ConditionalOnMissingBean
    public MarketoCallRecorder marketoCallRecorder(CamelContext camelContext) {
        MarketoCallRecorder recorder = new MarketoCallRecorder();
        recorder.setCamelContext(camelContext);
        camelContext.getManagementStrategy().addEventNotifier(recorder);
        ServiceHelper.startService(recorder);
        return recorder;
    }

    @Bean
    @ConditionalOnMissingBean
    public MarketoIdentityProbe marketoIdentityProbe(MarketoHealthProperties properties) {
        return new MarketoIdentityProbe(properties.getIdentityCheckInterval(), properties.getIdentityCheckTimeout());
    }

    @Bean(name = "marketoHealthIndicator")
    @ConditionalOnMissingBean(name = "marketoHealthIndicator")
    public MarketoHealthIndicator marketoHealthIndicator(CamelContext camelContext, MarketoIdentityProbe identityProbe,
                                                         MarketoCallRecorder recorder) {
        return new MarketoHealthIndicator(camelContext, identityProbe, recorder);
    }
}
