package io.github.camelmarketo.component.marketo;

import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Reads and writes Marketo leads over the SOAP or the REST API; the operation is the URI path.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "marketo", title = "Marketo", syntax = "marketo:operation",
             category = { Category.SAAS, Category.CLOUD }, headersClass = MarketoConstants.class)
public class MarketoEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private MarketoOperation operation;

    @UriParam
    private MarketoConfiguration configuration;

    private MarketoApi resolvedApi;

    private static volatile boolean secretNamesRegistered;

    public MarketoEndpoint(String uri, MarketoComponent component, MarketoOperation operation,
                           MarketoConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /**
     * {@code uri} with the values of the secret options replaced by {@code xxxxxx}. The component creates endpoints
     * with this URI, so {@link #toString()}, JMX and every log line that prints the endpoint hide the credentials even
     * when a route put them into the URI (the context still finds the endpoint under the URI the route used).
     */
    static String maskSecrets(String uri) {
        registerSecretOptionNames();
        return uri == null ? null : URISupport.sanitizeUri(uri);
    }

    /**
     * Tells Camel's URI sanitizer ({@link URISupport#sanitizeUri}, used for every endpoint URI Camel logs, shows in
     * JMX or puts in an exception) about {@code encryptionKey}: it masks options whose name contains a word of its
     * list ({@code userId} through "user", {@code clientId}, {@code clientSecret}), and encryptionKey is not one.
     * JVM-wide and idempotent.
     */
    static void registerSecretOptionNames() {
        if (!secretNamesRegistered) {
            synchronized (MarketoEndpoint.class) {
                if (!secretNamesRegistered) {
                    URISupport.addSanitizeKeywords("encryptionKey");
                    secretNamesRegistered = true;
                }
            }
        }
    }

    /** Checks the options before any network call; the message names the option and its allowed values. */
    void validate() {
        resolvedApi = configuration.validate(operation);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new MarketoProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MarketoConsumer consumer = new MarketoConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The API this endpoint calls ({@code auto} resolved). */
    public MarketoApi getResolvedApi() {
        return resolvedApi != null ? resolvedApi : configuration.resolveApi();
    }

    /** Creates a new client for this endpoint's API; the caller closes it. */
    public MarketoClient createClient() {
        return getComponent().createClient(getResolvedApi(), configuration);
    }

    public MarketoOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform.
     */
    public void setOperation(MarketoOperation operation) {
        this.operation = operation;
    }

    public MarketoConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint configuration.
     */
    public void setConfiguration(MarketoConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public MarketoComponent getComponent() {
        return (MarketoComponent) super.getComponent();
    }
}
