package io.github.camelmarketo.component.marketo.soak;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoPartialSyncException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.FaultInjector;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * The soak: producers (syncMultipleLeads, syncLead and getMultipleLeads by key, over REST and SOAP, one thread each)
 * and two consumers (REST leadChanges, SOAP lastUpdateAt) run against the emulator while random faults are injected
 * (601/602/606/615/604/611, HTTP 429/500/503, dropped connections, a write applied and then its connection dropped;
 * the SOAP equivalents) and the emulator enforces scaled vendor limits. Two components share them like two
 * integrations of one instance: {@code marketo} writes, {@code marketo-feed} reads (the getMultipleLeads producers and
 * both consumers). Each keeps to the limits on its own, so together they exceed them and meet 606/615 (20023/20024).
 *
 * <p>
 * Every record has a unique email. The driver keeps what the producers reported written: the successful results of
 * completed calls and the applied results of a {@link MarketoPartialSyncException}, whose remaining records it sends
 * again from the exception's resume index; a write that failed as a whole is sent again (an upsert by email, so a
 * write that was applied before its answer was lost updates instead of duplicating). When the producers stop, the
 * consumers get time to catch up, and the totals are taken from the emulator's store: every record reported written
 * must be there exactly once and have been delivered by both consumers.
 */
public final class SoakDriver {

    /** The domain of every email the soak writes. */
    public static final String EMAIL_DOMAIN = "@soak.example.com";

    private static final int LIMIT_CALLS = 30;
    private static final Duration LIMIT_WINDOW = Duration.ofSeconds(2);
    private static final int LIMIT_CONCURRENT = 3;
    private static final int WRITE_ATTEMPTS = 10;
    private static final String FEED = "marketo-feed";
    private static final List<String> CONSUMERS = List.of("REST leadChanges", "SOAP lastUpdateAt");

    /**
     * How a run behaves.
     *
     * @param duration      how long the producers run
     * @param progressEvery how often progress is printed (null: never)
     * @param catchUp       how long the consumers get to deliver every written record once the producers stopped
     * @param syncBatch     records per syncMultipleLeads call (above 300: two chunks, so a later chunk can fail)
     * @param batchPause    pause of a syncMultipleLeads producer between batches
     * @param callPause     pause of a syncLead or getMultipleLeads producer between calls
     * @param faultEvery    mean time between two injected faults (the next is queued once the last was taken)
     */
    public record Settings(Duration duration, Duration progressEvery, Duration catchUp, int syncBatch,
            Duration batchPause, Duration callPause, Duration faultEvery) {

        /** The soak's settings: progress every 30 s, up to 3 minutes to catch up. */
        public static Settings soak(Duration duration) {
            return new Settings(duration, Duration.ofSeconds(30), Duration.ofMinutes(3), 310, Duration.ofMillis(1500),
                    Duration.ofMillis(100), Duration.ofMillis(400));
        }
    }

    /** Scaled vendor limits on both APIs (calls per window and concurrency; no daily quota, whose answer is a stop). */
    public static void limits(MarketoEmulator.Builder builder) {
        LimitPolicy scaled = new LimitPolicy(LIMIT_CALLS, LIMIT_WINDOW, LIMIT_CONCURRENT, 0);
        builder.leads(100).restLimits(scaled).soapLimits(scaled);
    }

    /**
     * A component configuration for the soak: REST by default, SOAP with {@code api=soap}, the client-side limiter at
     * the emulator's limits, and retries with short delays.
     */
    public static void configure(MarketoConfiguration configuration, MarketoEmulator emulator) {
        MarketoTestSupport.configureFor(configuration, emulator, MarketoApi.rest);
        configuration.setUserId(emulator.getSoapUserId());
        configuration.setEncryptionKey(emulator.getSoapEncryptionKey());
        configuration.setSoapEndpoint(emulator.getSoapEndpoint());
        configuration.setRateLimitCalls(LIMIT_CALLS);
        configuration.setRateLimitWindow(LIMIT_WINDOW.toMillis());
        configuration.setMaxConcurrentCalls(LIMIT_CONCURRENT);
        configuration.setMaxRetries(5);
        configuration.setRetryInitialDelay(50);
        configuration.setRetryMaxDelay(1000);
        configuration.setSocketTimeout(30_000);
    }

