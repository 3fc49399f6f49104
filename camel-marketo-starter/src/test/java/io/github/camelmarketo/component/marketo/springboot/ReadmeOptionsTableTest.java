package io.github.camelmarketo.component.marketo.springboot;

import java.io.IOException;
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
 * The option and header tables in README.md are the component JSON rendered as Markdown. Fails when they differ;
 * {@code -Dreadme.update=true} rewrites them instead.
 */
class ReadmeOptionsTableTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void marketoTablesMatchMarketoJson() throws IOException {
        checkSection("marketo-options", render("META-INF/io/github/camelmarketo/component/marketo/marketo.json"));
    }

    @Test
    void leadSquaredTablesMatchLeadSquaredJson() throws IOException {
        checkSection("leadsquared-options", render("META-INF/io/github/camelmarketo/component/leadsquared/leadsquared.json"));
    }

    static void checkSection(String marker, String expected) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String start = "<!-- " + marker + ":start -->\n";
        String end = "<!-- " + marker + ":end -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has the marker " + start.strip()).isNotNegative();
        assertThat(to).as("README.md has the marker " + end).isGreaterThan(from);
        String actual = readme.substring(from + start.length(), to);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, readme.substring(0, from + start.length()) + expected + readme.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README.md section " + marker + " (regenerate with -Dreadme.update=true)").isEqualTo(expected);
    }

    static String render(String componentJson) throws IOException {
        JsonNode json;
        try (InputStream in = ReadmeOptionsTableTest.class.getClassLoader().getResourceAsStream(componentJson)) {
            assertThat(in).as(componentJson + " on the class path").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
        String scheme = json.get("component").get("scheme").asText();
        StringBuilder md = new StringBuilder();
        md.append("Endpoint options of `").append(json.get("component").get("syntax").asText()).append("`:\n\n");
        md.append("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String type = o.has("enum") ? join(o.get("enum")) : o.get("type").asText();
            md.append("| `").append(option.getKey()).append('`')
                    .append(o.path("required").asBoolean() ? " (required)" : "")
                    .append(o.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(o.get("group").asText())
                    .append(" | ").append(type)
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(o.get("description").asText()))
                    .append(" |\n");
        }
        JsonNode headers = json.path("headers");
        if (!headers.isEmpty()) {
            md.append("\nMessage headers of `").append(scheme).append(":`:\n\n");
            md.append("| header | type | description |\n|---|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> header = it.next();
                md.append("| `").append(header.getKey()).append("` | ").append(header.getValue().get("javaType").asText())
                        .append(" | ").append(cell(header.getValue().get("description").asText())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String join(JsonNode values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> sb.append(sb.length() == 0 ? "" : ", ").append(v.asText()));
        return sb.toString();
    }

    private static String cell(String text) {
        return code(text).replace("|", "\\|").replace("\n", " ");
    }

    /** Javadoc {@code {@code x}} arrives in the JSON as {@code {code x}}, possibly with braces inside x. */
    private static String code(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("{code ", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int depth = 1;
            int j = start + "{code ".length();
            while (j < text.length() && depth > 0) {
                char c = text.charAt(j++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            out.append('`').append(text, start + "{code ".length(), depth == 0 ? j - 1 : j).append('`');
            i = j;
        }
        return out.toString();
    }
}
