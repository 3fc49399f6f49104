package io.github.camelmarketo.component.marketo.consumer;

import java.time.Instant;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one consumer's {@link LeadCursor} in a Camel {@link StateRepository} under a key that contains
 * neither {@code =} nor a line break (FileStateRepository's format) and no secret.
 */
public final class CursorStore {

    private static final Logger LOG = LoggerFactory.getLogger(CursorStore.class);

    private final StateRepository<String, String> repository;
    private final String key;

    public CursorStore(StateRepository<String, String> repository, String key) {
        if (key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("stateKey must not contain '=' or a line break: " + key);
        }
        this.repository = repository;
        this.key = key;
    }

    /** A key from the parts that identify a stream: each part reduced to safe characters. */
    public static String key(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part == null ? "-" : part.replaceAll("[^A-Za-z0-9._:@-]", "_"));
        }
        return sb.toString();
    }

    /**
     * The stored cursor for {@code fresh}'s selector and API, or {@code fresh} when none is stored or it belongs to other
     * selector options (one WARN). A cursor written by the other API (a route switched from SOAP to REST) keeps its
     * watermark but drops its position, which only that API understands (one WARN).
     *
     * @throws IllegalStateException when the stored value cannot be read, naming the key and how to reset it
     */
    public LeadCursor load(LeadCursor fresh) {
        String value = repository.getState(key);
        if (value == null) {
            return fresh;
        }
        LeadCursor stored;
        try {
            stored = LeadCursor.decode(value);
        } catch (IllegalArgumentException e) {
            String where = repository instanceof FileStateRepository file
                    ? "the state file " + file.getFileStore().getAbsolutePath() : "the state repository";
            throw new IllegalStateException("Cannot read the Marketo consumer cursor stored under key '" + key
                                            + "' of " + where + ": " + e.getMessage() + ". Remove that key from the "
                                            + "state repository (or set another stateKey) to start the stream again from "
                                            + "oldestUpdatedAt", e);
        }
        if (!fresh.selector().equals(stored.selector())) {
            LOG.warn("Ignoring the stored Marketo cursor under key {}: it was written for selector {} but the endpoint now "
                     + "selects {}; starting a new stream", key, stored.selector(), fresh.selector());
            return fresh;
        }
        if (stored.api() != null && !stored.api().equals(fresh.api())) {
            Instant watermark = stored.watermark() != null ? stored.watermark() : fresh.watermark();
            LOG.warn("The stored Marketo cursor under key {} was written over the {} API; the endpoint now uses {}: restarting "
                     + "the pass from its watermark {} (its position belongs to the other API)", key, stored.api(), fresh.api(),
                    watermark);
            return LeadCursor.start(fresh.selector(), fresh.api(), watermark);
        }
        return stored.api() == null ? new LeadCursor(stored.selector(), fresh.api(), stored.watermark(), stored.position(),
                stored.passStart(), stored.finished()) : stored;
    }

    public void save(LeadCursor cursor) {
        repository.setState(key, cursor.encode());
    }

    public String key() {
        return key;
    }
}