    private final CamelContext context;
    private final MarketoEmulator emulator;
    private final Settings settings;
    private final ProducerTemplate template;
    private final Random random = new Random(20261201);
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private final Map<String, Boolean> written = new ConcurrentHashMap<>();
    private final List<String> writtenList = new ArrayList<>();
    private final Map<String, Map<String, LongAdder>> deliveries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> surfaced = new ConcurrentHashMap<>();
    private final Map<String, Long> faultsTaken = new HashMap<>();
    private final LongAdder partialResumes = new LongAdder();
    private final LongAdder resends = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder readBack = new LongAdder();
    private final LongAdder readMissing = new LongAdder();
    private final LongAdder pollFailures = new LongAdder();
    private volatile boolean producing;
    private Instant started;

    public SoakDriver(CamelContext context, MarketoEmulator emulator, Settings settings) {
        this.context = context;
        this.emulator = emulator;
        this.settings = settings;
        this.template = context.createProducerTemplate();
        for (String consumer : CONSUMERS) {
            deliveries.put(consumer, new ConcurrentHashMap<>());
        }
    }

    /**
     * Runs the soak; {@code halfway} is called once when half the producers' time has passed (a test may change the
     * store behind the driver's back there). Returns the totals; the caller asserts on them.
     */
    public SoakTotals run(Consumer<SoakDriver> halfway) throws Exception {
        started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MarketoComponent feed = new MarketoComponent();
        configure(feed.getConfiguration(), emulator);
        context.addComponent(FEED, feed);
        context.getRegistry().bind("soakPollStrategy", new CountingPollStrategy());
        context.addRoutes(routes());

        producing = true;
        ExecutorService producers = Executors.newFixedThreadPool(7);
        producers.submit(() -> writeBatches("direct:rest-sync-multiple", "rm"));
        producers.submit(() -> writeBatches("direct:soap-sync-multiple", "sm"));
        producers.submit(() -> writeSingles("direct:rest-sync-lead", "rs"));
        producers.submit(() -> writeSingles("direct:soap-sync-lead", "ss"));
        producers.submit(() -> readBack("direct:rest-read"));
        producers.submit(() -> readBack("direct:soap-read"));
        producers.submit(this::injectFaults);

        long end = System.nanoTime() + settings.duration().toNanos();
        long half = System.nanoTime() + settings.duration().toNanos() / 2;
        long nextProgress = settings.progressEvery() == null ? Long.MAX_VALUE
                : System.nanoTime() + settings.progressEvery().toNanos();
        boolean halfwayDone = false;
        while (System.nanoTime() < end) {
            Thread.sleep(100);
            if (!halfwayDone && System.nanoTime() >= half) {
                halfwayDone = true;
                halfway.accept(this);
            }
            if (System.nanoTime() >= nextProgress) {
                nextProgress += settings.progressEvery().toNanos();
                System.out.println(progress());
            }
        }
        producing = false;
        producers.shutdown();
        if (!producers.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The soak's producers did not stop within 2 minutes");
        }
        Duration produced = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        emulator.faults().clear();
        awaitConsumers();
        SoakTotals totals = totals(produced);
        context.getRouteController().stopRoute("soak-rest-feed");
        context.getRouteController().stopRoute("soak-soap-feed");
        return totals;
    }

    /** Emails reported written so far, in the order they were reported. */
    public List<String> writtenEmails() {
        synchronized (writtenList) {
            return List.copyOf(writtenList);
        }
    }

    public MarketoEmulator emulator() {
        return emulator;
    }

