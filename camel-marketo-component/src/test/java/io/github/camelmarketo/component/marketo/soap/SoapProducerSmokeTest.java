package io.github.camelmarketo.component.marketo.soap;

import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SoapProducerSmokeTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Test
    void syncThenReadBack() {
        List<Lead> leads = List.of(Lead.withEmail("new1@example.com").set("FirstName", "Ada"),
                Lead.withEmail("lead1@example.com").set("Company", "Acme"));
        @SuppressWarnings("unchecked")
        List<SyncResult> results = template.requestBody("marketo:syncMultipleLeads", leads, List.class);
        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED, SyncStatus.UPDATED);

        @SuppressWarnings("unchecked")
        List<Lead> found = template.requestBody("marketo:getLead", "new1@example.com", List.class);
        assertThat(found).singleElement().satisfies(l -> assertThat(l.get("firstName")).isEqualTo("Ada"));
        assertThat(emulator.get().counters().calls(Api.SOAP)).isEqualTo(2);
    }
}
