package io.github.camelmarketo.component.marketo.crash;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The process {@link ConsumerCrashLoopTest} kills: one consumer route with a {@link FileStateRepository}, which
 * appends the id of every lead it delivers to a file with one {@code write} per lead (the bytes are in the kernel
 * once written, so a SIGKILL loses none of them). Runs until killed.
 *
 * <p>
 * Arguments: api (soap|rest), endpoint URL (SOAP endpoint or REST base), identity URL (REST, else "-"), user or client
 * id, key or secret, consumer options (the URI query), state file, delivered-ids file, milliseconds of work per lead.
 */
public final class ConsumerChild {

    private ConsumerChild() {
    }

    public static void main(String[] args) throws Exception {
        MarketoApi api = MarketoApi.valueOf(args[0]);
        MarketoComponent component = new MarketoComponent();
        MarketoConfiguration configuration = component.getConfiguration();
        configuration.setApi(api);
        if (api == MarketoApi.soap) {
            configuration.setSoapEndpoint(args[1]);
            configuration.setUserId(args[3]);
            configuration.setEncryptionKey(args[4]);
        } else {
            configuration.setRestEndpoint(args[1]);
            configuration.setIdentityEndpoint(args[2]);
            configuration.setClientId(args[3]);
            configuration.setClientSecret(args[4]);
        }
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(200);
        configuration.setExtractPollInterval(50);
        String options = args[5];
        File stateFile = new File(args[6]);
        FileOutputStream delivered = new FileOutputStream(args[7], true);
        long leadMillis = Long.parseLong(args[8]);

        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent("marketo", component);
        FileStateRepository cursors = FileStateRepository.fileStateRepository(stateFile);
        context.getRegistry().bind("cursors", cursors);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?stateRepository=#cursors&" + options).routeId("crash-loop")
                        .process(exchange -> {
                            Object body = exchange.getMessage().getBody();
                            Object id = body instanceof Lead lead ? lead.getId() : body;
                            synchronized (delivered) {
                                delivered.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
                            }
                            Thread.sleep(leadMillis);
                        });
            }
        });
        context.start();
        System.out.println("consumer started");
        Thread.currentThread().join();
    }
}
