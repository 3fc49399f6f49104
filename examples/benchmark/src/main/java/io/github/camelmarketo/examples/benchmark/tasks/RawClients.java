package io.github.camelmarketo.examples.benchmark.tasks;

import io.github.camelmarketo.examples.benchmark.raw.RawClient;
import io.github.camelmarketo.examples.benchmark.raw.RawRestClient;
import io.github.camelmarketo.examples.benchmark.raw.RawSoapClient;

/** The raw client of a spec's API, with the emulator's test credentials. */
final class RawClients {

    private RawClients() {
    }

    static RawClient create(TaskSpec spec) {
        return spec.soap()
                ? new RawSoapClient(spec.baseUrl() + "/soap/mktows/2_x", ComponentSetup.SOAP_USER_ID, ComponentSetup.SOAP_ENCRYPTION_KEY)
                : new RawRestClient(spec.baseUrl(), ComponentSetup.CLIENT_ID, ComponentSetup.CLIENT_SECRET);
    }
}
