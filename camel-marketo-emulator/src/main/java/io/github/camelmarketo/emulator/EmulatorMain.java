package io.github.camelmarketo.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.github.camelmarketo.emulator.core.LimitPolicy;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;

/**
 * Runs the emulator from the command line until interrupted:
 *
 * <pre>
 * java -jar camel-marketo-emulator-&lt;version&gt;-all.jar --port 8089 --leads 10000 \
 *     [--seed 42] [--token-ttl 3599] [--host 127.0.0.1] [--limits vendor|off] \
 *     [--leadsquared-record-count per-request|per-page] [--leadsquared-omit-columns none|example|Col1,Col2] \
 *     [--clock-offset 30s] [--updated-at-filter on|off] [--export-daily-mb 500]
 * </pre>
 *
 * {@code --clock-offset} runs the emulated vendor's clock ahead (or, negative, behind) real time: {@code 30s},
 * {@code -2m}, {@code 1h}, {@code 8d} or an ISO-8601 duration ({@code PT30S}).
 * {@code --updated-at-filter off} makes Bulk Lead Extract refuse the updatedAt filter (1035).
 * {@code --export-daily-mb} sets the daily export allowance (0: unlimited).
 *
 * Prints the base URLs and the emulator's test credentials (they are accepted by this emulator only).
 */
public final class EmulatorMain {

