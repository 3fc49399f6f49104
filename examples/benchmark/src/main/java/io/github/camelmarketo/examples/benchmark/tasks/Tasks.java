package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client workloads by name. A new workload (e.g. a REST leadChanges consumer, {@code camel-consume-changes})
 * is one {@link ClientTask} registered here and a scenario that runs it.
 */
public final class Tasks {

    public static final String CAMEL_SYNC_READ = "camel-sync-read";
    public static final String RAW_SYNC_READ = "raw-sync-read";
    public static final String CAMEL_CONSUME = "camel-consume";
    public static final String RAW_CONSUME = "raw-consume";

    private static final Map<String, ClientTask> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put(CAMEL_SYNC_READ, new CamelSyncReadTask());
        TASKS.put(RAW_SYNC_READ, new RawSyncReadTask());
        TASKS.put(CAMEL_CONSUME, new CamelConsumeTask());
        TASKS.put(RAW_CONSUME, new RawConsumeTask());
    }

    private Tasks() {
    }

    /** Runs the spec's task in this JVM. */
    public static TaskResult run(TaskSpec spec, ClientTask.Progress progress) throws Exception {
        ClientTask task = TASKS.get(spec.task());
        if (task == null) {
            throw new IllegalArgumentException("Unknown task " + spec.task() + "; known: " + TASKS.keySet());
        }
        return new TaskResult(spec.task(), spec.api(), task.run(spec, progress));
    }
}
