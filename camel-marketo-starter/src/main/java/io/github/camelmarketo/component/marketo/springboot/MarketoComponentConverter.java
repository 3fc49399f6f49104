package io.github.camelmarketo.component.marketo.springboot;

import java.util.Set;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.springboot.BeanReferenceConverter;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spi.StateRepository;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Binds the object-typed {@code camel.component.marketo.*} properties from bean references: {@code #bean:name} or
 * {@code #name} (for example {@code camel.component.marketo.state-repository=#bean:leadCursor}).
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class MarketoComponentConverter extends BeanReferenceConverter {

    @Override
    protected Set<Class<?>> referenceTypes() {
        return Set.of(MarketoConfiguration.class, StateRepository.class, HttpClientConfigurer.class, CxfConfigurer.class,
                SSLContextParameters.class);
    }
}
