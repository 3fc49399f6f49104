package io.github.camelmarketo.examples.benchmark.tasks;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.examples.benchmark.suite.LimitSpec;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** A CamelContext with the {@code marketo} component pointed at the emulator, as a user would configure it. */
final class ComponentSetup {

    /** The emulator's fixed test credentials (printed in its banner; accepted by the emulator only). */
    static final String SOAP_USER_ID = "emulator1_0123456789ABCDEF";
    static final String SOAP_ENCRYPTION_KEY = "emulator-encryption-key-0123456789";
    static final String CLIENT_ID = "emulator-client-id";
    static final String CLIENT_SECRET = "emulator-client-secret";

    private ComponentSetup() {
    }

    static CamelContext context(TaskSpec spec) {
        CamelContext context = new DefaultCamelContext();
        MarketoComponent component = new MarketoComponent();
        MarketoConfiguration configuration = component.getConfiguration();
        String base = spec.baseUrl();
        if (spec.soap()) {
            configuration.setApi(MarketoApi.soap);
            configuration.setUserId(SOAP_USER_ID);
            configuration.setEncryptionKey(SOAP_ENCRYPTION_KEY);
            configuration.setSoapEndpoint(base + "/soap/mktows/2_x");
        } else {
            configuration.setApi(MarketoApi.rest);
            configuration.setClientId(CLIENT_ID);
            configuration.setClientSecret(CLIENT_SECRET);
            configuration.setRestEndpoint(base + "/rest");
            configuration.setIdentityEndpoint(base + "/identity");
        }
        configuration.setExtractPollInterval(200);
        LimitSpec limits = LimitSpec.parse(spec.clientLimits());
        configuration.setRateLimitCalls(limits.calls());
        configuration.setRateLimitWindow(limits.isOn() ? limits.windowMillis() : 20_000);
        configuration.setMaxConcurrentCalls(limits.concurrent());
        context.addComponent("marketo", component);
        return context;
    }
}