    private RouteBuilder routes() {
        String since = started.minusSeconds(5).toString();
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the driver handles every failure itself (resume or resend): no redelivery, no error logging
                errorHandler(noErrorHandler());
                from("direct:rest-sync-multiple").to("marketo:syncMultipleLeads");
                from("direct:soap-sync-multiple").to("marketo:syncMultipleLeads?api=soap");
                from("direct:rest-sync-lead").to("marketo:syncLead");
                from("direct:soap-sync-lead").to("marketo:syncLead?api=soap");
                from("direct:rest-read").to(FEED + ":getMultipleLeads?batchSize=300");
                from("direct:soap-read").to(FEED + ":getMultipleLeads?api=soap&batchSize=1000");
                from(FEED + ":getMultipleLeads?leadSelector=leadChanges&oldestUpdatedAt=" + since
                     + "&fields=email,firstName&batchSize=300&delay=50&greedy=true&passInterval=1s"
                     + "&pollStrategy=#soakPollStrategy")
                        .routeId("soak-rest-feed").process(e -> delivered(CONSUMERS.get(0), e));
                from(FEED + ":getMultipleLeads?api=soap&leadSelector=lastUpdateAt&oldestUpdatedAt=" + since
                     + "&batchSize=1000&delay=50&greedy=true&passInterval=1s&pollStrategy=#soakPollStrategy")
                        .routeId("soak-soap-feed").process(e -> delivered(CONSUMERS.get(1), e));
            }
        };
    }

    private void delivered(String consumer, Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Lead lead && lead.getEmail() != null && lead.getEmail().endsWith(EMAIL_DOMAIN)) {
            deliveries.get(consumer).computeIfAbsent(lead.getEmail().toLowerCase(Locale.ROOT), k -> new LongAdder())
                    .increment();
        }
    }

    // ------------------------------------------------------------------ producers

    private String email(String kind, long n) {
        return "soak-" + run + "-" + kind + "-" + n + EMAIL_DOMAIN;
    }

    private void writeBatches(String route, String kind) {
        long n = 0;
        while (producing) {
            List<Lead> batch = new ArrayList<>(settings.syncBatch());
            for (int i = 0; i < settings.syncBatch(); i++) {
                batch.add(Lead.withEmail(email(kind, n++)).set("FirstName", "Soak").set("LastName", kind));
            }
            write(route, batch, false);
            pause(settings.batchPause());
        }
    }

    private void writeSingles(String route, String kind) {
        long n = 0;
        while (producing) {
            write(route, List.of(Lead.withEmail(email(kind, n++)).set("FirstName", "Soak").set("LastName", kind)), true);
            pause(settings.callPause());
        }
    }

    /**
     * Writes {@code records} until every one is reported written: a partial sync resumes from its resume index, a
     * failed call is sent again; after {@link #WRITE_ATTEMPTS} failed calls the rest is given up.
     */
    private void write(String route, List<Lead> records, boolean single) {
        int from = 0;
        for (int attempt = 1; from < records.size(); attempt++) {
            List<Lead> remaining = new ArrayList<>(records.subList(from, records.size()));
            Exchange out = template.request(route, e -> e.getMessage().setBody(single ? remaining.get(0) : remaining));
            Exception error = out.getException();
            if (error == null) {
                Object body = out.getMessage().getBody();
                List<?> results = body instanceof List<?> list ? list : List.of(body);
                for (Object result : results) {
                    reported(remaining, (SyncResult) result);
                }
                return;
            }
            count(surfaced, describe(error));
            if (error instanceof MarketoPartialSyncException partial) {
                partialResumes.increment();
                partial.getAppliedResults().forEach(result -> reported(remaining, result));
                from += partial.getResumeIndex();
            }
            if (attempt == WRITE_ATTEMPTS) {
                givenUp.add(records.size() - from);
                return;
            }
            resends.increment();
            pause(Duration.ofMillis(200));
        }
    }

    private void reported(List<Lead> sent, SyncResult result) {
        String email = sent.get(result.index()).getEmail().toLowerCase(Locale.ROOT);
        if (!result.isSuccess()) {
            count(surfaced, "record " + result.status() + " " + result.reasons());
            return;
        }
        if (written.putIfAbsent(email, Boolean.TRUE) == null) {
            synchronized (writtenList) {
                writtenList.add(email);
            }
        }
    }

    private void readBack(String route) {
        while (producing) {
            List<String> keys = sample(100);
            if (!keys.isEmpty()) {
                Exchange out = template.request(route, e -> e.getMessage().setBody(keys));
                if (out.getException() != null) {
                    count(surfaced, describe(out.getException()));
                } else {
                    Set<String> found = new HashSet<>();
                    for (Object lead : out.getMessage().getBody(List.class)) {
                        found.add(((Lead) lead).getEmail().toLowerCase(Locale.ROOT));
                    }
                    for (String key : keys) {
                        (found.contains(key) ? readBack : readMissing).increment();
                    }
                }
            }
            pause(settings.callPause());
        }
    }

    private List<String> sample(int count) {
        synchronized (writtenList) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < count * 2 && keys.size() < Math.min(count, writtenList.size()); i++) {
                keys.add(writtenList.get(random.nextInt(writtenList.size())));
            }
            return new ArrayList<>(keys);
        }
    }

    private static String describe(Exception error) {
        String code = error instanceof MarketoException m && m.getCode() != null ? m.getCode() : "no code";
        return error.getClass().getSimpleName() + " " + code;
    }

    // ------------------------------------------------------------------ faults

    private record NamedFault(String name, Api api, Fault fault) {
    }

    private static final List<NamedFault> FAULTS = List.of(
            new NamedFault("REST 601", Api.REST, new Fault.VendorError("601")),
            new NamedFault("REST 602", Api.REST, new Fault.ExpireTokens()),
            new NamedFault("REST 606", Api.REST, new Fault.VendorError("606")),
            new NamedFault("REST 615", Api.REST, new Fault.VendorError("615")),
            new NamedFault("REST 604", Api.REST, new Fault.VendorError("604")),
            new NamedFault("REST 611", Api.REST, new Fault.VendorError("611")),
            new NamedFault("REST HTTP 429", Api.REST, new Fault.HttpStatus(429)),
            new NamedFault("REST HTTP 500", Api.REST, new Fault.HttpStatus(500)),
            new NamedFault("REST HTTP 503", Api.REST, new Fault.HttpStatus(503)),
            new NamedFault("REST dropped", Api.REST, new Fault.DropConnection()),
            new NamedFault("REST applied-then-dropped", Api.REST, new Fault.ApplyThenDrop()),
            new NamedFault("SOAP 20016", Api.SOAP, new Fault.VendorError("20016")),
            new NamedFault("SOAP 20023", Api.SOAP, new Fault.VendorError("20023")),
            new NamedFault("SOAP 20024", Api.SOAP, new Fault.VendorError("20024")),
            new NamedFault("SOAP 20011", Api.SOAP, new Fault.VendorError("20011")),
            new NamedFault("SOAP HTTP 500", Api.SOAP, new Fault.HttpStatus(500)),
            new NamedFault("SOAP HTTP 503", Api.SOAP, new Fault.HttpStatus(503)),
            new NamedFault("SOAP dropped", Api.SOAP, new Fault.DropConnection()),
            new NamedFault("SOAP applied-then-dropped", Api.SOAP, new Fault.ApplyThenDrop()));

    /** One fault at a time, the next queued at a random moment after the last was taken, so each is counted. */
    private void injectFaults() {
        FaultInjector faults = emulator.faults();
        Random dice = new Random(42);
        NamedFault queued = null;
        while (producing) {
            pause(Duration.ofMillis(settings.faultEvery().toMillis() / 2 + dice.nextInt((int) settings.faultEvery().toMillis() + 1)));
            if (faults.pending() == 0) {
                if (queued != null) {
                    synchronized (faultsTaken) {
                        faultsTaken.merge(queued.name(), 1L, Long::sum);
                    }
                }
                queued = FAULTS.get(dice.nextInt(FAULTS.size()));
                faults.inject(queued.api(), queued.fault(), 1);
            }
        }
        if (queued != null && faults.pending() == 0) {
            synchronized (faultsTaken) {
                faultsTaken.merge(queued.name(), 1L, Long::sum);
            }
        }
    }

    // ------------------------------------------------------------------ accounting

    /** Waits until both consumers delivered every written record that is still in the store (or catchUp passed). */
    private void awaitConsumers() throws InterruptedException {
        long deadline = System.nanoTime() + settings.catchUp().toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (String email : writtenEmails()) {
                if (!deliveredByAll(email) && !emulator.store().findByEmail(email).isEmpty()) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private boolean deliveredByAll(String email) {
        return deliveries.values().stream().allMatch(d -> d.containsKey(email));
    }

    private SoakTotals totals(Duration produced) {
        List<String> emails = writtenEmails();
        Set<String> lost = new java.util.TreeSet<>();
        long missingInStore = 0;
        Map<String, Long> undelivered = new java.util.TreeMap<>();
        for (String email : emails) {
            if (emulator.store().findByEmail(email).isEmpty()) {
                missingInStore++;
                lost.add(email);
                continue;
            }
            for (String consumer : CONSUMERS) {
                if (!deliveries.get(consumer).containsKey(email)) {
                    undelivered.merge(consumer, 1L, Long::sum);
                    lost.add(email);
                }
            }
        }
        // every soak email in the store, whether reported written or not: each must be there once
        Map<String, Integer> stored = new HashMap<>();
        for (EmulatorLead lead : emulator.store().changesAfter(0, started.minusSeconds(5), null, Integer.MAX_VALUE)) {
            if (lead.getEmail() != null && lead.getEmail().endsWith(EMAIL_DOMAIN)) {
                stored.merge(lead.getEmail().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        long duplicated = stored.values().stream().mapToLong(n -> n - 1).sum();

        long calls = 0;
        long retries = 0;
        Map<String, Long> retriesByCode = new java.util.TreeMap<>();
        for (String name : List.of("marketo", FEED)) {
            for (MarketoCallStats stats : context.getComponent(name, MarketoComponent.class).getCallStats().values()) {
                calls += stats.getCalls();
                retries += stats.getRetries();
                stats.getRetriesByCode().forEach((code, n) -> retriesByCode.merge(code, n, Long::sum));
            }
        }
        Map<String, Long> faults;
        synchronized (faultsTaken) {
            faults = SoakTotals.sorted(faultsTaken);
        }
        long limitAnswers = emulator.counters().responses(Api.REST, "606") + emulator.counters().responses(Api.REST, "615")
                            + emulator.counters().responses(Api.SOAP, "20023") + emulator.counters().responses(Api.SOAP, "20024");
        long injectedLimitAnswers = faults.getOrDefault("REST 606", 0L) + faults.getOrDefault("REST 615", 0L)
                                    + faults.getOrDefault("SOAP 20023", 0L) + faults.getOrDefault("SOAP 20024", 0L);
        Map<String, Long> delivered = new java.util.TreeMap<>();
        for (String consumer : CONSUMERS) {
            delivered.put(consumer, emails.stream().filter(deliveries.get(consumer)::containsKey).count());
        }
        return new SoakTotals(produced, emulator.counters().calls(Api.REST) + emulator.counters().calls(Api.SOAP), calls,
                retries, retriesByCode, limitAnswers - injectedLimitAnswers, faults, SoakTotals.sorted(surfacedCounts()),
                partialResumes.sum(), resends.sum(), pollFailures.sum(), emails.size(), givenUp.sum(), readBack.sum(),
                readMissing.sum(), delivered, missingInStore, undelivered, lost.size(), duplicated,
                lost.stream().limit(5).toList());
    }

    private Map<String, Long> surfacedCounts() {
        Map<String, Long> counts = new HashMap<>();
        surfaced.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    private String progress() {
        long elapsed = Duration.between(started, Instant.now()).toSeconds();
        long surfacedTotal = surfaced.values().stream().mapToLong(LongAdder::sum).sum();
        Map<String, Integer> delivered = new java.util.TreeMap<>();
        deliveries.forEach((consumer, d) -> delivered.put(consumer, d.size()));
        long faults;
        synchronized (faultsTaken) {
            faults = faultsTaken.values().stream().mapToLong(Long::longValue).sum();
        }
        return String.format(Locale.ROOT,
                "soak progress %d:%02d  calls=%d  written=%d  read back=%d  delivered=%s  faults=%d  surfaced=%d  "
                + "partial resumes=%d  given up=%d  store=%d",
                elapsed / 60, elapsed % 60, emulator.counters().calls(Api.REST) + emulator.counters().calls(Api.SOAP),
                written.size(), readBack.sum(), delivered, faults, surfacedTotal, partialResumes.sum(), givenUp.sum(),
                emulator.store().size());
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts failed polls; the consumer itself schedules the next attempt. */
    private final class CountingPollStrategy implements PollingConsumerPollStrategy {
        @Override
        public boolean begin(org.apache.camel.Consumer consumer, Endpoint endpoint) {
            return true;
        }

        @Override
        public void commit(org.apache.camel.Consumer consumer, Endpoint endpoint, int polledMessages) {
        }

        @Override
        public boolean rollback(org.apache.camel.Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) {
            pollFailures.increment();
            return false;
        }
    }
}
