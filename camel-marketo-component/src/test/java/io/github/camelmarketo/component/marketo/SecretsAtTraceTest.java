package io.github.camelmarketo.component.marketo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.leadsquared.LeadSquaredComponent;
import io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.support.CallPolicyConfiguration;
import io.github.camelmarketo.component.transport.RelayProxy;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No secret shows anywhere a user looks, with {@code org.apache.hc}, {@code org.apache.cxf} and the components' own
 * loggers at TRACE: SOAP (encryptionKey), REST (clientSecret, every access token the emulator issued) and
 * LeadSquared (accessKey, secretKey) calls, successful, retried and failed, including wrong credentials, a redirect
 * and calls through an authenticating proxy (proxyPassword and its Basic token); checked in every captured log line, every exception message in the cause chain, toString() of
 * endpoints, configurations and clients, and every endpoint URI Camel prints (secrets put into URIs on purpose,
 * also as a lower-case {@code encryptionkey=}).
 */
class SecretsAtTraceTest extends MarketoTestSupport {

    private static final String WRONG_KEY = "Wr0ngEncrypti0nKeyValue42";
    private static final String WRONG_SECRET = "Wr0ngClientSecretValue42";
    private static final String WRONG_LSQ_SECRET = "Wr0ngLeadSquaredSecret42";
    private static final String URI_KEY = "UriEncrypti0nKeyValue77";
    private static final String URI_SECRET = "UriClientSecretValue77";
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "Pr0xyPasswordValue42";
    private static final String URI_PROXY_PASSWORD = "UriPr0xyPasswordValue77";
    private static final String[] TRACED = { "org.apache.hc", "org.apache.cxf", "io.github.camelmarketo" };

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    private final Map<Object, Integer> savedLevels = new HashMap<>();
    private RelayProxy proxy;

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setUserId(emulator.get().getSoapUserId());
        configuration.setEncryptionKey(emulator.get().getSoapEncryptionKey());
        configuration.setSoapEndpoint(emulator.get().getSoapEndpoint());
        configuration.setMaxRetries(2);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        MarketoComponent wrong = new MarketoComponent();
        configureFor(wrong.getConfiguration(), emulator.get(), MarketoApi.rest);
        configure(wrong.getConfiguration());
        wrong.getConfiguration().setClientSecret(WRONG_SECRET);
        wrong.getConfiguration().setEncryptionKey(WRONG_KEY);
        camelContext.addComponent("marketo-wrong", wrong);
        LeadSquaredConfiguration lsq = camelContext.getComponent("leadsquared", LeadSquaredComponent.class).getConfiguration();
        lsq.setBaseUrl(emulator.get().getLeadSquaredUrl());
        lsq.setAccessKey(emulator.get().getLeadSquaredAccessKey());
        lsq.setSecretKey(emulator.get().getLeadSquaredSecretKey());
        lsq.setRetryInitialDelay(10);
        lsq.setRetryMaxDelay(50);
        LeadSquaredComponent lsqWrong = new LeadSquaredComponent();
        lsqWrong.getConfiguration().setBaseUrl(emulator.get().getLeadSquaredUrl());
        lsqWrong.getConfiguration().setAccessKey(emulator.get().getLeadSquaredAccessKey());
        lsqWrong.getConfiguration().setSecretKey(WRONG_LSQ_SECRET);
        camelContext.addComponent("leadsquared-wrong", lsqWrong);
        // REST, SOAP and LeadSquared through an authenticating proxy
        proxy = new RelayProxy(PROXY_USER, PROXY_PASSWORD);
        MarketoComponent proxied = new MarketoComponent();
        configureFor(proxied.getConfiguration(), emulator.get(), MarketoApi.rest);
        configure(proxied.getConfiguration());
        useProxy(proxied.getConfiguration());
        camelContext.addComponent("marketo-proxied", proxied);
        LeadSquaredComponent lsqProxied = new LeadSquaredComponent();
        lsqProxied.getConfiguration().setBaseUrl(emulator.get().getLeadSquaredUrl());
        lsqProxied.getConfiguration().setAccessKey(emulator.get().getLeadSquaredAccessKey());
        lsqProxied.getConfiguration().setSecretKey(emulator.get().getLeadSquaredSecretKey());
        useProxy(lsqProxied.getConfiguration());
        camelContext.addComponent("leadsquared-proxied", lsqProxied);
        return camelContext;
    }

    private void useProxy(CallPolicyConfiguration configuration) {
        configuration.setProxyHost("127.0.0.1");
        configuration.setProxyPort(proxy.port());
        configuration.setProxyUsername(PROXY_USER);
        configuration.setProxyPassword(PROXY_PASSWORD);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:soapGet").to("marketo:getLead?api=soap");
                from("direct:soapSync").to("marketo:syncMultipleLeads?api=soap");
                from("direct:soapWrong").to("marketo-wrong:getLead?api=soap");
                from("direct:restGet").to("marketo:getLead");
                from("direct:restSync").to("marketo:syncLead?returnLead=true");
                from("direct:restWrong").to("marketo-wrong:getLead");
                from("direct:lsq").to("leadsquared:getLeadsByIds");
                from("direct:lsqWrong").to("leadsquared-wrong:getLeadsByIds");
                from("direct:restProxied").to("marketo-proxied:getLead");
                from("direct:soapProxied").to("marketo-proxied:getLead?api=soap");
                from("direct:lsqProxied").to("leadsquared-proxied:getLeadsByIds");
            }
        };
    }

    @BeforeEach
    void traceLogging() throws Exception {
        for (String prefix : TRACED) {
            System.setProperty("org.slf4j.simpleLogger.log." + prefix, "trace");
        }
        // loggers created before (by other test classes of this JVM) keep the level they were created with
        Field map = LoggerFactory.getILoggerFactory().getClass().getDeclaredField("loggerMap");
        map.setAccessible(true);
        for (Object logger : ((Map<?, ?>) map.get(LoggerFactory.getILoggerFactory())).values()) {
            String name = ((org.slf4j.Logger) logger).getName();
            for (String prefix : TRACED) {
                if (name.startsWith(prefix)) {
                    Field level = levelField(logger);
                    savedLevels.put(logger, level.getInt(logger));
                    level.setInt(logger, 0);
                }
            }
        }
    }

    @AfterEach
    void restoreLogging() throws Exception {
        for (String prefix : TRACED) {
            System.clearProperty("org.slf4j.simpleLogger.log." + prefix);
        }
        for (Map.Entry<Object, Integer> saved : savedLevels.entrySet()) {
            levelField(saved.getKey()).setInt(saved.getKey(), saved.getValue());
        }
    }

    private static Field levelField(Object logger) throws NoSuchFieldException {
        Field level = logger.getClass().getDeclaredField("currentLogLevel");
        level.setAccessible(true);
        return level;
    }

    @Test
    void noSecretInLogsExceptionsToStringOrUris() {
        List<Throwable> errors = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        String log = captureStandardStreams(() -> {
            // SOAP: a retried read, a failed write, a wrong key
            emulator.get().faults().inject(Api.SOAP, "getLead", new Fault.VendorError("20023"), 1);
            assertThat(template.requestBody("direct:soapGet", "lead1@example.com", List.class)).hasSize(1);
            emulator.get().faults().inject(Api.SOAP, "syncMultipleLeads", new Fault.HttpStatus(503), 1);
            errors.add(failure("direct:soapSync", List.of(Lead.withEmail("soap.secret@example.com"))));
            errors.add(failure("direct:soapWrong", "lead1@example.com"));

            // REST: token fetched, expired (602, refreshed), a failed read, a sync with read-back, a wrong secret
            assertThat(template.requestBody("direct:restGet", "lead2@example.com", List.class)).hasSize(1);
            emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.ExpireTokens(), 1);
            assertThat(template.requestBody("direct:restGet", "lead3@example.com", List.class)).hasSize(1);
            emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.VendorError("611"), 3);
            errors.add(failure("direct:restGet", "lead4@example.com"));
            assertThat(template.requestBody("direct:restSync", Lead.withEmail("rest.secret@example.com"), Object.class))
                    .isNotNull();
            errors.add(failure("direct:restWrong", "lead5@example.com"));

            // LeadSquared: a retried call, a wrong key, a redirect (never followed with the keys)
            String prospect = LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID);
            emulator.get().faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION, new Fault.HttpStatus(500), 1);
            assertThat(template.requestBody("direct:lsq", List.of(prospect), List.class)).hasSize(1);
            errors.add(failure("direct:lsqWrong", List.of(prospect)));
            long lsqCalls = emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION);
            emulator.get().faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION,
                    new Fault.Redirect(307, emulator.get().getLeadSquaredUrl() + LeadSquaredApi.BY_IDS_PATH), 1);
            Throwable redirected = failure("direct:lsq", List.of(prospect));
            errors.add(redirected);
            assertThat(redirected).hasMessageContaining("307").hasMessageContaining("redirect not followed");
            assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION))
                    .as("the redirect target was not called").isEqualTo(lsqCalls + 1);

            // through an authenticating proxy
            assertThat(template.requestBody("direct:restProxied", "lead6@example.com", List.class)).hasSize(1);
            assertThat(template.requestBody("direct:soapProxied", "lead7@example.com", List.class)).hasSize(1);
            assertThat(template.requestBody("direct:lsqProxied", List.of(prospect), List.class)).hasSize(1);
            assertThat(proxy.relayed()).as("token, REST, SOAP and LeadSquared calls").isEqualTo(4);
            assertThat(proxy.refused()).isZero();

            // secrets put into URIs on purpose: every way Camel prints an endpoint
            for (String uri : List.of(
                    "marketo:getLead?api=soap&encryptionKey=" + URI_KEY + "&batchSize=5",
                    "marketo:getLead?api=soap&encryptionkey=" + URI_KEY,
                    "marketo:getLead?clientSecret=" + URI_SECRET,
                    "marketo:getLead?clientSecret=RAW(" + URI_SECRET + "&x)",
                    "leadsquared:getLeadsByIds?accessKey=" + URI_KEY + "&secretKey=" + URI_SECRET,
                    "marketo:getLead?proxyHost=127.0.0.1&proxyPort=3128&proxyUsername=u&proxyPassword=" + URI_PROXY_PASSWORD,
                    "leadsquared:getLeadsByIds?proxyHost=127.0.0.1&proxyPort=3128&proxyUsername=u&proxyPassword="
                                                                                                + URI_PROXY_PASSWORD)) {
                Endpoint endpoint = context.getEndpoint(uri);
                printed.add(endpoint.toString());
                printed.add(endpoint.getEndpointUri());
                printed.add(endpoint.getEndpointBaseUri());
                printed.add(URISupport.sanitizeUri(uri));
                if (endpoint instanceof MarketoEndpoint marketo) {
                    printed.add(marketo.getConfiguration().toString());
                    try (MarketoClient client = marketo.createClient()) {
                        printed.add(client.toString());
                    }
                }
            }
            assertThatThrownBy(() -> context.getEndpoint("marketo:noSuchOperation?encryptionKey=" + URI_KEY))
                    .satisfies(errors::add);
            context.getEndpoints().forEach(e -> printed.add(e.toString()));
            printed.add(marketo().getConfiguration().toString());
            printed.add(context.getComponent("leadsquared", LeadSquaredComponent.class).getConfiguration().toString());
        });

        assertThat(log).as("the capture saw HttpClient's TRACE/DEBUG lines").contains("org.apache.hc.client5");
        assertThat(log).as("and CXF's").contains("org.apache.cxf");
        assertThat(log).as("and the component's retry lines").contains("attempt failed with 20023", "attempt failed with 611");
        assertThat(errors).hasSize(7).doesNotContainNull();
        assertThat(emulator.get().rest().issuedTokens()).as("a token and its refresh after the 602").hasSize(2);
        List<String> secrets = secrets();
        for (String secret : secrets) {
            assertThat(log).as("log output").doesNotContain(secret);
            for (String text : printed) {
                assertThat(text).as("printed").doesNotContain(secret);
            }
            for (Throwable error : errors) {
                for (Throwable t = error; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).as("exception message").doesNotContain(secret);
                    assertThat(t.toString()).as("exception").doesNotContain(secret);
                }
            }
        }
        assertThat(printed).anyMatch(text -> text.contains("encryptionkey=xxxxxx"))
                .anyMatch(text -> text.contains("encryptionKey=xxxxxx"));
    }

    /** Every secret value of this test: configured, wrong, put into URIs, and every token the emulator issued. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(emulator.get().getSoapEncryptionKey(), WRONG_KEY,
                emulator.get().getClientSecret(), WRONG_SECRET, emulator.get().getLeadSquaredAccessKey(),
                emulator.get().getLeadSquaredSecretKey(), WRONG_LSQ_SECRET, URI_KEY, URI_SECRET, PROXY_PASSWORD,
                URI_PROXY_PASSWORD, Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))));
        secrets.addAll(emulator.get().rest().issuedTokens());
        return secrets;
    }

    private Throwable failure(String route, Object body) {
        Exchange out = template.request(route, e -> e.getMessage().setBody(body));
        assertThat(out.getException()).as(route + " fails").isNotNull();
        return out.getException();
    }

    /** Runs {@code action} with System.out and System.err teed into a buffer (slf4j-simple writes to System.err). */
    private static String captureStandardStreams(Runnable action) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(tee(out, buffer), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, buffer), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static OutputStream tee(OutputStream a, ByteArrayOutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int c) {
                write(new byte[] { (byte) c }, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                synchronized (b) {
                    b.write(bytes, off, len);
                }
                try {
                    a.write(bytes, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
