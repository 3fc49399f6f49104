/**
 * Vendor-neutral helpers shared by the components' transports (client-side rate limiting). Nothing here knows
 * Marketo or LeadSquared.
 */
package io.github.camelmarketo.component.support;
