package io.github.camelmarketo.component.marketo.consumer;

import org.apache.camel.spi.StateRepository;
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

    /** The stored cursor for {@code selector}, or a new one when none is stored or it belongs to other options. */
    public LeadCursor load(String selector, LeadCursor fresh) {
        String value = repository.getState(key);
        if (value == null) {
            return fresh;
        }
        LeadCursor stored = LeadCursor.decode(value);
        if (!selector.equals(stored.selector())) {
            LOG.warn("Ignoring the stored Marketo cursor under key {}: it was written for selector {} but the endpoint now "
                     + "selects {}; starting a new stream", key, stored.selector(), selector);
            return fresh;
        }
        return stored;
    }

    public void save(LeadCursor cursor) {
        repository.setState(key, cursor.encode());
    }

    public String key() {
        return key;
    }
}
