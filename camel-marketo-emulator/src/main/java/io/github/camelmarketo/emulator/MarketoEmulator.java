package io.github.camelmarketo.emulator;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.github.camelmarketo.emulator.contract.RestRecorder;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.CallCounters;
import io.github.camelmarketo.emulator.core.EmulatorClock;
import io.github.camelmarketo.emulator.core.FaultInjector;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import io.github.camelmarketo.emulator.core.VendorLimits;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import io.github.camelmarketo.emulator.rest.RestApi;
import io.github.camelmarketo.emulator.soap.SoapApi;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;

/**
 * A stateful stand-in for Marketo (SOAP + REST + bulk extract) and LeadSquared, on one real HTTP port.
 *
 * <pre>
 * MarketoEmulator emulator = MarketoEmulator.builder().leads(1_000).build().start();
 * emulator.getSoapEndpoint();   // http://127.0.0.1:PORT/soap/mktows/2_x   (WSDL at ...?WSDL)
 * emulator.getRestEndpoint();   // http://127.0.0.1:PORT/rest
 * emulator.getIdentityEndpoint(); // http://127.0.0.1:PORT/identity
 * emulator.getBulkEndpoint();   // http://127.0.0.1:PORT/bulk
 * emulator.getLeadSquaredUrl(); // http://127.0.0.1:PORT   (POST /v2/LeadManagement.svc/Leads/Retrieve/ByIds)
 * </pre>
 *
 * One {@link LeadStore} backs every API. {@link #limits()}, {@link #faults()} and {@link #counters()} let tests
 * provoke and observe vendor behaviour; {@link #reset()} restores the seeded state.
 */
public final class MarketoEmulator implements AutoCloseable {

    private final Settings settings;
    private final EmulatorClock clock;
    private final LeadStore store;
    private final VendorLimits limits;
    private final FaultInjector faults = new FaultInjector();
    private final CallCounters counters = new CallCounters();
    private final RestRecorder recorder = new RestRecorder();
    private final SoapApi soapApi;
    private final RestApi restApi;
    private final LeadSquaredApi leadSquaredApi;
    private Undertow server;
    private int port;

