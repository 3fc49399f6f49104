package io.github.camelmarketo.examples.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.examples.benchmark.tasks.PeakLiveHeap;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Streams every lead of an emulator through {@code from("marketo:getMultipleLeads?leadSelector=lastUpdateAt...")} and
 * prints leads/s and this JVM's peak heap. The emulator runs in its own JVM (it holds all leads in memory); this JVM
 * is the consumer alone, so its heap ({@code -Xmx256m} by default) shows that memory is bounded by one page.
 *
 * <pre>
 * ./mvnw -q -pl examples/benchmark -am package exec:exec@benchmark -DskipTests [-Dbenchmark.leads=1000000 -Dbenchmark.api=soap|rest]
 * </pre>
 */
public final class ConsumerBenchmark {

    private ConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int leads = 1_000_000;
        MarketoApi api = MarketoApi.soap;
        int batchSize = 1000;
        String emulatorHeap = "4g";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--leads" -> leads = Integer.parseInt(args[i + 1]);
                case "--api" -> api = MarketoApi.valueOf(args[i + 1]);
                case "--batch-size" -> batchSize = Integer.parseInt(args[i + 1]);
                case "--emulator-heap" -> emulatorHeap = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                                                              + "; allowed: --leads, --api, --batch-size, --emulator-heap");
            }
        }
        int port = freePort();
        System.out.printf(Locale.ROOT, "Starting the emulator (separate JVM, -Xmx%s, %,d leads, vendor limits OFF) on port %d ...%n",
                emulatorHeap, leads, port);
        Process emulator = startEmulator(port, leads, emulatorHeap);
        try {
            run(api, leads, batchSize, "http://127.0.0.1:" + port);
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(MarketoApi api, int leads, int batchSize, String baseUrl) throws Exception {
        CamelContext context = new DefaultCamelContext();
        MarketoComponent component = new MarketoComponent();
        MarketoConfiguration configuration = component.getConfiguration();
        configuration.setApi(api);
        // the emulator's fixed test credentials (see EmulatorMain's banner)
        configuration.setUserId("emulator1_0123456789ABCDEF");
        configuration.setEncryptionKey("emulator-encryption-key-0123456789");
        configuration.setSoapEndpoint(baseUrl + "/soap/mktows/2_x");
        configuration.setClientId("emulator-client-id");
        configuration.setClientSecret("emulator-client-secret");
        configuration.setRestEndpoint(baseUrl + "/rest");
        configuration.setIdentityEndpoint(baseUrl + "/identity");
        configuration.setExtractPollInterval(200);
        if (api == MarketoApi.soap) {
            configuration.setClientId(null);
            configuration.setClientSecret(null);
        } else {
            configuration.setUserId(null);
            configuration.setEncryptionKey(null);
        }
        context.addComponent("marketo", component);

        AtomicLong received = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        int expected = leads;
        String since = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since + "&batchSize=" + batchSize
                     + "&greedy=true&delay=10")
                        .process(exchange -> {
                            if (received.incrementAndGet() == expected) {
                                done.countDown();
                            }
                        });
            }
        });

        System.gc();
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heapPools.add(pool);
            }
        }
        AtomicLong peakAfterGc = PeakLiveHeap.track(
                heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet()));
        long start = System.nanoTime();
        context.start();
        long lastReport = start;
        while (!done.await(1, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            if (now - lastReport >= TimeUnit.SECONDS.toNanos(10)) {
                lastReport = now;
                System.out.printf(Locale.ROOT, "  ... %,d leads (%.0f leads/s)%n", received.get(),
                        received.get() / ((now - start) / 1e9));
            }
            if (now - start > TimeUnit.MINUTES.toNanos(30)) {
                throw new IllegalStateException("Gave up after 30 minutes with " + received.get() + " leads");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        context.stop();

        long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.println();
        System.out.println("Consumer benchmark (camel-marketo polling consumer, api=" + api + ")");
        System.out.printf(Locale.ROOT, "  leads streamed      %,d (batchSize %d, one exchange per lead)%n", received.get(), batchSize);
        System.out.printf(Locale.ROOT, "  elapsed             %.1f s%n", seconds);
        System.out.printf(Locale.ROOT, "  throughput          %,.0f leads/s%n", received.get() / seconds);
        System.out.printf(Locale.ROOT, "  peak heap (sum of heap pool peaks, consumer JVM)  %,.1f MB of %,.0f MB max%n",
                peakHeap / 1048576.0, maxHeap / 1048576.0);
        System.out.printf(Locale.ROOT, "  peak heap after GC (largest heap left by any collection: retained data)  %,.1f MB%n",
                peakAfterGc.get() / 1048576.0);
        System.out.println("  The emulator ran in its own JVM with vendor limits off: these are client-side figures, not Marketo's.");
    }

    private static Process startEmulator(int port, int leads, String heap) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "io.github.camelmarketo.emulator.EmulatorMain", "--port", Integer.toString(port),
                "--leads", Integer.toString(leads), "--limits", "off");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Marketo / LeadSquared emulator listening")) {
                System.out.println("  " + line);
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // the emulator stopped
                    }
                }, "emulator-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
        }
        process.destroy();
        throw new IllegalStateException("The emulator did not start (exit " + process.waitFor() + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
