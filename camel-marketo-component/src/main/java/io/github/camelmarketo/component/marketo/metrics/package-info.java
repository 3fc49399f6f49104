/**
 * Micrometer meters over the component's {@link io.github.camelmarketo.component.marketo.model.MarketoCallStats},
 * active only when camel-micrometer is on the class path (an optional dependency of this artifact).
 */
package io.github.camelmarketo.component.marketo.metrics;