    private MarketoEmulator(Settings settings) {
        this.settings = settings;
        this.clock = new EmulatorClock(settings.clock, settings.clockOffset);
        this.store = new LeadStore(clock);
        this.limits = new VendorLimits(clock);
        this.soapApi = new SoapApi(this);
        this.restApi = new RestApi(this);
        this.leadSquaredApi = new LeadSquaredApi(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Seeds the store and starts listening. Returns {@code this}. */
    public synchronized MarketoEmulator start() {
        if (server != null) {
            return this;
        }
        reset();
        PathHandler paths = new PathHandler();
        soapApi.mount(paths);
        restApi.mount(paths);
        leadSquaredApi.mount(paths);
        server = Undertow.builder()
                .addHttpListener(settings.port, settings.host)
                .setIoThreads(2)
                .setWorkerThreads(settings.workerThreads)
                .setHandler(settings.keepAlive ? paths : exchange -> {
                    // every answer closes its connection, so each call opens a new one (see Builder.keepAlive)
                    exchange.setPersistent(false);
                    paths.handleRequest(exchange);
                })
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return this;
    }

    /** Stops listening; safe to call twice. */
    public synchronized void stop() {
        if (server != null) {
            soapApi.stop();
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Back to the state right after {@link #start()}: the builder's clock offset, re-seeded store and activity log,
     * no tokens, no queued faults, zero counters, vendor limit policies (plus the builder's overrides), fresh windows
     * and quotas, no export jobs, the builder's export settings and LeadSquared answer readings.
     */
    public synchronized void reset() {
        clock.setOffset(settings.clockOffset);
        store.seed(settings.leads, settings.randomSeed);
        limits.reset();
        if (settings.restLimits != null) {
            limits.setPolicy(Api.REST, settings.restLimits);
        }
        if (settings.soapLimits != null) {
            limits.setPolicy(Api.SOAP, settings.soapLimits);
        }
        if (settings.leadSquaredLimits != null) {
            limits.setPolicy(Api.LEADSQUARED, settings.leadSquaredLimits);
        }
        faults.clear();
        counters.reset();
        recorder.clear();
        if (settings.recordRestCalls) {
            recorder.start();
        } else {
            recorder.stop();
        }
        soapApi.reset();
        restApi.reset();
        leadSquaredApi.reset();
    }

    // ------------------------------------------------------------ URLs

    public int getPort() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String getBaseUrl() {
        return "http://" + settings.host + ":" + port;
    }

    /** SOAP endpoint, as {@code https://{munchkinId}.mktoapi.com/soap/mktows/2_x}; WSDL at {@code ?WSDL}. */
    public String getSoapEndpoint() {
        return getBaseUrl() + SoapApi.PATH;
    }

    /** REST base, as {@code https://{munchkinId}.mktorest.com/rest}. */
    public String getRestEndpoint() {
        return getBaseUrl() + "/rest";
    }

    /** Identity base, as {@code https://{munchkinId}.mktorest.com/identity}. */
    public String getIdentityEndpoint() {
        return getBaseUrl() + "/identity";
    }

    /** Bulk API base, as {@code https://{munchkinId}.mktorest.com/bulk}. */
    public String getBulkEndpoint() {
        return getBaseUrl() + "/bulk";
    }

    /** LeadSquared API base (stands in for {@code https://api-in21.leadsquared.com}). */
    public String getLeadSquaredUrl() {
        return getBaseUrl();
    }

    /** LeadSquared host:port (for a component option named {@code host}). */
    public String getLeadSquaredHost() {
        return settings.host + ":" + port;
    }

    // ------------------------------------------------------------ credentials

    public String getMunchkinId() {
        return settings.munchkinId;
    }

    public String getSoapUserId() {
        return settings.soapUserId;
    }

    public String getSoapEncryptionKey() {
        return settings.soapEncryptionKey;
    }

    public String getClientId() {
        return settings.clientId;
    }

    public String getClientSecret() {
        return settings.clientSecret;
    }

    public String getLeadSquaredAccessKey() {
        return settings.leadSquaredAccessKey;
    }

    public String getLeadSquaredSecretKey() {
        return settings.leadSquaredSecretKey;
    }

    // ------------------------------------------------------------ state and control

    public Settings settings() {
        return settings;
    }

    /** The emulator's clock: the builder's clock plus an offset ({@link #setClockOffset(Duration)}). */
    public EmulatorClock clock() {
        return clock;
    }

    /**
     * Moves the emulator's time to base time + {@code offset} from now on (e.g. {@code Duration.ofDays(8)} to pass
     * the 7-day export file retention); {@link #reset()} restores the builder's offset.
     */
    public void setClockOffset(Duration offset) {
        clock.setOffset(offset);
    }

    public LeadStore store() {
        return store;
    }

    public VendorLimits limits() {
        return limits;
    }

    public FaultInjector faults() {
        return faults;
    }

    public CallCounters counters() {
        return counters;
    }

    /** The REST call recorder, for {@link io.github.camelmarketo.emulator.contract.OpenApiContract}. */
    public RestRecorder recorder() {
        return recorder;
    }

    public RestApi rest() {
        return restApi;
    }

    public SoapApi soap() {
        return soapApi;
    }

    public LeadSquaredApi leadSquared() {
        return leadSquaredApi;
    }

    /** Immutable configuration, read by the API handlers. */
    public static final class Settings {
        String host = "127.0.0.1";
        int port;
        int workerThreads = 64;
        int leads = 100;
        long randomSeed = 42;
        Clock clock = Clock.systemUTC();
        Duration clockOffset = Duration.ZERO;
        String munchkinId = "123-EMU-456";
        String soapUserId = "emulator1_0123456789ABCDEF";
        String soapEncryptionKey = "emulator-encryption-key-0123456789";
        String clientId = "emulator-client-id";
        String clientSecret = "emulator-client-secret";
        String leadSquaredAccessKey = "u$emulator-access-key";
        String leadSquaredSecretKey = "emulator-secret-key";
        Duration tokenTtl = Duration.ofSeconds(3599);
        Duration signatureSkew = Duration.ofMinutes(15);
        int maxUrlLength = 8 * 1024;
        boolean keepAlive = true;
        LimitPolicy restLimits;
        LimitPolicy soapLimits;
        LimitPolicy leadSquaredLimits;
        boolean exportUpdatedAtFilter = true;
        long exportDailyBytes = 500L * 1024 * 1024;
        int activityScanLimit = 1000;
        boolean recordRestCalls;
        LeadSquaredApi.RecordCount leadSquaredRecordCount = LeadSquaredApi.RecordCount.PER_REQUEST;
        Set<String> leadSquaredOmittedColumns = Set.of();

        public String host() {
            return host;
        }

        public int leads() {
            return leads;
        }

        public long randomSeed() {
            return randomSeed;
        }

        /** Lifetime of REST access tokens ({@code expires_in}). */
        public Duration tokenTtl() {
            return tokenTtl;
        }

        /** How old a SOAP {@code requestTimestamp} may be before fault 20016 (request expired). */
        public Duration signatureSkew() {
            return signatureSkew;
        }

        /** Whether Bulk Lead Extract accepts the {@code updatedAt} filter (else 1035). */
        public boolean exportUpdatedAtFilter() {
            return exportUpdatedAtFilter;
        }

        /** Daily export allowance in bytes ({@code <= 0}: none). */
        public long exportDailyBytes() {
            return exportDailyBytes;
        }

        /** Activities one activity read examines at most. */
        public int activityScanLimit() {
            return activityScanLimit;
        }

        /** Offset of the emulator's clock from the base clock, restored by {@link MarketoEmulator#reset()}. */
        public Duration clockOffset() {
            return clockOffset;
        }

        /** Longest REST request line (path + query) accepted before HTTP 414. */
        public int maxUrlLength() {
            return maxUrlLength;
        }

        /** What LeadSquared's {@code RecordCount} counts (default: the leads of the whole request). */
        public LeadSquaredApi.RecordCount leadSquaredRecordCount() {
            return leadSquaredRecordCount;
        }

        /** Requested columns LeadSquared answers leave out (default: none). */
        public Set<String> leadSquaredOmittedColumns() {
            return leadSquaredOmittedColumns;
        }
    }

    /** Builder; every setting has a working default, so {@code builder().build().start()} is enough. */
    public static final class Builder {
        private final Settings s = new Settings();

        /** Port to listen on; 0 (default) picks a free one. */
        public Builder port(int port) {
            s.port = port;
            return this;
        }

        public Builder host(String host) {
            s.host = host;
            return this;
        }

        /** Number of generated leads (default 100). */
        public Builder leads(int leads) {
            s.leads = leads;
            return this;
        }

        /** Seed of the lead generator (default 42). */
        public Builder randomSeed(long seed) {
            s.randomSeed = seed;
            return this;
        }

        /** The base clock (default: system UTC); the emulator's time is this plus {@link #clockOffset(Duration)}. */
        public Builder clock(Clock clock) {
            s.clock = clock;
            return this;
        }

        /**
         * How far the emulated vendor's clock runs ahead of (positive) or behind (negative) the base clock (default
         * 0): every date it writes or compares and the REST {@code Date} header use it.
         */
        public Builder clockOffset(Duration offset) {
            s.clockOffset = offset;
            return this;
        }

        public Builder workerThreads(int threads) {
            s.workerThreads = threads;
            return this;
        }

        public Builder munchkinId(String munchkinId) {
            s.munchkinId = munchkinId;
            return this;
        }

        public Builder soapCredentials(String userId, String encryptionKey) {
            s.soapUserId = userId;
            s.soapEncryptionKey = encryptionKey;
            return this;
        }

        public Builder restCredentials(String clientId, String clientSecret) {
            s.clientId = clientId;
            s.clientSecret = clientSecret;
            return this;
        }

        public Builder leadSquaredKeys(String accessKey, String secretKey) {
            s.leadSquaredAccessKey = accessKey;
            s.leadSquaredSecretKey = secretKey;
            return this;
        }

        public Builder tokenTtl(Duration ttl) {
            s.tokenTtl = ttl;
            return this;
        }

        public Builder signatureSkew(Duration skew) {
            s.signatureSkew = skew;
            return this;
        }

        public Builder maxUrlLength(int length) {
            s.maxUrlLength = length;
            return this;
        }

        /**
         * Whether connections stay open between calls (default true). With {@code false} every answer carries
         * {@code Connection: close}, so each call is one TCP connection: what a {@link io.github.camelmarketo.emulator.core.TcpGate}
         * in front of the emulator needs to refuse the connection of one chosen call.
         */
        public Builder keepAlive(boolean keepAlive) {
            s.keepAlive = keepAlive;
            return this;
        }

        public Builder restLimits(LimitPolicy policy) {
            s.restLimits = policy;
            return this;
        }

        public Builder soapLimits(LimitPolicy policy) {
            s.soapLimits = policy;
            return this;
        }

        public Builder leadSquaredLimits(LimitPolicy policy) {
            s.leadSquaredLimits = policy;
            return this;
        }

        /**
         * Whether Bulk Lead Extract accepts the {@code updatedAt} filter (default true); false answers 1035 for it on
         * {@code create.json}, as subscriptions without that filter do. Runtime: {@link RestApi#exportUpdatedAtFilter}.
         */
        public Builder exportUpdatedAtFilter(boolean supported) {
            s.exportUpdatedAtFilter = supported;
            return this;
        }

        /**
         * What {@code RecordCount} counts in LeadSquared answers: the leads found for all ids of the request
         * ({@link LeadSquaredApi.RecordCount#PER_REQUEST PER_REQUEST}, default) or the leads of the page answered
         * ({@link LeadSquaredApi.RecordCount#PER_PAGE PER_PAGE}); the vendor's document allows both readings.
         */
        public Builder leadSquaredRecordCount(LeadSquaredApi.RecordCount reading) {
            s.leadSquaredRecordCount = Objects.requireNonNull(reading, "reading");
            return this;
        }

        /**
         * Daily Bulk Extract allowance in bytes of completed files (default 500 MB; {@code <= 0}: unlimited); scale it
         * down to reach 1029 "Export daily quota exceeded" with small stores. Runtime: {@link RestApi#exportDailyQuota}.
         */
        public Builder exportDailyQuota(long bytes) {
            s.exportDailyBytes = bytes;
            return this;
        }

        /**
         * How many activities one activity read examines at most (default 1,000): a filtered read that finds nothing
         * there answers an empty page with {@code moreResult=true}, as the vendor does.
         */
        public Builder activityScanLimit(int activities) {
            if (activities < 1) {
                throw new IllegalArgumentException("activityScanLimit must be at least 1, was " + activities);
            }
            s.activityScanLimit = activities;
            return this;
        }

        /** Records every REST call from the start (and after each reset) for the contract checker (default off). */
        public Builder recordRestCalls(boolean record) {
            s.recordRestCalls = record;
            return this;
        }

        /**
         * Requested columns that LeadSquared answers leave out (names ignore case), as the document's example answer
         * does with {@link LeadSquaredApi#EXAMPLE_OMITTED_COLUMNS}; default none.
         */
        public Builder leadSquaredOmittedColumns(Collection<String> columns) {
            s.leadSquaredOmittedColumns = Set.copyOf(new LinkedHashSet<>(columns));
            return this;
        }

        /** Same as {@link #leadSquaredOmittedColumns(Collection)}. */
        public Builder leadSquaredOmittedColumns(String... columns) {
            return leadSquaredOmittedColumns(Arrays.asList(columns));
        }

        public MarketoEmulator build() {
            return new MarketoEmulator(s);
        }
    }
}
