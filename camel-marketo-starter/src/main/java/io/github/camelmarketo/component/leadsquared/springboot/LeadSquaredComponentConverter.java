package io.github.camelmarketo.component.leadsquared.springboot;

import java.util.Set;

import io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration;
import io.github.camelmarketo.component.springboot.BeanReferenceConverter;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Binds the object-typed {@code camel.component.leadsquared.*} properties from bean references: {@code #bean:name}
 * or {@code #name}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class LeadSquaredComponentConverter extends BeanReferenceConverter {

    @Override
    protected Set<Class<?>> referenceTypes() {
        return Set.of(LeadSquaredConfiguration.class, HttpClientConfigurer.class,
                SSLContextParameters.class);
    }
}
