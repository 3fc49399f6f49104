package io.github.camelmarketo.component.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets shipped in the jar follow the format of Apache Camel's Kamelet catalog: a name matching the file,
 * a type label, a definition whose required properties exist, every template placeholder defined, credentials marked
 * with the {@code urn:camel:group:credentials} descriptor, secrets {@code format: password} and bound on the local
 * component bean (never in an endpoint URI), and a dependency on this artifact at the built version.
 */
class KameletCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)}}");
    private static final Set<String> SECRETS = Set.of("clientSecret", "accessKey", "secretKey");
    private static final Set<String> CREDENTIALS = Set.of("clientId", "clientSecret", "accessKey", "secretKey");

    @ParameterizedTest
    @ValueSource(strings = { "marketo-lead-source:source", "marketo-lead-sink:sink", "leadsquared-lead-action:action" })
    void followsTheCatalogFormat(String nameAndType) throws IOException {
        String name = nameAndType.split(":")[0];
        String text = read("kamelets/" + name + ".kamelet.yaml");
        Map<String, Object> kamelet = map(new Load(LoadSettings.builder().build()).loadFromString(text));

        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet.get("metadata"));
        assertThat(metadata).containsEntry("name", name);
        assertThat(map(metadata.get("labels"))).containsEntry("camel.apache.org/kamelet.type", nameAndType.split(":")[1]);
        String version = (String) map(metadata.get("annotations")).get("camel.apache.org/catalog.version");
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

        Map<String, Object> spec = map(kamelet.get("spec"));
        assertThat(list(spec.get("dependencies"))).contains("mvn:io.github.camelmarketo:camel-marketo:" + version, "camel:kamelet");
        Map<String, Object> definition = map(spec.get("definition"));
        Map<String, Object> properties = map(definition.get("properties"));
        assertThat(new ArrayList<Object>(properties.keySet())).containsAll(list(definition.get("required")));
        properties.forEach((property, value) -> {
            Map<String, Object> schema = map(value);
            assertThat(schema).as(property).containsKeys("title", "description", "type");
            if (CREDENTIALS.contains(property)) {
                assertThat(list(schema.get("x-descriptors"))).as(property).containsExactly("urn:camel:group:credentials");
            }
            assertThat("password".equals(schema.get("format"))).as(property + " format: password").isEqualTo(SECRETS.contains(property));
        });

        Map<String, Object> template = map(spec.get("template"));
        Set<String> placeholders = placeholders(String.valueOf(template));
        List<String> beans = new ArrayList<>();
        list(template.get("beans")).forEach(bean -> beans.add((String) map(bean).get("name")));
        placeholders.removeAll(beans);
        assertThat(properties.keySet()).as("every placeholder of the template is a property").containsAll(placeholders);
        assertThat(placeholders).as("every property is used by the template").containsAll(properties.keySet());

        String route = String.valueOf(template.get("from"));
        properties.keySet().stream().filter(SECRETS::contains)
                .forEach(secret -> assertThat(route).as(secret + " only on the component bean").doesNotContain("{{" + secret + "}}"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = KameletCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
