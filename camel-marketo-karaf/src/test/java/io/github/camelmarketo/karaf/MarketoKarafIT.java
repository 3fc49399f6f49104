package io.github.camelmarketo.karaf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.github.camelmarketo.component.leadsquared.LeadSquaredLead;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

/**
 * Boots Apache Karaf, installs feature {@code camel-marketo} from this build's features repository, deploys the
 * example route bundle ({@code examples/karaf}) configured through {@code etc/io.github.camelmarketo.example.cfg},
 * and calls the Marketo emulator (running in the test JVM, outside Karaf) through that bundle's routes: Marketo over
 * SOAP (syncMultipleLeads, then getMultipleLeads reads the synced leads back) and LeadSquared (getLeadsByIds).
 * <p>
 * {@link #config()} runs in the test JVM; the test methods run inside Karaf. Karaf reads Maven artifacts only from
 * the local repository (filled by the build: karaf-maven-plugin verify, dependency:copy) and from this build's
 * {@code target/project-repository}, never from a remote repository.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MarketoKarafIT {

    private static final String MAVEN_CFG = "etc/org.ops4j.pax.url.mvn.cfg";
    private static final String EXAMPLE_CFG = "etc/io.github.camelmarketo.example.cfg";
    /** Expected data for the LeadSquared test, handed from the test JVM into Karaf. */
    private static final String SAMPLE_IDS = "camelmarketo.it.leadsquared.ids";
    private static final String SAMPLE_EMAILS = "camelmarketo.it.leadsquared.emails";
    private static final String MANAGEMENT_CFG = "etc/org.apache.karaf.management.cfg";

    @Inject
    @Filter(value = "(camel.context.name=camel-marketo-example)", timeout = 60_000)
    private CamelContext camelContext;

    @Configuration
    public Option[] config() {
        String version = System.getProperty("project.version");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf", System.getProperty("karaf.version")).type("zip"))
                        .unpackDirectory(new File(System.getProperty("exam.directory")))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut(MAVEN_CFG, "org.ops4j.pax.url.mvn.localRepository", System.getProperty("local.repo")),
                editConfigurationFilePut(MAVEN_CFG, "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut(MAVEN_CFG, "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
                        + new File(System.getProperty("project.repository")).toURI() + "@id=camel-marketo.build@snapshots"),
                // free ports, so that two builds on one machine do not collide on Karaf's defaults
                editConfigurationFilePut(MANAGEMENT_CFG, "rmiRegistryPort", freePort()),
                editConfigurationFilePut(MANAGEMENT_CFG, "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                features(new File(System.getProperty("features.file")).toURI().toString(), "camel-marketo"),
                mavenBundle("io.github.camelmarketo", "camel-marketo-example-karaf", version).start()));
        for (Map.Entry<String, String> setting : EmulatorLauncher.componentSettings().entrySet()) {
            options.add(editConfigurationFilePut(EXAMPLE_CFG, setting.getKey(), setting.getValue()));
        }
        Map<String, String> sample = EmulatorLauncher.leadSquaredSample();
        options.add(systemProperty(SAMPLE_IDS).value(String.join(",", sample.keySet())));
        options.add(systemProperty(SAMPLE_EMAILS).value(String.join(",", sample.values())));
        return options(options.toArray(new Option[0]));
    }

    /**
     * Sends {@code body} and returns the List result. A failure becomes an AssertionError carrying the messages of
     * the cause chain: the exception classes of Camel and the component do not exist in the test JVM, which receives
     * the failure of this method (run inside Karaf) serialized.
     */
    private static List<?> request(ProducerTemplate template, String endpoint, Object body) {
        try {
            return template.requestBody(endpoint, body, List.class);
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder(endpoint + " failed");
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append("\n  caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            }
            throw new AssertionError(causes.toString());
        }
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void routeBundleSyncsAndReadsLeadsOverSoap() {
        assertEquals(ServiceStatus.Started, camelContext.getStatus());
        ProducerTemplate template = camelContext.createProducerTemplate();

        List<Lead> leads = List.of(
                Lead.withEmail("karaf.it.1@example.com").set("FirstName", "Ada").set("LastName", "Lovelace"),
                Lead.withEmail("karaf.it.2@example.com").set("FirstName", "Grace").set("LastName", "Hopper"));
        List<?> synced = request(template, "direct:marketo-sync-leads", leads);

        assertEquals(2, synced.size());
        for (int i = 0; i < synced.size(); i++) {
            SyncResult result = (SyncResult) synced.get(i);
            assertEquals(i, result.index());
            assertEquals(SyncStatus.CREATED, result.status());
            assertNotNull("lead id of " + result, result.leadId());
        }

        List<?> read = request(template, "direct:marketo-get-leads",
                new LeadSelector.ByKeys(LeadKeyType.EMAIL, List.of("karaf.it.1@example.com", "karaf.it.2@example.com")));

        assertEquals(2, read.size());
        for (Object o : read) {
            Lead lead = (Lead) o;
            assertTrue(lead.toString(), lead.getEmail().startsWith("karaf.it."));
            assertNotNull(lead.getId());
        }
        Lead ada = read.stream().map(Lead.class::cast)
                .filter(l -> "karaf.it.1@example.com".equals(l.getEmail())).findFirst().orElseThrow();
        assertEquals("Ada", ada.get("FirstName"));
        assertEquals("Lovelace", ada.get("LastName"));
    }

    @Test
    public void routeBundleReadsLeadSquaredLeadsByIds() {
        List<String> ids = List.of(System.getProperty(SAMPLE_IDS).split(","));
        List<String> emails = List.of(System.getProperty(SAMPLE_EMAILS).split(","));
        ProducerTemplate template = camelContext.createProducerTemplate();

        List<?> leads = request(template, "direct:leadsquared-get-leads", ids);

        assertEquals(ids.size(), leads.size());
        for (int i = 0; i < ids.size(); i++) {
            LeadSquaredLead lead = (LeadSquaredLead) leads.get(i);
            assertEquals(ids.get(i), lead.getId().toString());
            assertEquals(emails.get(i), lead.get("EmailAddress"));
        }
    }
}
