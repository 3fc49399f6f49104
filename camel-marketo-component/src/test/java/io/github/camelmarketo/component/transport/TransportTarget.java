package io.github.camelmarketo.component.transport;

import java.util.List;
import java.util.function.Consumer;

import io.github.camelmarketo.component.leadsquared.LeadSquaredComponent;
import io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.support.CallPolicyConfiguration;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The three transports under test (marketo REST, marketo SOAP, leadsquared), each as a component pointed at a base
 * URL (the emulator, or a TLS front or proxy of it) with the emulator's credentials, and one read call.
 */
enum TransportTarget {

    REST(Api.REST, 2), SOAP(Api.SOAP, 1), LEADSQUARED(Api.LEADSQUARED, 1);

    private final Api api;
    private final int callsPerRead;

    TransportTarget(Api api, int callsPerRead) {
        this.api = api;
        this.callsPerRead = callsPerRead;
    }

    /** Emulator calls one {@link #read} makes with a new component: REST also fetches its token. */
    int callsPerRead() {
        return callsPerRead;
    }

    /** Calls the emulator has counted for this transport's API. */
    long emulatorCalls(MarketoEmulator emulator) {
        return emulator.counters().calls(api);
    }

    /**
     * Adds a component named {@code name} that calls {@code baseUrl} (scheme://host:port) with the emulator's
     * credentials, after {@code options} changed its configuration.
     */
    void addComponent(CamelContext context, String name, MarketoEmulator emulator, String baseUrl,
                      Consumer<CallPolicyConfiguration> options) {
        Component component;
        if (this == LEADSQUARED) {
            LeadSquaredComponent leadSquared = new LeadSquaredComponent();
            LeadSquaredConfiguration configuration = leadSquared.getConfiguration();
            configuration.setBaseUrl(baseUrl);
            configuration.setAccessKey(emulator.getLeadSquaredAccessKey());
            configuration.setSecretKey(emulator.getLeadSquaredSecretKey());
            configuration.setRetryInitialDelay(10);
            configuration.setRetryMaxDelay(50);
            options.accept(configuration);
            component = leadSquared;
        } else {
            MarketoComponent marketo = new MarketoComponent();
            MarketoConfiguration configuration = marketo.getConfiguration();
            MarketoApi marketoApi = this == REST ? MarketoApi.rest : MarketoApi.soap;
            MarketoTestSupport.configureFor(configuration, emulator, marketoApi);
            String emulatorBase = emulator.getBaseUrl();
            configuration.setSoapEndpoint(emulator.getSoapEndpoint().replace(emulatorBase, baseUrl));
            configuration.setRestEndpoint(emulator.getRestEndpoint().replace(emulatorBase, baseUrl));
            configuration.setIdentityEndpoint(emulator.getIdentityEndpoint().replace(emulatorBase, baseUrl));
            options.accept(configuration);
            component = marketo;
        }
        context.addComponent(name, component);
    }

    /** The endpoint URI of this transport's read call on component {@code name}. */
    String readUri(String name) {
        return switch (this) {
            case REST -> name + ":getLead";
            case SOAP -> name + ":getLead?api=soap";
            case LEADSQUARED -> name + ":getLeadsByIds";
        };
    }

    /** Reads the first seeded lead; returns the exchange (its exception, or a body of one lead). */
    Exchange read(ProducerTemplate template, String name) {
        Object body = this == LEADSQUARED ? List.of(LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID)) : "lead1@example.com";
        return template.request(readUri(name), exchange -> exchange.getMessage().setBody(body));
    }
}
