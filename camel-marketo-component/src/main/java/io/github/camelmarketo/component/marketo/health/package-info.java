/**
 * Camel health checks of the {@code marketo} component: one producer check per producer, registered in Camel's
 * {@code producers} health-check repository when {@code healthCheckProducerEnabled} (consumers get Camel's own
 * scheduled-poll consumer check, which honours {@code healthCheckConsumerEnabled}).
 */
package io.github.camelmarketo.component.marketo.health;