    static final String USAGE = "Usage: java -jar camel-marketo-emulator-<version>-all.jar [--port 8089] [--leads 10000]"
                                + " [--seed 42] [--token-ttl 3599] [--host 127.0.0.1] [--limits vendor|off]"
                                + " [--leadsquared-record-count per-request|per-page]"
                                + " [--leadsquared-omit-columns none|example|Col1,Col2]"
                                + " [--clock-offset 30s] [--updated-at-filter on|off] [--export-daily-mb 500]";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        // CXF logs every fault it sends with a stack trace; the emulator sends faults on purpose
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.cxf.phase.PhaseInterceptorChain", "error");
        MarketoEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stopped.countDown();
        }, "emulator-shutdown"));
        stopped.await();
    }

    /** Parses {@code args}, starts the emulator and prints where it listens. */
    static MarketoEmulator start(String[] args, PrintStream out) {
        MarketoEmulator emulator = parse(args).build().start();
        printBanner(emulator, out);
        return emulator;
    }

    /** Reads the command line into a builder; throws {@link IllegalArgumentException} naming the bad option. */
    static MarketoEmulator.Builder parse(String[] args) {
        MarketoEmulator.Builder builder = MarketoEmulator.builder().port(8089).leads(1000);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(number(option, value, 0, 65_535));
                case "--leads" -> builder.leads(number(option, value, 0, 5_000_000));
                case "--seed" -> builder.randomSeed(longNumber(option, value));
                case "--token-ttl" -> builder.tokenTtl(Duration.ofSeconds(number(option, value, 1, Integer.MAX_VALUE)));
                case "--host" -> builder.host(value);
                case "--limits" -> limits(builder, value);
                case "--leadsquared-record-count" -> builder.leadSquaredRecordCount(recordCount(value));
                case "--leadsquared-omit-columns" -> builder.leadSquaredOmittedColumns(omittedColumns(value));
                case "--clock-offset" -> builder.clockOffset(duration(option, value));
                case "--updated-at-filter" -> builder.exportUpdatedAtFilter(onOff(option, value));
                case "--export-daily-mb" -> builder.exportDailyQuota(number(option, value, 0, 1_000_000) * 1024L * 1024L);
                default -> throw new IllegalArgumentException("Unknown option " + option + "; allowed: --port, --leads, --seed,"
                                                              + " --token-ttl, --host, --limits, --leadsquared-record-count,"
                                                              + " --leadsquared-omit-columns, --clock-offset, --updated-at-filter,"
                                                              + " --export-daily-mb");
            }
        }
        return builder;
    }

    /** {@code vendor} (default): the vendors' rate, concurrency and quota limits; {@code off}: none (benchmarks). */
    private static void limits(MarketoEmulator.Builder builder, String value) {
        switch (value) {
            case "vendor" -> {
                // the builder's defaults are the vendors' limits
            }
            case "off" -> builder.soapLimits(LimitPolicy.unlimited()).restLimits(LimitPolicy.unlimited())
                    .leadSquaredLimits(LimitPolicy.unlimited());
            default -> throw new IllegalArgumentException("Option --limits must be vendor or off, was " + value);
        }
    }

    /** What LeadSquared's RecordCount counts: {@code per-request} (default) or {@code per-page}. */
    private static LeadSquaredApi.RecordCount recordCount(String value) {
        return switch (value) {
            case "per-request" -> LeadSquaredApi.RecordCount.PER_REQUEST;
            case "per-page" -> LeadSquaredApi.RecordCount.PER_PAGE;
            default -> throw new IllegalArgumentException(
                    "Option --leadsquared-record-count must be per-request or per-page, was " + value);
        };
    }

    /**
     * Requested columns LeadSquared answers leave out: {@code none} (default), {@code example} (those the vendor's
     * example answer leaves out: ProspectId, OwnerIdEmailAddress, ProspectAutoID) or a comma-separated list.
     */
    private static Set<String> omittedColumns(String value) {
        return switch (value) {
            case "none" -> Set.of();
            case "example" -> LeadSquaredApi.EXAMPLE_OMITTED_COLUMNS;
            default -> Arrays.stream(value.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        };
    }

    static void printBanner(MarketoEmulator emulator, PrintStream out) {
        MarketoEmulator.Settings settings = emulator.settings();
        out.println("Marketo / LeadSquared emulator listening on " + emulator.getBaseUrl()
                    + " (" + emulator.store().size() + " leads, seed " + settings.randomSeed() + ")");
        out.println("  SOAP endpoint      " + emulator.getSoapEndpoint()
                    + "   (WSDL: " + emulator.getSoapEndpoint() + "?WSDL)");
        out.println("  REST endpoint      " + emulator.getRestEndpoint());
        out.println("  Identity endpoint  " + emulator.getIdentityEndpoint());
        out.println("  Bulk endpoint      " + emulator.getBulkEndpoint());
        out.println("  LeadSquared        " + emulator.getLeadSquaredUrl() + "   (RecordCount "
                    + emulator.leadSquared().recordCount().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (emulator.leadSquared().omittedColumns().isEmpty() ? ""
                            : ", answers omit " + String.join(",", new TreeSet<>(emulator.leadSquared().omittedColumns())))
                    + ")");
        out.println("  Static lists       " + emulator.store().lists().stream()
                .map(l -> l.name() + " (id " + l.id() + ", " + l.memberIds().size() + " leads)")
                .collect(Collectors.joining(", ")));
        out.println("Emulator test credentials (fixed, accepted only by this emulator; not real secrets):");
        out.println("  munchkinId             " + emulator.getMunchkinId());
        out.println("  SOAP userId            " + emulator.getSoapUserId());
        out.println("  SOAP encryptionKey     " + emulator.getSoapEncryptionKey());
        out.println("  REST clientId          " + emulator.getClientId());
        out.println("  REST clientSecret      " + emulator.getClientSecret());
        out.println("  REST token TTL         " + settings.tokenTtl().toSeconds() + " s");
        if (!settings.clockOffset().isZero()) {
            out.println("  Clock offset           " + settings.clockOffset() + " (emulator time - real time)");
        }
        out.println("  LeadSquared accessKey  " + emulator.getLeadSquaredAccessKey());
        out.println("  LeadSquared secretKey  " + emulator.getLeadSquaredSecretKey());
        out.println("Press Ctrl+C to stop.");
    }

    /** {@code 30s}, {@code -2m}, {@code 1h}, {@code 8d}, a plain number of seconds, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String option, String value) {
        String text = value.trim();
        try {
            if (text.toUpperCase(Locale.ROOT).contains("P")) {
                return Duration.parse(text);
            }
            char unit = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
            String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
            long amount = Long.parseLong(digits);
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException(text);
                    }
                    yield Duration.ofSeconds(amount);
                }
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Option " + option + " needs a duration such as 30s, -2m, 1h, 8d or"
                                               + " PT30S, was '" + value + "'");
        }
    }

    private static boolean onOff(String option, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("Option " + option + " must be on or off, was " + value);
        };
    }

    private static int number(String option, String value, int min, int max) {
        long n = longNumber(option, value);
        if (n < min || n > max) {
            throw new IllegalArgumentException(
                    "Option " + option + " must be between " + min + " and " + max + ", was " + value);
        }
        return (int) n;
    }

    private static long longNumber(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a number, was '" + value + "'");
        }
    }
}
