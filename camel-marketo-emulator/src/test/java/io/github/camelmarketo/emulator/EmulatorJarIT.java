package io.github.camelmarketo.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.github.camelmarketo.emulator.soap.SoapEnvelopes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts {@code camel-marketo-emulator-<version>-all.jar} with {@code java -jar} as a user would and sends it a
 * signed getMultipleLeads: guards the shading (CXF's merged bus-extensions, services files, manifest main class).
 */
class EmulatorJarIT {

    private static final Pattern LINE = Pattern.compile("^\\s+(SOAP endpoint|SOAP userId|SOAP encryptionKey)\\s+(\\S+)");

    @Test
    void shadedJarAnswersASignedGetMultipleLeads() throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar"));
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--leads", "300")
                .redirectErrorStream(true).start();
        try {
            Map<String, String> banner = readBanner(process);
            String body = "<ns1:paramsGetMultipleLeads><leadSelector xsi:type=\"ns1:LastUpdateAtSelector\">"
                          + "<oldestUpdatedAt>" + Instant.now().minusSeconds(30L * 24 * 3600) + "</oldestUpdatedAt>"
                          + "</leadSelector><batchSize>100</batchSize></ns1:paramsGetMultipleLeads>";
            String envelope = SoapEnvelopes.envelope(banner.get("SOAP userId"), banner.get("SOAP encryptionKey"), "", body);

            var response = SoapEnvelopes.post(banner.get("SOAP endpoint"), "getMultipleLeads", envelope);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Document doc = SoapEnvelopes.parse(response.body());
            assertThat(SoapEnvelopes.text(doc, "returnCount")).isEqualTo("100");
            assertThat(Integer.parseInt(SoapEnvelopes.text(doc, "remainingCount"))).isPositive();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Reads the banner up to "Press Ctrl+C"; fails with the process output if it never gets there. */
    private static Map<String, String> readBanner(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        Map<String, String> values = new java.util.HashMap<>();
        String line;
        while ((line = reader.readLine()) != null && !line.startsWith("Press Ctrl+C")) {
            seen.add(line);
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                values.put(m.group(1), m.group(2));
            }
        }
        assertThat(values).as(String.join("\n", seen)).containsKeys("SOAP endpoint", "SOAP userId", "SOAP encryptionKey");
        return values;
    }
}
