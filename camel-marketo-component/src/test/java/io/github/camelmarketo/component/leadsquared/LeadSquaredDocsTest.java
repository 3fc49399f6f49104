package io.github.camelmarketo.component.leadsquared;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-rendered option tables of leadsquared-component.adoc must name every option and header of the catalog. */
class LeadSquaredDocsTest {

    @Test
    void docsNameEveryCatalogOptionAndHeader() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmarketo/component/leadsquared/leadsquared.json")) {
            assertThat(in).as("generated catalog on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        String adoc = Files.readString(Path.of("src/main/docs/leadsquared-component.adoc"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        catalog.get("componentProperties").fieldNames().forEachRemaining(names::add);
        catalog.get("properties").fieldNames().forEachRemaining(names::add);
        catalog.get("headers").fieldNames().forEachRemaining(names::add);
        assertThat(names).hasSizeGreaterThan(20);
        for (String name : names) {
            assertThat(adoc).as("adoc documents %s", name).contains("| *" + name + "*");
        }
        assertThat(adoc).contains(":shortname: leadsquared", "leadsquared:operation",
                "supports " + catalog.get("componentProperties").size() + " options");
    }
}
