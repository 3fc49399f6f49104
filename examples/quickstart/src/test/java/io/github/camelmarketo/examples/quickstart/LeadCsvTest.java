package io.github.camelmarketo.examples.quickstart;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.Lead;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadCsvTest {

    @Test
    void headerNamesTheAttributesAndEmailIdentifiesTheLead() {
        List<Lead> leads = LeadCsv.parse("email,firstName,company\n# a comment\na@x.org,Ada,\nb@x.org,Bob,Initech\n");

        assertThat(leads).hasSize(2);
        assertThat(leads.get(0).getEmail()).isEqualTo("a@x.org");
        assertThat(leads.get(0).get("FirstName")).isEqualTo("Ada");
        assertThat(leads.get(0).getAttributes()).doesNotContainKey("company");
        assertThat(leads.get(1).get("company")).isEqualTo("Initech");
    }

    @Test
    void shippedCsvHasFiftyLeads() throws Exception {
        String csv = new String(LeadCsvTest.class.getResourceAsStream("/leads.csv").readAllBytes());

        assertThat(LeadCsv.parse(csv)).hasSize(50).allSatisfy(lead -> assertThat(lead.getEmail()).contains("@"));
    }

    @Test
    void aRowWithTheWrongColumnCountNamesItsLine() {
        assertThatThrownBy(() -> LeadCsv.parse("email,firstName\na@x.org,Ada,extra\n"))
                .hasMessageContaining("line 2").hasMessageContaining("3 columns");
    }
}
