package io.github.camelmarketo.examples.benchmark.suite;

import java.util.function.Consumer;

import io.github.camelmarketo.examples.benchmark.tasks.ClientTask;
import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;
import io.github.camelmarketo.examples.benchmark.tasks.Tasks;

/** Tasks in this JVM (the smoke run): the heap argument is ignored and CPU figures include everything in it. */
final class InProcessTaskRunner implements TaskRunner {

    private final Consumer<String> progress;

    InProcessTaskRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public TaskResult run(TaskSpec spec, String heap, Runnable onMeasuring) throws Exception {
        return Tasks.run(spec, new ClientTask.Progress() {
            @Override
            public void report(String line) {
                progress.accept(line);
            }

            @Override
            public void measuring() {
                onMeasuring.run();
            }
        });
    }
}
