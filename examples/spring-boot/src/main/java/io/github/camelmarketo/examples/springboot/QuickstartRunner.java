package io.github.camelmarketo.examples.springboot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelmarketo.examples.quickstart.QuickstartSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Waits (in its own thread: Camel starts its routes once the runners have returned) for the routes to stream every
 * synced lead back, logs the summary and the {@code marketo} health, and (with {@code quickstart.exit-when-done=true},
 * the default) ends the application with exit code 0, or 1 when leads are missing after {@code quickstart.timeout}.
 */
@Component
public class QuickstartRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QuickstartRunner.class);

    private final QuickstartSummary summary;
    private final ConfigurableApplicationContext context;
    private final ObjectProvider<HealthEndpoint> health;
    private final Duration timeout;
    private final boolean exitWhenDone;
    private final CompletableFuture<Boolean> result = new CompletableFuture<>();

    public QuickstartRunner(QuickstartSummary summary, ConfigurableApplicationContext context, ObjectProvider<HealthEndpoint> health,
                            @Value("${quickstart.timeout:45s}") Duration timeout,
                            @Value("${quickstart.exit-when-done:true}") boolean exitWhenDone) {
        this.summary = summary;
        this.context = context;
        this.health = health;
        this.timeout = timeout;
        this.exitWhenDone = exitWhenDone;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread waiter = new Thread(this::awaitSummary, "quickstart-summary");
        waiter.start();
    }

    private void awaitSummary() {
        boolean complete;
        try {
            complete = summary.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(false);
            return;
        }
        if (complete) {
            LOG.info("Quickstart complete: {}", summary.report());
        } else {
            LOG.error("Quickstart incomplete after {} s: {}", timeout.toSeconds(), summary.report());
        }
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthComponent marketo = endpoint != null ? endpoint.healthForPath("marketo") : null;
        if (marketo != null) {
            LOG.info("Health of marketo: {}", marketo.getStatus());
        }
        result.complete(complete);
        if (exitWhenDone) {
            System.exit(SpringApplication.exit(context, () -> complete ? 0 : 1));
        }
    }

    /** Completes with whether every synced lead was streamed back within the timeout. */
    public CompletableFuture<Boolean> result() {
        return result;
    }
}
