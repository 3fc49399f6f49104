package io.github.camelmarketo.examples.benchmark.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client JVM of the suite: runs one {@link TaskSpec} (its JSON is the only argument), prints
 * {@code PROGRESS <line>} while it works, {@code MEASURING} before its measured part (then waits for a line on
 * standard input) and {@code RESULT <json>} ({@link TaskResult}) at the end; exit code 1 and {@code FAILED <message>}
 * when the task fails.
 */
public final class ClientMain {

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TaskSpec spec = json.readValue(args[0], TaskSpec.class);
        try {
            java.io.BufferedReader stdin = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            TaskResult result = Tasks.run(spec, new ClientTask.Progress() {
                @Override
                public void report(String line) {
                    System.out.println("PROGRESS " + line);
                    System.out.flush();
                }

                @Override
                public void measuring() {
                    System.out.println("MEASURING");
                    System.out.flush();
                    try {
                        // the suite answers GO once it has zeroed the emulator's counters
                        stdin.readLine();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            System.out.println("RESULT " + json.writeValueAsString(result));
            System.out.flush();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED " + e);
            System.out.flush();
            System.exit(1);
        }
    }
}
