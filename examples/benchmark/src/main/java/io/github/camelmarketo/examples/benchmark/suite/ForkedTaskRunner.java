package io.github.camelmarketo.examples.benchmark.suite;

import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.examples.benchmark.tasks.ClientMain;
import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;

/** Each task in a client JVM of its own ({@link ClientMain}): its heap limit, and its process CPU is the task's. */
final class ForkedTaskRunner implements TaskRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> progress;

    ForkedTaskRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public TaskResult run(TaskSpec spec, String heap, Runnable onMeasuring) throws Exception {
        try (ChildJvm jvm = ChildJvm.start(heap, List.of(), ClientMain.class.getName(), List.of(JSON.writeValueAsString(spec)))) {
            String line;
            while ((line = jvm.readLine()) != null) {
                if (line.startsWith("PROGRESS ")) {
                    progress.accept(line.substring("PROGRESS ".length()));
                } else if (line.equals("MEASURING")) {
                    onMeasuring.run();
                    jvm.send("GO");
                } else if (line.startsWith("RESULT ")) {
                    return JSON.readValue(line.substring("RESULT ".length()), TaskResult.class);
                } else if (line.startsWith("FAILED ")) {
                    throw new IllegalStateException(spec.task() + " (" + spec.api() + ", -Xmx" + heap + ") failed: "
                                                    + line.substring("FAILED ".length()));
                }
            }
            throw new IllegalStateException(spec.task() + " (" + spec.api() + ", -Xmx" + heap + ") ended without a result, exit "
                                            + jvm.waitFor() + (heap.endsWith("m") ? " (out of memory?)" : ""));
        }
    }
}
