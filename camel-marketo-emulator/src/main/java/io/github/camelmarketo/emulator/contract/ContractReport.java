package io.github.camelmarketo.emulator.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link OpenApiContract#check} found.
 *
 * @param requestsChecked    recorded requests checked against their operation
 * @param responsesValidated JSON responses validated against the documented schema
 * @param responsesSkipped   responses not validated (not JSON, such as export files, or not HTTP 200)
 * @param violations         every departure from the document, in call order
 */
public record ContractReport(int requestsChecked, int responsesValidated, int responsesSkipped,
                             List<Violation> violations) {

    public boolean clean() {
        return violations.isEmpty();
    }

    /** One line of counts, then one line per violation. */
    @Override
    public String toString() {
        return requestsChecked + " requests checked, " + responsesValidated + " responses validated, "
               + responsesSkipped + " responses skipped, " + violations.size() + " violations"
               + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
    }
}
