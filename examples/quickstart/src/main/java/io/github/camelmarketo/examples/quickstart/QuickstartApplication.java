package io.github.camelmarketo.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quickstart: sync {@code leads.csv} to Marketo, stream the leads back with the polling consumer, print a
 * summary and exit. Runs against the embedded emulator unless the environment names a Marketo instance (see
 * {@link MarketoConnection}).
 */
public final class QuickstartApplication {

    private static final Logger LOG = LoggerFactory.getLogger(QuickstartApplication.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final int EMULATOR_LEADS = 200;

    private QuickstartApplication() {
    }

    public static void main(String[] args) throws Exception {
        // the emulator's Undertow and XNIO log their start-up through java.util.logging
        java.util.logging.LogManager.getLogManager().getLogger("").setLevel(java.util.logging.Level.WARNING);
        boolean complete;
        try (MarketoConnection connection = MarketoConnection.fromEnvironment(System.getenv(), EMULATOR_LEADS)) {
            LOG.info("Using {}", connection);
            complete = run(connection).isComplete();
        }
        // exit explicitly: the quickstart is a one-shot program and the exit code is what CI checks
        System.exit(complete ? 0 : 1);
    }

    /** Runs both routes until every synced lead was streamed back or the timeout passed; returns the counts. */
    static QuickstartSummary run(MarketoConnection connection) throws Exception {
        QuickstartSummary summary = new QuickstartSummary();
        // a margin for clock skew between this machine and Marketo; leads updated by others in it are streamed too
        Instant since = Instant.now().minus(connection.emulated() ? Duration.ofSeconds(5) : Duration.ofMinutes(5))
                .truncatedTo(ChronoUnit.SECONDS);

        Main main = new Main();
        main.configure().withName("marketo-quickstart");
        main.bind("summary", summary);
        main.configure().addRoutesBuilder(new SyncLeadsRoute());
        main.configure().withRoutesIncludePattern("classpath:routes/*.yaml");
        main.addInitialProperty("quickstart.since", since.toString());
        // REST streams last-update windows through bulk extract jobs: poll their status often only on the emulator
        main.addInitialProperty("quickstart.extract-poll-interval", connection.emulated() ? "200" : "5000");
        connection.componentProperties().forEach(main::addInitialProperty);
        main.start();
        try {
            if (summary.await(TIMEOUT)) {
                LOG.info("Quickstart complete: {}", summary.report());
            } else {
                LOG.error("Quickstart incomplete after {} s: {}", TIMEOUT.toSeconds(), summary.report());
            }
            return summary;
        } finally {
            main.stop();
        }
    }
}
