package io.github.camelmarketo.examples.benchmark.tasks;

/**
 * What one measured client run does. Passed to a client JVM as JSON.
 *
 * @param task         a {@link Tasks} name ({@code camel-sync-read}, {@code raw-sync-read}, {@code camel-consume},
 *                     {@code raw-consume})
 * @param api          {@code soap} or {@code rest}
 * @param baseUrl      the emulator, {@code http://127.0.0.1:PORT}
 * @param leads        leads to sync and read back, or to consume
 * @param threads      producer threads (sync/read)
 * @param batchSize    consumer page size
 * @param clientLimits the component's client-side limiter as {@code calls/windowMs/concurrent} or {@code off}
 * @param emailPrefix  prefix of generated lead emails, unique per run so every run creates its own leads
 * @param warmupLeads  leads synced and read before measuring (JIT warm-up), with their own prefix
 */
public record TaskSpec(String task, String api, String baseUrl, int leads, int threads, int batchSize, String clientLimits,
                       String emailPrefix, int warmupLeads) {

    public boolean soap() {
        return "soap".equals(api);
    }
}
