package io.github.camelmarketo.component.marketo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * marketo-component.adoc must stay in step with the component. Camel's site renders the option tables from the
 * catalog (the {@code include::partial$} lines); for reading anywhere else the adoc carries the same tables between
 * {@value #START} and {@value #END}, rendered here from the generated {@code marketo.json}. When options or headers
 * change, run this test once with {@code -Dmarketo.docs.update=true} to rewrite that block.
 */
class MarketoDocsTest {

    private static final Path ADOC = Path.of("src/main/docs/marketo-component.adoc");
    private static final String START = "// rendered from marketo.json: START";
    private static final String END = "// rendered from marketo.json: END";

    @Test
    void referenceTablesMatchTheCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmarketo/component/marketo/marketo.json")) {
            assertThat(in).as("generated catalog on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        int start = adoc.indexOf(START);
        int end = adoc.indexOf(END);
        assertThat(start).as("adoc has the rendered reference block").isPositive().isLessThan(end);
        String rendered = render(catalog);
        String current = adoc.substring(start, end + END.length());
        if (!rendered.equals(current) && Boolean.getBoolean("marketo.docs.update")) {
            Files.writeString(ADOC, adoc.substring(0, start) + rendered + adoc.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            current = rendered;
        }
        assertThat(current).as("reference tables of %s are stale: run MarketoDocsTest with -Dmarketo.docs.update=true",
                ADOC).isEqualTo(rendered);
        assertThat(adoc).contains(":shortname: marketo", "*Since Camel {since}*", "marketo:operation[?options]",
                "include::partial$component-configure-options.adoc[]",
                "include::partial$component-endpoint-options.adoc[]",
                "include::partial$component-endpoint-headers.adoc[]");
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

    /** The tables Camel's site would show, in the layout of its component pages. */
    static String render(JsonNode catalog) {
        StringBuilder sb = new StringBuilder(START).append("\n=== Component Options\n\n");
        JsonNode component = catalog.get("componentProperties");
        sb.append("The Marketo component supports ").append(component.size()).append(" options, which are listed below.\n\n");
        optionTable(sb, component);
        sb.append("\n=== Endpoint Options\n\nThe Marketo endpoint is configured using URI syntax:\n\n----\n")
                .append(catalog.get("component").get("syntax").asText())
                .append("\n----\n\nwith the following path and query parameters:\n\n");
        optionTable(sb, catalog.get("properties"));
        JsonNode headers = catalog.get("headers");
        sb.append("\n=== Message Headers\n\nThe Marketo component supports ").append(headers.size())
                .append(" message headers, which are listed below:\n\n")
                .append("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            String constant = h.getValue().get("constantName").asText();
            constant = constant.substring(constant.lastIndexOf('.') + 1).replace('#', '.');
            sb.append("| *").append(h.getKey()).append("* (`").append(constant).append("`) | ")
                    .append(text(h.getValue(), "description")).append(" | `").append(text(h.getValue(), "javaType"))
                    .append("`\n");
        }
        return sb.append("|===\n").append(END).toString();
    }

    private static void optionTable(StringBuilder sb, JsonNode options) {
        sb.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> o = it.next();
            sb.append("| *").append(o.getKey()).append("* (").append(text(o.getValue(), "group")).append(") | ")
                    .append(text(o.getValue(), "description")).append(" | ").append(text(o.getValue(), "defaultValue"))
                    .append(" | ").append(text(o.getValue(), "type")).append('\n');
        }
        sb.append("|===\n");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().replace("|", "\\|");
    }
}
