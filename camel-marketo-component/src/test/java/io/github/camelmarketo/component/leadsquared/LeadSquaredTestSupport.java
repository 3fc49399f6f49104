package io.github.camelmarketo.component.leadsquared;

import java.util.List;
import java.util.stream.IntStream;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Routes against the emulator's LeadSquared API: the {@code leadsquared} component gets the emulator's base URL and
 * keys at component level (as users should set them), and fast retry delays.
 */
abstract class LeadSquaredTestSupport extends CamelTestSupport {

    /** The emulator of the concrete test class (its static extension). */
    protected abstract MarketoEmulator emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        LeadSquaredConfiguration configuration = camelContext.getComponent("leadsquared", LeadSquaredComponent.class)
                .getConfiguration();
        configuration.setBaseUrl(emulator().getLeadSquaredUrl());
        configuration.setAccessKey(emulator().getLeadSquaredAccessKey());
        configuration.setSecretKey(emulator().getLeadSquaredSecretKey());
        configuration.setRetryInitialDelay(10);
        configuration.setRetryMaxDelay(50);
        return camelContext;
    }

    /** ProspectIds of {@code count} store leads starting at the {@code first}-th (0-based). */
    protected static List<String> prospectIds(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(LeadSquaredTestSupport::prospectId).toList();
    }

    /** ProspectId of the {@code index}-th (0-based) seeded lead, whose email is lead{index+1}@example.com. */
    protected static String prospectId(int index) {
        return LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID + index);
    }
}
