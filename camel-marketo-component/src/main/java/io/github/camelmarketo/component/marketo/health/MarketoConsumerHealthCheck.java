package io.github.camelmarketo.component.marketo.health;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of one {@code marketo:} consumer: Camel's scheduled-poll check (which Camel's {@code consumers}
 * repository calls through the consumer, honouring {@code healthCheckConsumerEnabled}), made aware of how the
 * consumer saves API calls. Between the polls it skips while it waits (a failure backoff, a quota pause), Camel's check
 * alone would report UP again; this one stays DOWN with the reason while the last fetch failed (authentication, an
 * unreachable instance, a refused request) and while the daily quota is spent, and adds the cursor to the details:
 * {@code selector}, {@code api}, {@code watermark}, {@code position}, {@code consecutive.failures},
 * {@code paused.until}. None of them holds a credential.
 */
public class MarketoConsumerHealthCheck implements HealthCheck {

    /**
     * What the consumer knows about its own state.
     *
     * @param selector            the lead selector
     * @param api                 {@code soap} or {@code rest}
     * @param watermark           the cursor's watermark (null: none)
     * @param position            the cursor's position inside the pass (null: at a pass start)
     * @param lastFetchFailure    the failure of the last fetch, null once a fetch succeeded
     * @param consecutiveFailures failed fetches or pages in a row
     * @param quotaPausedUntil    when the daily quota resets, while the consumer (by its own clock) waits for it; else null
     */
    public record ConsumerState(String selector, String api, Instant watermark, String position, Exception lastFetchFailure,
                                int consecutiveFailures, Instant quotaPausedUntil) {
    }

    private final HealthCheck polls;
    private final Supplier<ConsumerState> state;

    /**
     * @param polls Camel's scheduled-poll check of the consumer
     * @param state the consumer's current state
     */
    public MarketoConsumerHealthCheck(HealthCheck polls, Supplier<ConsumerState> state) {
        this.polls = polls;
        this.state = state;
    }

    @Override
    public String getGroup() {
        return polls.getGroup();
    }

    @Override
    public String getId() {
        return polls.getId();
    }

    @Override
    public boolean isEnabled() {
        return polls.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        polls.setEnabled(enabled);
    }

    @Override
    public boolean isLiveness() {
        return polls.isLiveness();
    }

    @Override
    public boolean isReadiness() {
        return polls.isReadiness();
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polled = polls.call(options);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.details(polled.getDetails());
        builder.state(polled.getState());
        polled.getMessage().ifPresent(builder::message);
        polled.getError().ifPresent(builder::error);
        ConsumerState current = state.get();
        builder.detail("selector", current.selector());
        builder.detail("api", current.api());
        if (current.watermark() != null) {
            builder.detail("watermark", current.watermark().toString());
        }
        if (current.position() != null) {
            builder.detail("position", current.position());
        }
        builder.detail("consecutive.failures", current.consecutiveFailures());
        if (current.quotaPausedUntil() != null) {
            builder.detail("paused.until", current.quotaPausedUntil().toString());
            builder.message("Marketo daily quota exhausted: the consumer makes no call until " + current.quotaPausedUntil());
            builder.down();
        } else if (current.lastFetchFailure() != null) {
            Exception failure = current.lastFetchFailure();
            String code = failure instanceof MarketoException vendor && vendor.getCode() != null ? " (" + vendor.getCode() + ")" : "";
            builder.message((failure instanceof MarketoAuthenticationException
                    ? "Marketo authentication failed" : "Marketo consumer cannot poll") + code + ": " + failure.getMessage());
            builder.error(failure);
            builder.down();
        }
        return builder.build();
    }
}
