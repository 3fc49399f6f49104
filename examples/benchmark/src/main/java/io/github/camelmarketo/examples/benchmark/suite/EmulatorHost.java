package io.github.camelmarketo.examples.benchmark.suite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.LimitPolicy;

/**
 * The emulator's JVM in a suite run: starts {@link MarketoEmulator} with the given leads and limits on a free port,
 * prints {@code READY <baseUrl>}, then answers commands on standard input, one a line:
 * {@code counters} (prints {@code COUNTERS <json>}, the emulator's call counters), {@code reset} (zeroes the
 * counters only; prints {@code OK}) and {@code quit} (or end of input).
 *
 * <pre>
 * java -cp ... EmulatorHost --leads 1000000 --limits 100/5000/10
 * </pre>
 */
public final class EmulatorHost {

    private EmulatorHost() {
    }

    public static void main(String[] args) throws Exception {
        int leads = 0;
        LimitSpec limits = LimitSpec.off();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--leads" -> leads = Integer.parseInt(args[i + 1]);
                case "--limits" -> limits = LimitSpec.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; allowed: --leads, --limits");
            }
        }
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.cxf.phase.PhaseInterceptorChain", "error");
        MarketoEmulator emulator = start(leads, limits);
        ObjectMapper json = new ObjectMapper();
        System.out.println("READY " + emulator.getBaseUrl());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "counters" -> System.out.println("COUNTERS " + json.writeValueAsString(emulator.counters().snapshot()));
                case "reset" -> {
                    emulator.counters().reset();
                    System.out.println("OK");
                }
                case "quit" -> {
                    emulator.stop();
                    return;
                }
                default -> System.out.println("ERROR unknown command " + line);
            }
            System.out.flush();
        }
        emulator.stop();
    }

    /** An emulator with {@code leads} generated leads and {@code limits} on SOAP and REST (vendor quotas kept). */
    static MarketoEmulator start(int leads, LimitSpec limits) {
        MarketoEmulator.Builder builder = MarketoEmulator.builder().port(0).leads(leads);
        if (limits.isOn()) {
            Duration window = Duration.ofMillis(limits.windowMillis());
            builder.soapLimits(LimitPolicy.marketoSoap().withCallsPerWindow(limits.calls(), window)
                    .withMaxConcurrent(limits.concurrent()));
            builder.restLimits(LimitPolicy.marketoRest().withCallsPerWindow(limits.calls(), window)
                    .withMaxConcurrent(limits.concurrent()));
        } else {
            builder.soapLimits(LimitPolicy.unlimited()).restLimits(LimitPolicy.unlimited());
        }
        return builder.build().start();
    }
}
