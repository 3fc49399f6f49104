package io.github.camelmarketo.component.marketo;

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

/**
 * marketo-component.adoc must stay in step with the component: its rendered reference names every option and header
 * of the generated catalog, and its operation table names every operation.
 */
class MarketoDocsTest {

    private static final Path ADOC = Path.of("src/main/docs/marketo-component.adoc");

    @Test
    void docsNameEveryCatalogOptionAndHeader() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmarketo/component/marketo/marketo.json")) {
            assertThat(in).as("generated catalog on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        catalog.get("componentProperties").fieldNames().forEachRemaining(names::add);
        catalog.get("properties").fieldNames().forEachRemaining(names::add);
        catalog.get("headers").fieldNames().forEachRemaining(names::add);
        assertThat(names).hasSizeGreaterThan(60);
        for (String name : names) {
            assertThat(adoc).as("adoc documents %s", name).contains("| *" + name + "*");
        }
        assertThat(adoc).contains(":shortname: marketo", "*Since Camel {since}*", "marketo:operation[?options]",
                "supports " + catalog.get("componentProperties").size() + " options",
                "supports " + catalog.get("headers").size() + " message headers",
                "include::partial$component-endpoint-options.adoc[]");
    }

    @Test
    void operationTableAndExamplesCoverEveryOperation() throws Exception {
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        for (MarketoOperation operation : MarketoOperation.values()) {
            assertThat(adoc).as("operation table names %s", operation).contains("`" + operation.name() + "`");
            if (operation.isSoapSupported()) {
                assertThat(adoc).as("example route for %s", operation).contains("\"marketo:" + operation.name());
            }
        }
        assertThat(adoc).contains("== SOAP vs REST differences");
    }
}
