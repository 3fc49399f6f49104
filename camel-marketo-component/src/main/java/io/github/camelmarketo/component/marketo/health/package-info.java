/**
 * Camel health checks of the {@code marketo} component: one {@link MarketoProducerHealthCheck} per producer,
 * registered in Camel's {@code producers} repository when {@code healthCheckProducerEnabled}, and one
 * {@link MarketoConsumerHealthCheck} per consumer (Camel's scheduled-poll check made aware of failure backoffs and
 * quota pauses), which Camel's {@code consumers} repository calls when {@code healthCheckConsumerEnabled}. The
 * starter's Spring Boot indicator is a view of these.
 */
package io.github.camelmarketo.component.marketo.health;
