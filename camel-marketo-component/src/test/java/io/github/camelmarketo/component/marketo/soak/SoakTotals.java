package io.github.camelmarketo.component.marketo.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one {@link SoakDriver} run did and what the emulator's store says about it. Lost and duplicated records are
 * counted from the store, never from what the component reported.
 *
 * @param duration             how long the producers ran
 * @param emulatorCalls        calls the emulator answered (REST including identity, SOAP)
 * @param componentCalls       attempts the components counted (their call stats)
 * @param retries              attempts that repeated a failed call (the components' call stats)
 * @param retriesByCode        retries by the vendor code or HTTP status that caused them
 * @param limitRejections      answers of the emulator's rate and concurrency limits (606/615, 20023/20024) beyond the
 *                             injected ones
 * @param faultsInjected       faults injected and taken by a call, by name
 * @param failuresSurfaced     producer exchanges that failed in their route, by exception and code
 * @param partialResumes       MarketoPartialSyncExceptions the driver resumed from their resume index
 * @param resends              failed writes the driver sent again (partial resumes included)
 * @param consumerPollFailures consumer polls that failed (retried by the consumer)
 * @param written              records the producers reported written (distinct emails)
 * @param givenUp              records whose write the driver gave up after its attempts (not reported written)
 * @param readBack             written records a getMultipleLeads by key returned
 * @param readMissing          written records a getMultipleLeads by key did not return
 * @param delivered            written records each consumer delivered at least once, by consumer
 * @param missingInStore       written records not in the emulator's store
 * @param undelivered          written records still in the store that a consumer never delivered, by consumer
 * @param lost                 written records missing from the store or never delivered by a consumer (each
 *                             record once)
 * @param duplicated           extra store records with the email of a soak record (each email must be there once)
 * @param missingEmails        a few of the lost emails, for the report
 */
public record SoakTotals(Duration duration, long emulatorCalls, long componentCalls, long retries,
        Map<String, Long> retriesByCode, long limitRejections, Map<String, Long> faultsInjected,
        Map<String, Long> failuresSurfaced, long partialResumes, long resends, long consumerPollFailures, long written,
        long givenUp, long readBack, long readMissing, Map<String, Long> delivered, long missingInStore,
        Map<String, Long> undelivered, long lost, long duplicated, List<String> missingEmails) {

    /** The invariants this run broke, empty when none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (lost > 0) {
            problems.add(lost + " records lost (" + missingInStore + " not in the store, undelivered " + undelivered
                         + "), e.g. " + missingEmails);
        }
        if (duplicated > 0) {
            problems.add(duplicated + " records duplicated by retries");
        }
        if (readMissing > 0) {
            problems.add(readMissing + " written records not returned by a read");
        }
        return problems;
    }

    /** The totals block the soak prints. */
    public String format() {
        long surfaced = failuresSurfaced.values().stream().mapToLong(Long::longValue).sum();
        long faults = faultsInjected.values().stream().mapToLong(Long::longValue).sum();
        return String.join("\n",
                "soak totals after " + minutes(duration) + " of producers:",
                "  calls:                  " + emulatorCalls + " answered by the emulator, " + componentCalls
                                             + " attempts counted by the components",
                "  retries:                " + retries + " " + retriesByCode,
                "  vendor limits hit:      " + limitRejections + " rate/concurrency answers (606/615/20023/20024)",
                "  faults injected:        " + faults + " " + faultsInjected,
                "  failures surfaced:      " + surfaced + " " + failuresSurfaced,
                "  resumed/resent:         " + partialResumes + " partial syncs resumed, " + resends + " writes resent, "
                                             + givenUp + " records given up",
                "  consumer poll failures: " + consumerPollFailures,
                "  records written:        " + written,
                "  records read back:      " + readBack + " (missing " + readMissing + ")",
                "  records delivered:      " + delivered,
                "  lost:                   " + lost + " (not in the store " + missingInStore + ", undelivered "
                                             + undelivered + ")",
                "  duplicated by retries:  " + duplicated);
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    static Map<String, Long> sorted(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue().longValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue(), Long::sum,
                        java.util.TreeMap::new));
    }
}
