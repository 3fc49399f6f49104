package io.github.camelmarketo.component.marketo.crash;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer process killed with SIGKILL again and again, for SOAP staticList, SOAP lastUpdateAt, REST lastUpdateAt
 * (Bulk Extract) and REST leadChanges (the activity feed): each run of {@link ConsumerChild} (its own JVM, a
 * {@link org.apache.camel.support.processor.state.FileStateRepository}) is killed at a random moment once it has
 * delivered something new (mid-fetch, mid-page, while the cursor is written, while an export job is queued), then
 * started again on the same state file. Asserted: every lead delivered at least once, duplicates at most one page per
 * kill, every restart delivers leads the earlier runs had not, and (REST) at most one export job per kill beyond the
 * ones the stream needs.
 */
class ConsumerCrashLoopTest {

    private static final int LEADS = 1_000;
    private static final int PAGE = 100;
    private static final int KILLS = 10;
    /** Work per lead in the route, so that a page takes about 300 ms and kills (0-300 ms after a new lead) land inside pages. */
    private static final int LEAD_MILLIS = 3;
    private static final String SINCE = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(
            b -> b.leads(LEADS).soapLimits(LimitPolicy.unlimited()).restLimits(LimitPolicy.unlimited()));

    @TempDir
    Path dir;

    private final Random random = new Random(20261201);

    @BeforeEach
    void slowExports() {
        // jobs stay queued and processing for a while, so kills land while an export job is queued
        emulator.get().rest().exportTiming(Duration.ofMillis(150), Duration.ofMillis(150));
    }

    @Test
    void soapStaticList() throws Exception {
        Set<Long> all = allLeads();
        emulator.get().store().addList("CrashLoop", all.stream().map(Long::intValue).toList());
        Result result = crashLoop(MarketoApi.soap, "leadSelector=staticList&staticListName=CrashLoop&batchSize=" + PAGE
                                                   + "&delay=10&greedy=true&repeatPasses=false", all);
        result.assertComplete("SOAP staticList", all);
    }

    @Test
    void soapLastUpdateAt() throws Exception {
        Set<Long> all = allLeads();
        Result result = crashLoop(MarketoApi.soap, "leadSelector=lastUpdateAt&oldestUpdatedAt=" + SINCE + "&batchSize=" + PAGE
                                                   + "&delay=10&greedy=true&repeatPasses=false", all);
        result.assertComplete("SOAP lastUpdateAt", all);
    }

    @Test
    void restLastUpdateAt() throws Exception {
        Set<Long> all = allLeads();
        String createJob = "POST /bulk/v1/leads/export/create.json";
        long jobsBefore = emulator.get().counters().calls(Api.REST, createJob);
        Result result = crashLoop(MarketoApi.rest, "leadSelector=lastUpdateAt&oldestUpdatedAt=" + SINCE + "&batchSize=" + PAGE
                                                   + "&delay=10&greedy=true&repeatPasses=false", all);
        result.assertComplete("REST lastUpdateAt", all);
        long jobs = emulator.get().counters().calls(Api.REST, createJob) - jobsBefore;
        // 61 days in windows of at most 31 days: the stream needs 2 jobs, or 3 when the range crosses a window edge
        System.out.printf("crash loop REST: %d export jobs created for %d kills%n", jobs, result.kills);
        assertThat(jobs).as("export jobs: the stream's windows plus at most one orphan per kill").isLessThanOrEqualTo(3 + KILLS);
    }

    @Test
    void restLeadChanges() throws Exception {
        Set<Long> all = allLeads();
        String pagingToken = "GET /rest/v1/activities/pagingtoken.json";
        Result result = crashLoop(MarketoApi.rest, "leadSelector=leadChanges&oldestUpdatedAt=" + SINCE + "&fields=email"
                                                   + "&batchSize=" + PAGE + "&delay=10&greedy=true&repeatPasses=false", all);
        result.assertComplete("REST leadChanges", all);
        long tokens = emulator.get().counters().calls(Api.REST, pagingToken);
        System.out.printf("crash loop REST leadChanges: %d paging tokens fetched for %d kills%n", tokens, result.kills);
        // the first token is stored with the first committed page: only a run killed before that asks again
        assertThat(tokens).as("paging tokens: one, plus one per run killed before its first commit")
                .isBetween(1L, (long) KILLS + 1);
    }

