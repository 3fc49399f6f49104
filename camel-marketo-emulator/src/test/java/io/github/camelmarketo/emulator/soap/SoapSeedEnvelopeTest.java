package io.github.camelmarketo.emulator.soap;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendor's request envelopes from the seeds (vendor-docs/seed-xml), re-signed with the emulator's credentials,
 * get responses shaped like the seeds' response examples.
 */
class SoapSeedEnvelopeTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    @Test
    void getLeadByEmailAnswersLikeTheSeed() {
        EmulatorLead rufus = emulator.get().store().create(l -> {
            l.setEmail("rufus@marketo.com");
            l.getAttributes().put("AnonymousIP", "172.249.34.240");
            l.getAttributes().put("Company", "Marketo");
            l.getAttributes().put("FirstName", "Travis");
            l.getAttributes().put("LastName", "Kaufman");
            l.getAttributes().put("LeadScore", "62");
            l.getAttributes().put("Website", "gmail.com");
        });

        HttpResponse<String> response = post("getLead", SoapEnvelopes.seed("getLead.request.xml", emulator.get()));

        assertThat(response.statusCode()).isEqualTo(200);
        Document doc = SoapEnvelopes.parse(response.body());
        assertThat(doc.getElementsByTagNameNS(SoapEnvelopes.NS, "successGetLead").getLength()).isEqualTo(1);
        assertThat(SoapEnvelopes.text(doc, "count")).isEqualTo("1");
        assertThat(SoapEnvelopes.text(doc, "Id")).isEqualTo(Integer.toString(rufus.getId()));
        assertThat(SoapEnvelopes.text(doc, "Email")).isEqualTo("rufus@marketo.com");
        assertThat(SoapEnvelopes.isNil(doc, "ForeignSysPersonId")).isTrue();
        assertThat(SoapEnvelopes.isNil(doc, "ForeignSysType")).isTrue();
        assertThat(SoapEnvelopes.texts(doc, "attrName"))
                .containsExactly("AnonymousIP", "Company", "FirstName", "LastName", "LeadScore", "Website");
        assertThat(SoapEnvelopes.texts(doc, "attrType")).containsExactly("string", "string", "string", "string", "integer", "url");
        assertThat(SoapEnvelopes.texts(doc, "attrValue")).contains("Travis", "62", "gmail.com");
    }

    @Test
    void getMultipleLeadsByEmailKeysAnswersLikeTheSeed() {
        EmulatorLead first = emulator.get().store().create(l -> {
            l.setEmail("formtest1@marketo.com");
            l.getAttributes().put("Company", "Marketo Test");
        });
        EmulatorLead second = emulator.get().store().create(l -> l.setEmail("joe@marketo.com"));

        HttpResponse<String> response = post("getMultipleLeads",
                SoapEnvelopes.seed("getMultipleLeads.request.xml", emulator.get()));

        assertThat(response.statusCode()).isEqualTo(200);
        Document doc = SoapEnvelopes.parse(response.body());
        assertThat(SoapEnvelopes.text(doc, "returnCount")).isEqualTo("2");
        assertThat(SoapEnvelopes.text(doc, "remainingCount")).isEqualTo("0");
        assertThat(SoapEnvelopes.text(doc, "newStreamPosition")).isEmpty();
        assertThat(SoapEnvelopes.texts(doc, "Id"))
                .containsExactly(Integer.toString(first.getId()), Integer.toString(second.getId()));
        assertThat(SoapEnvelopes.texts(doc, "attrValue")).contains("Marketo Test");
    }

    @Test
    void syncLeadCreatesThenUpdatesByEmail() {
        HttpResponse<String> created = post("syncLead", SoapEnvelopes.seed("syncLead.request.xml", emulator.get()));
        HttpResponse<String> updated = post("syncLead", SoapEnvelopes.seed("syncLead.request.xml", emulator.get()));

        assertThat(created.statusCode()).isEqualTo(200);
        Document first = SoapEnvelopes.parse(created.body());
        Document second = SoapEnvelopes.parse(updated.body());
        assertThat(SoapEnvelopes.text(first, "status")).isEqualTo("CREATED");
        assertThat(SoapEnvelopes.text(second, "status")).isEqualTo("UPDATED");
        String leadId = SoapEnvelopes.text(first, "leadId");
        assertThat(SoapEnvelopes.texts(second, "leadId")).containsExactly(leadId, leadId);
        assertThat(SoapEnvelopes.isNil(second, "error")).isTrue();
        assertThat(SoapEnvelopes.isNil(second, "leadRecord")).isTrue();
        List<EmulatorLead> stored = emulator.get().store().findByEmail("t@t.com");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getAttributes()).containsEntry("FirstName", "George").containsEntry("LastName", "of the Jungle");
    }

    @Test
    void syncMultipleLeadsCreatesThenUpdatesEveryRecord() {
        HttpResponse<String> created = post("syncMultipleLeads",
                SoapEnvelopes.seed("syncMultipleLeads.request.xml", emulator.get()));
        HttpResponse<String> updated = post("syncMultipleLeads",
                SoapEnvelopes.seed("syncMultipleLeads.request.xml", emulator.get()));

        assertThat(SoapEnvelopes.texts(SoapEnvelopes.parse(created.body()), "status")).containsExactly("CREATED", "CREATED");
        Document second = SoapEnvelopes.parse(updated.body());
        assertThat(SoapEnvelopes.texts(second, "status")).containsExactly("UPDATED", "UPDATED");
        assertThat(SoapEnvelopes.texts(second, "leadId"))
                .containsExactlyElementsOf(SoapEnvelopes.texts(SoapEnvelopes.parse(created.body()), "leadId"));
        EmulatorLead lead = emulator.get().store().findByEmail("em1001@etestd.marketo.net").get(0);
        assertThat(lead.getAttributes()).containsEntry("Company", "Marketo1001").containsEntry("Phone", "650-555-1001");
        assertThat(emulator.get().counters().calls(Api.SOAP, "syncMultipleLeads")).isEqualTo(2);
        assertThat(emulator.get().counters().responses(Api.SOAP, "200")).isEqualTo(2);
    }

    @Test
    void unsignedSeedEnvelopeFailsWithTheVendorsAuthenticationFault() {
        // the seed as published: signed with another user's key in 2013
        HttpResponse<String> response = post("getLead", SoapEnvelopes.seedAsPublished("getLead.request.xml"));

        assertThat(response.statusCode()).isEqualTo(500);
        Document doc = SoapEnvelopes.parse(response.body());
        assertThat(SoapEnvelopes.text(doc, "faultcode")).endsWith(":Client");
        assertThat(SoapEnvelopes.text(doc, "faultstring")).isEqualTo("20014 - Authentication failed");
        assertThat(SoapEnvelopes.text(doc, "name")).isEqualTo("mktServiceException");
        assertThat(SoapEnvelopes.text(doc, "message")).isEqualTo("Authentication failed (20014)");
        assertThat(SoapEnvelopes.text(doc, "code")).isEqualTo("20014");
        assertThat(response.body()).doesNotContain("Exception:", "at io.github");
    }

    private static HttpResponse<String> post(String operation, String envelope) {
        MarketoEmulator e = emulator.get();
        return SoapEnvelopes.post(e, operation, envelope);
    }
}
