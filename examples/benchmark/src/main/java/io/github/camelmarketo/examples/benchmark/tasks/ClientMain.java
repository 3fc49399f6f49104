package io.github.camelmarketo.examples.benchmark.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client JVM of the suite: runs one {@link TaskSpec} (its JSON is the only argument), prints
 * {@code PROGRESS <line>} while it works and {@code RESULT <json>} ({@link TaskResult}) at the end; exit code 1 and
 * {@code FAILED <message>} when the task fails.
 */
public final class ClientMain {

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TaskSpec spec = json.readValue(args[0], TaskSpec.class);
        try {
            TaskResult result = Tasks.run(spec, line -> {
                System.out.println("PROGRESS " + line);
                System.out.flush();
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
