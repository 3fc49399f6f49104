package io.github.camelmarketo.component.marketo.springboot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code management.health.marketo.*}: how often the Marketo health indicator may call a REST identity service.
 * Turn the indicator off with {@code management.health.marketo.enabled=false}.
 */
@ConfigurationProperties(prefix = "management.health.marketo")
public class MarketoHealthProperties {

    /**
     * Shortest time between two identity probes of one Marketo instance; health requests in between get the cached
     * result.
     */
    private Duration identityCheckInterval = Duration.ofMinutes(5);

    /**
     * Connect and read timeout of an identity probe.
     */
    private Duration identityCheckTimeout = Duration.ofSeconds(10);

    public Duration getIdentityCheckInterval() {
        return identityCheckInterval;
    }

    public void setIdentityCheckInterval(Duration identityCheckInterval) {
        this.identityCheckInterval = identityCheckInterval;
    }

    public Duration getIdentityCheckTimeout() {
        return identityCheckTimeout;
    }

    public void setIdentityCheckTimeout(Duration identityCheckTimeout) {
        this.identityCheckTimeout = identityCheckTimeout;
    }
}
