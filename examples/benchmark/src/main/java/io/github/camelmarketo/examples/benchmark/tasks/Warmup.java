package io.github.camelmarketo.examples.benchmark.tasks;

import io.github.camelmarketo.examples.benchmark.suite.LimitSpec;

/**
 * How a sync-and-read task warms up. Without limits the warm-up sends small lists ({@value #SMALL_LIST} leads per
 * call): the code that runs once per call (Camel's routing, the transport, the HTTP client) is then invoked thousands
 * of times and compiled by the JIT before the measured part, as it is in a route that has run for a while; with the
 * full 300 per call a warm-up of tens of thousands of leads is only a few hundred calls, and the JIT would still be
 * compiling those paths while the CPU is measured. Under a rate limit the warm-up must fit in one window, so it
 * keeps the measured run's list size.
 */
final class Warmup {

    static final int SMALL_LIST = 10;

    private Warmup() {
    }

    /** Leads per call of the warm-up of {@code spec}. */
    static int leadsPerCall(TaskSpec spec) {
        return LimitSpec.parse(spec.clientLimits()).calls() > 0 ? CamelSyncReadTask.PER_LIST : SMALL_LIST;
    }
}
