package io.github.camelmarketo.component.marketo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoPartialSyncException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.TcpGate;
import io.github.camelmarketo.emulator.soap.SoapApi;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The write fault matrix: every write operation (REST syncLead with cookie and returnLead, syncMultipleLeads with 301
 * and 601 records and dedupEnabled true/false, syncLeads with each action, deleteLeads, mergeLeads, pushLeads; SOAP
 * syncLead and syncMultipleLeads) against every fault (601/602/606/615/604/608/611, HTTP 429/500/503, a refused
 * connection, a connection dropped before the request is processed, one dropped after the write was applied, latency
 * beyond socketTimeout), at the first call and at a later chunk. Asserted from the emulator: calls made (a retry if
 * and only if the fault proves nothing was applied), exactly the applied records in the store, no duplicate, and
 * for a failed later chunk one {@link MarketoPartialSyncException} with the applied results and the resume index.
 * A REST syncLead whose follow-up call fails keeps its result and carries a warning.
 */
class WriteFaultMatrixTest extends MarketoTestSupport {

    private static final int SEED = 700;
    private static final int CHUNK = 300;
    private static final long SOCKET_TIMEOUT = 1200;
    private static final Duration LATENCY = Duration.ofMillis(2000);
    /** A refused connection: the port stays closed this long; the retry comes after 600-1200 ms (jitter). */
    private static final Duration REFUSED_FOR = Duration.ofMillis(300);
    private static final String REFUSED_RETRY_OPTIONS = "retryInitialDelay=1200&retryMaxDelay=1200";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(SEED).keepAlive(false));

    private static TcpGate gate;

    @BeforeAll
    static void openGate() {
        gate = TcpGate.forward(emulator.get().getPort());
    }

    @AfterAll
    static void closeGate() {
        gate.close();
    }

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        // REST and SOAP calls go through the gate; the identity service is reached directly
        configuration.setRestEndpoint(gate.baseUrl() + "/rest");
        configuration.setUserId(emulator.get().getSoapUserId());
        configuration.setEncryptionKey(emulator.get().getSoapEncryptionKey());
        configuration.setSoapEndpoint(gate.baseUrl() + SoapApi.PATH);
        configuration.setMaxRetries(3);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:write").routeId("write").toD("${header.WriteTarget}");
            }
        };
    }

    // ------------------------------------------------------------------ the matrix

    /** What a fault means for a write. */
    enum Outcome {
        /** Proves nothing was applied: retried once, then complete. */
        RETRIED,
        /** Nothing applied, but the client cannot know: not retried, fails. */
        FAILED_NOT_APPLIED,
        /** Applied although the call failed: not retried, fails. */
        FAILED_APPLIED
    }

    /** A fault, as injected on REST and on SOAP (null: the SOAP API has no such fault). */
    enum WriteFault {
        E601("601", null, Outcome.RETRIED),
        E602("602", "20016", Outcome.RETRIED),
        E606("606", "20023", Outcome.RETRIED),
        E615("615", "20024", Outcome.RETRIED),
        E604("604", null, Outcome.FAILED_NOT_APPLIED),
        E608("608", null, Outcome.FAILED_NOT_APPLIED),
        E611("611", "20011", Outcome.FAILED_NOT_APPLIED),
        HTTP_429("429", null, Outcome.RETRIED),
        HTTP_500("500", "500", Outcome.FAILED_NOT_APPLIED),
        HTTP_503("503", "503", Outcome.FAILED_NOT_APPLIED),
        REFUSED("refused", "refused", Outcome.RETRIED),
        DROPPED_BEFORE_PROCESSING("drop", "drop", Outcome.FAILED_NOT_APPLIED),
        APPLIED_THEN_DROPPED("applied-drop", "applied-drop", Outcome.FAILED_APPLIED),
        LATENCY_BEYOND_SOCKET_TIMEOUT("latency", "latency", Outcome.FAILED_APPLIED);

        final String rest;
        final String soap;
        final Outcome outcome;

        WriteFault(String rest, String soap, Outcome outcome) {
            this.rest = rest;
            this.soap = soap;
            this.outcome = outcome;
        }

        String code(Api api) {
            return api == Api.SOAP ? soap : rest;
        }

        Fault fault(Api api) {
            String code = code(api);
            return switch (this) {
                case HTTP_429, HTTP_500, HTTP_503 -> new Fault.HttpStatus(Integer.parseInt(code));
                case DROPPED_BEFORE_PROCESSING -> new Fault.DropConnection();
                case APPLIED_THEN_DROPPED -> new Fault.ApplyThenDrop();
                case LATENCY_BEYOND_SOCKET_TIMEOUT -> new Fault.Latency(LATENCY);
                case REFUSED -> null;
                default -> new Fault.VendorError(code);
            };
        }
    }

    /** One write operation variant: its endpoint, input, emulator label and how to read the store. */
    record Write(String name, Api api, String uri, String label, int records, Function<String, Object> body, StoreCheck check) {

        int chunks() {
            return (records + CHUNK - 1) / CHUNK;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Asserts the store after a write of which the first {@code applied} records were applied. */
    @FunctionalInterface
    interface StoreCheck {
        void verify(MarketoEmulatorExtension emulator, String tag, int applied);
    }

    static Stream<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        // -DwriteMatrix.only=<part of a write's name> runs a slice of the matrix
        String only = System.getProperty("writeMatrix.only", "");
        for (Write write : writes()) {
            if (!write.name().contains(only)) {
                continue;
            }
            for (WriteFault fault : WriteFault.values()) {
                if (fault.code(write.api()) == null) {
                    continue;
                }
                // a failed first chunk of 601 records is the same call as that of 301 records: only its later chunk
                if (write.chunks() <= 2) {
                    cases.add(new Object[] { write, fault, 1 });
                }
                if (write.chunks() > 1) {
                    cases.add(new Object[] { write, fault, write.chunks() });
                }
            }
        }
        return cases.stream();
    }

    private static List<Write> writes() {
        String sync = "POST /rest/v1/leads.json";
        return List.of(
                creating("syncMultipleLeads 301 dedup", Api.REST, "marketo:syncMultipleLeads", sync, 301),
                creating("syncMultipleLeads 301 no dedup", Api.REST, "marketo:syncMultipleLeads?dedupEnabled=false", sync, 301),
                creating("syncMultipleLeads 601 dedup", Api.REST, "marketo:syncMultipleLeads", sync, 601),
                creating("syncMultipleLeads 601 no dedup", Api.REST, "marketo:syncMultipleLeads?dedupEnabled=false", sync, 601),
                creating("syncLeads createOnly", Api.REST, "marketo:syncLeads?action=createOnly", sync, 301),
                creating("syncLeads createOrUpdate", Api.REST, "marketo:syncLeads?action=createOrUpdate", sync, 301),
                creating("syncLeads createDuplicate", Api.REST, "marketo:syncLeads?action=createDuplicate", sync, 301),
                new Write("syncLeads updateOnly", Api.REST, "marketo:syncLeads?action=updateOnly", sync, 301,
                        tag -> existingLeads(301, tag), WriteFaultMatrixTest::updatedFirst),
                new Write("deleteLeads", Api.REST, "marketo:deleteLeads", "POST /rest/v1/leads/delete.json", 301,
                        tag -> seededIds(301), WriteFaultMatrixTest::deletedFirst),
                creating("pushLeads", Api.REST, "marketo:pushLeads", "POST /rest/v1/leads/push.json", 301),
                new Write("mergeLeads", Api.REST, "marketo:mergeLeads", "POST /rest/v1/leads/{leadId}/merge.json", 1,
                        tag -> List.of((long) LeadStore.FIRST_ID + 1), WriteFaultMatrixTest::mergedLoser),
                creating("syncLead cookie returnLead", Api.REST, "marketo:syncLead?returnLead=true", sync, 1),
                creating("SOAP syncLead cookie returnLead", Api.SOAP, "marketo:syncLead?api=soap&returnLead=true",
                        "syncLead", 1),
                creating("SOAP syncMultipleLeads 301 dedup", Api.SOAP, "marketo:syncMultipleLeads?api=soap",
                        "syncMultipleLeads", 301),
                creating("SOAP syncMultipleLeads 301 no dedup", Api.SOAP,
                        "marketo:syncMultipleLeads?api=soap&dedupEnabled=false", "syncMultipleLeads", 301),
                creating("SOAP syncMultipleLeads 601 dedup", Api.SOAP, "marketo:syncMultipleLeads?api=soap",
                        "syncMultipleLeads", 601),
                creating("SOAP syncMultipleLeads 601 no dedup", Api.SOAP,
                        "marketo:syncMultipleLeads?api=soap&dedupEnabled=false", "syncMultipleLeads", 601));
    }

    private static Write creating(String name, Api api, String uri, String label, int records) {
        return new Write(name, api, uri, label, records,
                tag -> records == 1 ? newLeads(1, tag).get(0) : newLeads(records, tag), WriteFaultMatrixTest::createdFirst);
    }

    @ParameterizedTest(name = "{0} / {1} at call {2}")
    @MethodSource("cases")
    void writeFault(Write write, WriteFault fault, int failedCall) {
        String tag = "m" + System.nanoTime();
        String uri = write.uri() + (write.uri().contains("?") ? "&" : "?") + options(fault);
        Object body = write.body().apply(tag);
        inject(write.api(), write.label(), fault, failedCall, failedCall);

        Exchange out = template.request("direct:write", e -> {
            e.getMessage().setHeader("WriteTarget", uri);
            e.getMessage().setHeader(MarketoConstants.WINNING_LEAD_ID, LeadStore.FIRST_ID);
            e.getMessage().setHeader(MarketoConstants.PROGRAM_NAME, "Webinar 2026");
            if (write.records() == 1) {
                e.getMessage().setHeader(MarketoConstants.MARKETO_COOKIE, "id:561-HYG-937&token:_mch-" + tag);
            }
            e.getMessage().setBody(body);
        });

        Outcome outcome = fault.outcome;
        int applied = switch (outcome) {
            case RETRIED -> write.records();
            case FAILED_NOT_APPLIED -> (failedCall - 1) * CHUNK;
            case FAILED_APPLIED -> Math.min(write.records(), failedCall * CHUNK);
        };
        // calls that reached the emulator: every chunk up to the failed one, plus one retry when it proves nothing
        // was applied (a refused connection never reaches it)
        long expectedCalls = switch (outcome) {
            case RETRIED -> write.chunks() + (fault == WriteFault.REFUSED ? 0 : 1);
            default -> failedCall;
        };
        // a call answered after the client's socketTimeout is counted when it ends
        await().atMost(Duration.ofSeconds(10))
                .until(() -> emulator.get().counters().calls(write.api(), write.label()) >= expectedCalls);
        assertThat(emulator.get().counters().calls(write.api(), write.label())).as("calls made").isEqualTo(expectedCalls);
        assertThat(emulator.get().faults().pending()).isZero();
        if (fault == WriteFault.REFUSED && write.api() == Api.REST) {
            assertThat(marketo().getCallStats().values().stream().mapToLong(MarketoCallStats::getRetries).sum())
                    .as("one retry of the refused call").isEqualTo(1);
        }

        if (outcome == Outcome.RETRIED) {
            assertThat(out.getException()).as("completed after the retry").isNull();
            assertResults(write, out.getMessage().getBody());
        } else if (failedCall == 1) {
            assertThat(out.getException()).isInstanceOf(MarketoException.class)
                    .isNotInstanceOf(MarketoPartialSyncException.class)
                    .hasMessageContaining(write.uri().contains("syncLead?") ? "syncLead" : operationOf(write));
        } else {
            assertThat(out.getException()).isInstanceOf(MarketoPartialSyncException.class);
            MarketoPartialSyncException partial = (MarketoPartialSyncException) out.getException();
            assertThat(partial.getResumeIndex()).isEqualTo((failedCall - 1) * CHUNK);
            assertThat(partial.getFailedChunkSize()).isEqualTo(Math.min(CHUNK, write.records() - partial.getResumeIndex()));
            assertThat(partial.isFailedChunkMayBeApplied()).isTrue();
            assertThat(partial.getAppliedResults()).hasSize(partial.getResumeIndex())
                    .allMatch(SyncResult::isSuccess);
            for (int i = 0; i < partial.getAppliedResults().size(); i++) {
                assertThat(partial.getAppliedResults().get(i).index()).isEqualTo(i);
            }
            assertThat(partial.getMessage()).contains("resume from record index " + partial.getResumeIndex());
        }
        write.check().verify(emulator, tag, applied);
    }

    /** syncLead's follow-up calls fail after the sync was applied: the result stays, with a warning when it failed. */
    @ParameterizedTest(name = "syncLead follow-up {1} / {0}")
    @MethodSource("followUpCases")
    void restSyncLeadFollowUpFault(WriteFault fault, String followUp) {
        String tag = "f" + System.nanoTime();
        boolean associate = followUp.equals("associateLead");
        String label = associate ? "POST /rest/v1/leads/{leadId}/associate.json" : "GET /rest/v1/leads.json";
        inject(Api.REST, associate ? "associate.json" : "GET /rest/v1/leads.json", fault, 1, associate ? 2 : 3);
        String cookie = "id:561-HYG-937&token:_mch-" + tag;
        String uri = "marketo:syncLead?returnLead=true&" + options(fault);

        Exchange out = template.request("direct:write", e -> {
            e.getMessage().setHeader("WriteTarget", uri);
            e.getMessage().setHeader(MarketoConstants.MARKETO_COOKIE, cookie);
            e.getMessage().setBody(newLeads(1, tag).get(0));
        });

        assertThat(out.getException()).as("the sync was applied: the exchange does not fail").isNull();
        SyncResult result = out.getMessage().getBody(SyncResult.class);
        assertThat(result.isSuccess()).isTrue();
        // the read-back is a read: retried on every fault; associateLead is a write: retried only when nothing applied
        boolean retried = !associate || fault.outcome == Outcome.RETRIED;
        long expectedCalls = retried && fault != WriteFault.REFUSED ? 2 : 1;
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.get().counters().calls(Api.REST, label) >= expectedCalls);
        assertThat(emulator.get().counters().calls(Api.REST, label)).as("calls made").isEqualTo(expectedCalls);
        assertThat(emulator.get().counters().calls(Api.REST, "POST /rest/v1/leads.json")).as("one sync").isEqualTo(1);
        List<EmulatorLead> stored = emulator.get().store().findByEmail(tag + "-0@example.com");
        assertThat(stored).as("one lead, never a duplicate").hasSize(1);
        boolean cookieApplied = !associate || fault.outcome != Outcome.FAILED_NOT_APPLIED;
        assertThat(stored.get(0).getCookies().contains(cookie)).as("cookie associated").isEqualTo(cookieApplied);
        if (retried) {
            assertThat(result.reasons()).isEmpty();
            assertThat(result.lead()).isNotNull();
            assertThat(result.lead().getEmail()).isEqualTo(tag + "-0@example.com");
        } else {
            assertThat(result.reasons()).singleElement().satisfies(reason -> assertThat(reason.message())
                    .contains("The lead was synced, but associating the Munchkin cookie (associateLead) failed"));
            assertThat(result.lead()).as("the read-back still ran").isNotNull();
        }
    }

    static Stream<Object[]> followUpCases() {
        List<Object[]> cases = new ArrayList<>();
        for (WriteFault fault : WriteFault.values()) {
            cases.add(new Object[] { fault, "associateLead" });
            cases.add(new Object[] { fault, "returnLead read-back" });
        }
        return cases.stream();
    }

    // ------------------------------------------------------------------ helpers

    private static String options(WriteFault fault) {
        return switch (fault) {
            case LATENCY_BEYOND_SOCKET_TIMEOUT -> "socketTimeout=" + SOCKET_TIMEOUT;
            case REFUSED -> REFUSED_RETRY_OPTIONS;
            default -> "socketTimeout=30000";
        };
    }

    /** Fails the {@code nthCall}-th call of {@code label}; a refused connection is the {@code nthConnection}-th. */
    private void inject(Api api, String label, WriteFault fault, int nthCall, int nthConnection) {
        if (fault == WriteFault.REFUSED) {
            gate.refuseFrom(nthConnection, REFUSED_FOR);
            return;
        }
        String match = api == Api.SOAP ? label : label.replace("{leadId}", "");
        if (match.contains("/merge.json")) {
            match = "/merge.json";
        }
        emulator.get().faults().injectAt(api, match, fault.fault(api), nthCall, 1);
    }

    private static String operationOf(Write write) {
        String path = write.uri().substring("marketo:".length());
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static void assertResults(Write write, Object body) {
        if (write.uri().startsWith("marketo:mergeLeads")) {
            assertThat(body).isEqualTo((long) LeadStore.FIRST_ID);
            return;
        }
        if (write.records() == 1) {
            assertThat(body).isInstanceOfSatisfying(SyncResult.class, r -> {
                assertThat(r.isSuccess()).isTrue();
                assertThat(r.reasons()).isEmpty();
                assertThat(r.lead()).as("returnLead").isNotNull();
            });
            return;
        }
        assertThat(body).asList().hasSize(write.records())
                .allSatisfy(r -> assertThat(((SyncResult) r).isSuccess()).isTrue());
    }

    private static List<Lead> newLeads(int count, String tag) {
        List<Lead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(Lead.withEmail(tag + "-" + i + "@example.com").set("FirstName", "N" + i));
        }
        return leads;
    }

    private static List<Lead> existingLeads(int count, String tag) {
        List<Lead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(Lead.withEmail("lead" + (i + 1) + "@example.com").set("FirstName", tag));
        }
        return leads;
    }

    private static List<Long> seededIds(int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add((long) LeadStore.FIRST_ID + i);
        }
        return ids;
    }

    private static void createdFirst(MarketoEmulatorExtension emulator, String tag, int applied) {
        LeadStore store = emulator.get().store();
        int total = Math.max(applied, 1);
        for (int i = 0; i < total + CHUNK && i < 700; i++) {
            int expected = i < applied ? 1 : 0;
            assertThat(store.findByEmail(tag + "-" + i + "@example.com")).as("leads with email %d", i).hasSize(expected);
        }
        assertThat(store.size()).as("store size").isEqualTo(SEED + applied);
    }

    private static void updatedFirst(MarketoEmulatorExtension emulator, String tag, int applied) {
        LeadStore store = emulator.get().store();
        for (int i = 0; i < 301; i++) {
            EmulatorLead lead = store.findById(LeadStore.FIRST_ID + i).orElseThrow();
            assertThat(tag.equals(lead.getAttributes().get("FirstName"))).as("lead %d updated", i).isEqualTo(i < applied);
        }
        assertThat(store.size()).as("store size").isEqualTo(SEED);
    }

    private static void deletedFirst(MarketoEmulatorExtension emulator, String tag, int applied) {
        LeadStore store = emulator.get().store();
        for (int i = 0; i < 301; i++) {
            assertThat(store.findById(LeadStore.FIRST_ID + i).isPresent()).as("lead %d still there", i).isEqualTo(i >= applied);
        }
        assertThat(store.size()).as("store size").isEqualTo(SEED - applied);
    }

    private static void mergedLoser(MarketoEmulatorExtension emulator, String tag, int applied) {
        LeadStore store = emulator.get().store();
        assertThat(store.findById(LeadStore.FIRST_ID)).as("winner").isPresent();
        assertThat(store.findById(LeadStore.FIRST_ID + 1).isPresent()).as("loser still there").isEqualTo(applied == 0);
        assertThat(store.size()).as("store size").isEqualTo(SEED - applied);
    }
}
