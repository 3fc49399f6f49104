package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds the component's call statistics to Micrometer when Micrometer is on the class path. The meters are named
 * {@code marketo.*}, so Spring Boot's standard meter filters select them: {@code management.metrics.enable.marketo=false}
 * turns them all off, {@code management.metrics.enable.marketo.throttled=false} one family. Hand-written, beside the
 * generated-shape component auto-configuration.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class,
                   afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MarketoCallStats.class })
@ConditionalOnBean(CamelContext.class)
public class MarketoMetricsAutoConfiguration {

    /** A MeterBinder (Spring Boot binds it to every registry) that is also a Camel event notifier. */
    @Bean
    @ConditionalOnMissingBean
    public MarketoCallStatsMetrics marketoCallStatsMetrics(CamelContext camelContext) {
        MarketoCallStatsMetrics metrics = new MarketoCallStatsMetrics(camelContext);
        camelContext.getManagementStrategy().addEventNotifier(metrics);
        ServiceHelper.startService(metrics);
        return metrics;
    }
}
