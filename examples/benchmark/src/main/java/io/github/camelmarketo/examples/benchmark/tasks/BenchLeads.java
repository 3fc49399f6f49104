package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.ArrayList;
import java.util.List;

/** The generated leads of a sync/read run: {@code <prefix>-<i>@bench.example.com}, first and last name. */
public final class BenchLeads {

    private BenchLeads() {
    }

    /** One generated lead. */
    public record BenchLead(String email, String firstName, String lastName) {
    }

    /** {@code count} leads cut into lists of at most {@code perList}. */
    public static List<List<BenchLead>> batches(String prefix, int count, int perList) {
        List<List<BenchLead>> batches = new ArrayList<>();
        for (int start = 0; start < count; start += perList) {
            List<BenchLead> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + perList); i++) {
                batch.add(new BenchLead(prefix + "-" + i + "@bench.example.com", "First" + i, "Last" + i));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** The emails of a batch. */
    public static List<String> emails(List<BenchLead> batch) {
        return batch.stream().map(BenchLead::email).toList();
    }
}
