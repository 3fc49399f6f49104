package io.github.camelmarketo.examples.benchmark.suite;

/**
 * One scenario of the suite: runs its workloads against emulators, adds its section, targets and charts to the
 * report. The suite runs {@link BenchmarkSuite#scenarios()} in order.
 *
 * <p>
 * Extension points: a multi-node scenario (several client JVMs sharing one budget through the cluster module, issue
 * 15) or a REST leadChanges consumer scenario is one more implementation added to that list, with its client
 * workload registered in {@link io.github.camelmarketo.examples.benchmark.tasks.Tasks}.
 */
public interface Scenario {

    /** Short name for progress output. */
    String name();

    void run(SuiteContext context) throws Exception;
}
