/**
 * Vendor-neutral mechanisms shared by the SOAP, REST and LeadSquared transports, each written once: the retry engine
 * ({@link io.github.camelmarketo.component.support.CallRetrier}: a {@link io.github.camelmarketo.component.support.FailureKind}
 * from the transport's {@link io.github.camelmarketo.component.support.FailureClassifier}, the read/write
 * {@link io.github.camelmarketo.component.support.RetryPolicy}, one {@link io.github.camelmarketo.component.support.Backoff}),
 * the rate-limit SPI {@link io.github.camelmarketo.component.support.RateLimiter} with the local
 * {@link io.github.camelmarketo.component.support.CallLimiter} as default, and the call-policy and transport options both
 * components share ({@link io.github.camelmarketo.component.support.CallPolicyConfiguration},
 * {@link io.github.camelmarketo.component.support.TransportConfiguration}), and the one HttpClient 5 setup
 * ({@link io.github.camelmarketo.component.support.HttpTransportClient}: verified TLS, proxy, capped bodies).
 * Nothing here knows Marketo or LeadSquared.
 */
package io.github.camelmarketo.component.support;
