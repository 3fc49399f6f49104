package io.github.camelmarketo.component.marketo.springboot;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;
import org.springframework.beans.BeanUtils;

/**
 * Compares a component's generated JSON ({@code componentProperties}) with its starter configuration class and the
 * Spring configuration metadata the build wrote: same option names, compatible types, same defaults. Returns the
 * differences as readable lines (empty when in step).
 */
final class ComponentOptionsDrift {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer", "class");

    private ComponentOptionsDrift() {
    }

    static List<String> differences(String componentJson, Class<?> configurationClass, String prefix) throws Exception {
        JsonNode options = read(componentJson).get("componentProperties");
        Set<String> metadata = metadataProperties(prefix);
        Object defaults = configurationClass.getDeclaredConstructor().newInstance();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            seen.add(name);
            String property = prefix + "." + StringHelper.camelCaseToDash(name);
            if (!metadata.contains(property)) {
                problems.add(property + ": missing from spring-configuration-metadata.json");
            }
            PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(configurationClass, name);
            if (descriptor == null || descriptor.getWriteMethod() == null || descriptor.getReadMethod() == null) {
                problems.add(name + ": no getter/setter on " + configurationClass.getSimpleName());
                continue;
            }
            String typeProblem = typeProblem(option.getValue(), descriptor.getPropertyType());
            if (typeProblem != null) {
                problems.add(name + ": " + typeProblem);
            }
            Object starterDefault = descriptor.getReadMethod().invoke(defaults);
            String defaultProblem = defaultProblem(option.getValue().get("defaultValue"), starterDefault);
            if (defaultProblem != null) {
                problems.add(name + ": " + defaultProblem);
            }
        }
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(configurationClass)) {
            if (!STARTER_ONLY.contains(descriptor.getName()) && !seen.contains(descriptor.getName())) {
                problems.add(descriptor.getName() + ": starter property that the component does not have");
            }
        }
        return problems;
    }

    private static String typeProblem(JsonNode option, Class<?> starterType) throws ClassNotFoundException {
        String type = option.get("type").asText();
        String javaType = option.get("javaType").asText();
        Class<?> expected = switch (type) {
            case "duration" -> Duration.class;
            case "boolean" -> Boolean.class;
            case "string" -> String.class;
            default -> switch (javaType) {
                case "int", "java.lang.Integer" -> Integer.class;
                case "long", "java.lang.Long" -> Long.class;
                default -> Class.forName(javaType.replaceAll("<.*>", ""));
            };
        };
        return expected.equals(starterType) ? null : "type " + starterType.getName() + ", expected " + expected.getName();
    }

    private static String defaultProblem(JsonNode componentDefault, Object starterDefault) {
        if (componentDefault == null) {
            return starterDefault == null ? null : "starter default " + starterDefault + " but the component has none";
        }
        if (starterDefault == null) {
            return "component default " + componentDefault.asText() + " missing in the starter";
        }
        String expected = componentDefault.asText();
        String actual = starterDefault instanceof Duration d ? String.valueOf(d.toMillis()) : starterDefault.toString();
        if (starterDefault instanceof Duration) {
            expected = String.valueOf(TimeUtils.toMilliSeconds(expected));
        }
        return expected.equals(actual) ? null : "starter default " + actual + ", component default " + expected;
    }

    /** Property names under {@code prefix} in every spring-configuration-metadata.json on the class path. */
    private static Set<String> metadataProperties(String prefix) throws IOException {
        Set<String> names = new TreeSet<>();
        for (URL url : Collections.list(ComponentOptionsDrift.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : MAPPER.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith(prefix + ".")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ComponentOptionsDrift.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the class path");
            }
            return MAPPER.readTree(in);
        }
    }
}
