package io.github.camelmarketo.examples.benchmark.raw;

import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

import io.github.camelmarketo.examples.benchmark.tasks.BenchLeads.BenchLead;

/**
 * A plain, hand-written Marketo client making the calls the vendor documents, with no Camel and no component code:
 * the baseline the component is measured against. Implementations are thread-safe.
 */
public interface RawClient extends AutoCloseable {

    /** Most records one sync call takes (300 on both APIs). */
    int maxSyncPerCall();

    /** Most keys one read-by-key call takes (SOAP 100, REST filterValues 300). */
    int maxKeysPerCall();

    /** Upserts the leads in one call (at most {@link #maxSyncPerCall()}); returns how many the server accepted. */
    int sync(List<BenchLead> leads) throws Exception;

    /** Reads leads by email in one call (at most {@link #maxKeysPerCall()} keys); returns how many came back. */
    int readByEmail(List<String> emails) throws Exception;

    /**
     * Reads every lead updated since {@code oldest}, page by page (SOAP) or export file by file (REST), handing the
     * count of each page or chunk of rows to {@code onLeads}; stops when it returns false.
     */
    void readUpdatedSince(Instant oldest, int batchSize, LongPredicate onLeads) throws Exception;

    @Override
    void close();
}
