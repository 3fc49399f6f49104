package io.github.camelmarketo.component.marketo.springboot;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Remembers the outcome of the last call each Marketo target answered, from the exchanges routes send to
 * {@code marketo:} endpoints. The health indicator reports it instead of calling Marketo itself, so a health probe
 * spends no API quota.
 */
public class MarketoCallRecorder extends EventNotifierSupport {

    /**
     * The last call to a target.
     *
     * @param at        when the exchange completed
     * @param operation the component operation
     * @param success   whether the exchange completed without an exception
     * @param code      vendor code of the failure (null on success or for non-vendor failures)
     * @param error     failure message (null on success); component messages carry no secrets
     * @param exception the failure (null on success)
     */
    public record CallOutcome(Instant at, String operation, boolean success, String code, String error, Exception exception) {
    }

    private final Map<MarketoTarget, CallOutcome> lastOutcome = new ConcurrentHashMap<>();
    private final Clock clock;

    public MarketoCallRecorder() {
        this(Clock.systemUTC());
    }

    MarketoCallRecorder(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // Camel emits the sent event only when a notifier took the sending event of the same exchange
        return event instanceof ExchangeSendingEvent sending && sending.getEndpoint() instanceof MarketoEndpoint
                || event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof MarketoEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        MarketoEndpoint endpoint = (MarketoEndpoint) sent.getEndpoint();
        MarketoTarget target;
        try {
            target = MarketoTarget.of(endpoint.getConfiguration());
        } catch (IllegalArgumentException e) {
            return; // an endpoint that was created cannot be misconfigured; nothing useful to record
        }
        lastOutcome.put(target, outcome(endpoint.getOperation().name(), sent.getExchange()));
    }

    private CallOutcome outcome(String operation, Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null) {
            return new CallOutcome(clock.instant(), operation, true, null, null, null);
        }
        MarketoException vendor = exchange.getException(MarketoException.class);
        String code = vendor != null ? vendor.getCode() : null;
        return new CallOutcome(clock.instant(), operation, false, code, failure.getMessage(), failure);
    }

    /** The last recorded call to {@code target}. */
    public Optional<CallOutcome> lastOutcome(MarketoTarget target) {
        return Optional.ofNullable(lastOutcome.get(target));
    }
}
