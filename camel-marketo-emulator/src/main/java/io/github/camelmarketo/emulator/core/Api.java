package io.github.camelmarketo.emulator.core;

/** The emulated API families; limits, faults and counters are kept per family. */
public enum Api {
    /** Marketo SOAP (mktows 2_x). */
    SOAP,
    /** Marketo REST: identity, /rest/v1 and /bulk/v1. */
    REST,
    /** LeadSquared LeadManagement.svc. */
    LEADSQUARED
}