    private Set<Long> allLeads() {
        return emulator.get().store().changesAfter(0, null, null, Integer.MAX_VALUE).stream().map(l -> (long) l.getId())
                .collect(Collectors.toSet());
    }

    /** What the runs delivered. */
    private record Result(List<Long> deliveries, int kills, List<Integer> newPerRun) {
        void assertComplete(String variant, Set<Long> expected) {
            Set<Long> distinct = new HashSet<>(deliveries);
            Set<Long> missing = new HashSet<>(expected);
            missing.removeAll(distinct);
            int duplicates = deliveries.size() - distinct.size();
            System.out.printf("crash loop %s: %d kills, %d deliveries, %d distinct, %d missing, %d duplicates, new per run %s%n",
                    variant, kills, deliveries.size(), distinct.size(), missing.size(), duplicates, newPerRun);
            assertThat(missing).as("leads never delivered").isEmpty();
            assertThat(distinct).as("only the selected leads").isEqualTo(expected);
            assertThat(duplicates).as("duplicates: at most one page per kill").isLessThanOrEqualTo(kills * PAGE);
            assertThat(newPerRun).as("every restart delivered leads the earlier runs had not").allMatch(n -> n > 0);
        }
    }

    private Result crashLoop(MarketoApi api, String options, Set<Long> expected) throws Exception {
        MarketoEmulator emu = emulator.get();
        File stateFile = dir.resolve("cursor.dat").toFile();
        Path deliveredFile = dir.resolve("delivered.txt");
        Files.createFile(deliveredFile);
        List<String> args = api == MarketoApi.soap
                ? List.of("soap", emu.getSoapEndpoint(), "-", emu.getSoapUserId(), emu.getSoapEncryptionKey())
                : List.of("rest", emu.getRestEndpoint(), emu.getIdentityEndpoint(), emu.getClientId(), emu.getClientSecret());
        List<Integer> newPerRun = new ArrayList<>();
        int kills = 0;
        for (int run = 0; run <= KILLS; run++) {
            Set<Long> before = new HashSet<>(read(deliveredFile));
            Process child = start(args, options, stateFile, deliveredFile);
            try {
                if (run < KILLS) {
                    // kill once this run has delivered a lead the earlier runs had not, after a random extra moment
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                            .until(() -> newLeads(deliveredFile, before) > 0 || !child.isAlive());
                    assertThat(child.isAlive()).as("consumer process of run %d", run).isTrue();
                    Thread.sleep(random.nextInt(300));
                    child.destroyForcibly();
                    child.waitFor(10, TimeUnit.SECONDS);
                    kills++;
                } else {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                            .until(() -> new HashSet<>(read(deliveredFile)).containsAll(expected));
                }
                newPerRun.add((int) newLeads(deliveredFile, before));
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return new Result(read(deliveredFile), kills, newPerRun);
    }

    private static long newLeads(Path deliveredFile, Set<Long> before) throws IOException {
        return read(deliveredFile).stream().filter(id -> !before.contains(id)).distinct().count();
    }

    private static Process start(List<String> args, String options, File stateFile, Path deliveredFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ConsumerChild.class.getName()));
        command.addAll(args);
        command.add(options);
        command.add(stateFile.getAbsolutePath());
        command.add(deliveredFile.toString());
        command.add(Integer.toString(LEAD_MILLIS));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(deliveredFile.resolveSibling("child.log").toFile())).start();
    }

    /** The delivered ids, ignoring a last line the kill cut short. */
    private static List<Long> read(Path deliveredFile) throws IOException {
        String text = Files.readString(deliveredFile, StandardCharsets.US_ASCII);
        List<Long> ids = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            ids.add(Long.parseLong(text.substring(start, end)));
            start = end + 1;
        }
        return ids;
    }

}
