package io.github.camelmarketo.emulator.soap;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.StaticList;

import static org.assertj.core.api.Assertions.assertThat;

/** getMultipleLeads: the three selectors, batch sizes, stream positions and their faults. */
class SoapGetMultipleLeadsTest {

    private static final int LEADS = 1200;

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(LEADS));

    /** One parsed response page. */
    record Page(int returnCount, int remainingCount, String position, List<Integer> ids, Document doc) {
    }

    @Test
    void lastUpdateStreamPagesThroughMoreThanTenPagesWithExactRemainingCounts() {
        Instant oldest = Instant.now().minus(Duration.ofDays(30));
        int expected = emulator.get().store().countChangesAfter(0, oldest, null);
        assertThat(expected).isGreaterThan(500);

        List<Integer> delivered = new ArrayList<>();
        String position = null;
        int pages = 0;
        Page page;
        do {
            page = call(lastUpdate(oldest, null), position, 50);
            pages++;
            delivered.addAll(page.ids());
            assertThat(page.returnCount()).isEqualTo(page.ids().size()).isLessThanOrEqualTo(50);
            assertThat(page.remainingCount()).isEqualTo(expected - delivered.size());
            position = page.position();
        } while (page.remainingCount() > 0);

        assertThat(pages).isGreaterThan(10);
        assertThat(delivered).doesNotHaveDuplicates().hasSize(expected);
        assertThat(position).isNotEmpty();
        // resuming from the last position later only yields what changed since
        assertThat(call(lastUpdate(oldest, null), position, 50).returnCount()).isZero();
    }

    @Test
    void leadUpdatedMidStreamIsDeliveredAgainAndNoneIsSkipped() {
        Instant oldest = Instant.now().minus(Duration.ofDays(10));
        Set<Integer> inRange = emulator.get().store().changesAfter(0, oldest, null, Integer.MAX_VALUE).stream()
                .map(EmulatorLead::getId).collect(Collectors.toSet());

        Page first = call(lastUpdate(oldest, null), null, 20);
        Page second = call(lastUpdate(oldest, null), first.position(), 20);
        int alreadySeen = first.ids().get(3);
        int notYetSeen = inRange.stream().filter(id -> !first.ids().contains(id) && !second.ids().contains(id))
                .findFirst().orElseThrow();
        emulator.get().store().update(alreadySeen, l -> l.getAttributes().put("Company", "Changed Early"));
        emulator.get().store().update(notYetSeen, l -> l.getAttributes().put("Company", "Changed Late"));

        List<Integer> delivered = new ArrayList<>(first.ids());
        delivered.addAll(second.ids());
        List<String> companies = new ArrayList<>();
        String position = second.position();
        Page page;
        do {
            page = call(lastUpdate(oldest, null), position, 20);
            delivered.addAll(page.ids());
            companies.addAll(SoapEnvelopes.texts(page.doc(), "attrValue"));
            position = page.position();
        } while (page.remainingCount() > 0);

        assertThat(new HashSet<>(delivered)).isEqualTo(inRange);
        assertThat(delivered).hasSize(inRange.size() + 1);
        assertThat(delivered.stream().filter(id -> id == alreadySeen)).hasSize(2);
        assertThat(delivered.stream().filter(id -> id == notYetSeen)).hasSize(1);
        assertThat(delivered.get(delivered.size() - 1)).isEqualTo(notYetSeen);
        assertThat(companies).contains("Changed Early", "Changed Late");
    }

    @Test
    void lastUpdateWithLatestBoundsTheStream() {
        Instant oldest = Instant.now().minus(Duration.ofDays(20));
        Instant latest = oldest.plus(Duration.ofDays(5));
        int expected = emulator.get().store().countChangesAfter(0, oldest, latest);

        Page page = call(lastUpdate(oldest, latest), null, 1000);

        assertThat(page.returnCount()).isEqualTo(expected).isPositive();
        assertThat(page.remainingCount()).isZero();
    }

    @Test
    void positionAloneContinuesAnUpdateStream() {
        Instant oldest = Instant.now().minus(Duration.ofDays(3));
        Page first = call(lastUpdate(oldest, null), null, 10);
        Page next = call("", first.position(), 10);

        assertThat(next.ids()).doesNotContainAnyElementsOf(first.ids()).hasSize(10);
        assertThat(next.remainingCount()).isEqualTo(first.remainingCount() - 10);
    }

    @Test
    void updateStreamPositionCarriesItsRangeWhenTheSelectorIsRecomputed() {
        Instant oldest = Instant.now().minus(Duration.ofDays(10));
        Instant latest = oldest.plus(Duration.ofDays(2));
        int expected = emulator.get().store().countChangesAfter(0, oldest, latest);
        Page first = call(lastUpdate(oldest, latest), null, 10);

        Page next = call(lastUpdate(oldest, Instant.now()), first.position(), 1000);

        assertThat(first.returnCount() + next.returnCount()).isEqualTo(expected);
        assertThat(next.remainingCount()).isZero();
    }

    @Test
    void rangeOverThirtyDaysIs20022() {
        Instant oldest = Instant.now().minus(Duration.ofDays(45));
        assertFault(post(body(lastUpdate(oldest, oldest.plus(Duration.ofDays(31))), null, null)), "20022");
    }

    @Test
    void missingOldestUpdatedAtIs20109() {
        String selector = """
                <leadSelector xsi:type="ns1:LastUpdateAtSelector"><latestUpdatedAt>%s</latestUpdatedAt></leadSelector>"""
                .formatted(Instant.now());
        assertFault(post(body(selector, null, null)), "20109");
    }

    @Test
    void missingSelectorIs20109() {
        assertFault(post(body("", null, 10)), "20109");
    }

    @Test
    void staticListByNameAndByIdPagesInLeadIdOrder() {
        StaticList vip = emulator.get().store().findListByName("VIP").orElseThrow();
        List<Integer> expected = vip.memberIds().stream().sorted().toList();

        List<Integer> byName = drain(listByName("VIP"), 25);
        List<Integer> byId = drain(listById(vip.id()), 1000);

        assertThat(byName).containsExactlyElementsOf(expected);
        assertThat(byId).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownStaticListIs20111() {
        assertFault(post(body(listByName("No.Such.List"), null, null)), "20111");
        assertFault(post(body(listById(424242), null, null)), "20111");
    }

    @Test
    void keySelectorProcessesTheFirstHundredKeysAndIgnoresTheRest() {
        List<String> emails = IntStream.rangeClosed(1, 120).mapToObj(i -> "lead" + i + "@example.com").toList();

        Page page = call(keys("EMAIL", emails), null, 1000);

        assertThat(page.returnCount()).isEqualTo(100);
        assertThat(page.remainingCount()).isZero();
        assertThat(page.position()).isEmpty();
        assertThat(SoapEnvelopes.texts(page.doc(), "Email")).containsExactlyElementsOf(emails.subList(0, 100));
    }

    @Test
    void keySelectorPagesWithBatchSizeAndSkipsUnknownKeys() {
        List<String> emails = List.of("lead1@example.com", "nobody@example.com", "lead2@example.com", "lead3@example.com");

        Page first = call(keys("EMAIL", emails), null, 2);
        Page second = call(keys("EMAIL", emails), first.position(), 2);

        assertThat(first.returnCount()).isEqualTo(2);
        assertThat(first.remainingCount()).isEqualTo(1);
        assertThat(second.returnCount()).isEqualTo(1);
        assertThat(second.remainingCount()).isZero();
        assertThat(second.position()).isEmpty();
    }

    @Test
    void defaultBatchIsHundredAndLargeBatchesAreCappedAtThousand() {
        Instant oldest = Instant.now().minus(Duration.ofDays(30));
        assertThat(call(lastUpdate(oldest, null), null, null).returnCount()).isEqualTo(100);
        List<Integer> everyone = emulator.get().store().changesAfter(0, null, null, Integer.MAX_VALUE).stream()
                .map(EmulatorLead::getId).toList();
        StaticList big = emulator.get().store().addList("Everyone", everyone);
        Page capped = call(listById(big.id()), null, 5000);
        assertThat(capped.returnCount()).isEqualTo(1000);
        assertThat(capped.remainingCount()).isEqualTo(LEADS - 1000);
    }

    @Test
    void nonPositiveBatchSizeIs20110() {
        assertFault(post(body(listByName("VIP"), null, 0)), "20110");
    }

    @Test
    void garbageStreamPositionIs20122() {
        assertFault(post(body(listByName("VIP"), "not-a-position", null)), "20122");
        assertFault(post(body(listByName("VIP"), "bWt0bzF8WHx4fGFiYw", null)), "20122");
    }

    @Test
    void positionOfAnotherSelectorIs20122() {
        Page vip = call(listByName("VIP"), null, 5);
        assertFault(post(body(listByName("Newsletter"), vip.position(), 5)), "20122");
        assertFault(post(body(lastUpdate(Instant.now().minus(Duration.ofDays(1)), null), vip.position(), 5)), "20122");
    }

    // ------------------------------------------------------------------ helpers

    private List<Integer> drain(String selector, int batchSize) {
        List<Integer> ids = new ArrayList<>();
        String position = null;
        Page page;
        do {
            page = call(selector, position, batchSize);
            ids.addAll(page.ids());
            position = page.position();
        } while (page.remainingCount() > 0);
        return ids;
    }

    static String lastUpdate(Instant oldest, Instant latest) {
        return "<leadSelector xsi:type=\"ns1:LastUpdateAtSelector\">"
               + (latest == null ? "" : "<latestUpdatedAt>" + latest + "</latestUpdatedAt>")
               + "<oldestUpdatedAt>" + oldest + "</oldestUpdatedAt></leadSelector>";
    }

    static String listByName(String name) {
        return "<leadSelector xsi:type=\"ns1:StaticListSelector\"><staticListName>" + name + "</staticListName></leadSelector>";
    }

    static String listById(int id) {
        return "<leadSelector xsi:type=\"ns1:StaticListSelector\"><staticListId>" + id + "</staticListId></leadSelector>";
    }

    static String keys(String keyType, List<String> values) {
        return "<leadSelector xsi:type=\"ns1:LeadKeySelector\"><keyType>" + keyType + "</keyType><keyValues>"
               + values.stream().map(v -> "<stringItem>" + v + "</stringItem>").collect(Collectors.joining())
               + "</keyValues></leadSelector>";
    }

    static String body(String selector, String position, Integer batchSize) {
        return "<ns1:paramsGetMultipleLeads>" + selector
               + (position == null ? "" : "<streamPosition>" + position + "</streamPosition>")
               + (batchSize == null ? "" : "<batchSize>" + batchSize + "</batchSize>")
               + "</ns1:paramsGetMultipleLeads>";
    }

    private static HttpResponse<String> post(String body) {
        return SoapEnvelopes.post(emulator.get(), "getMultipleLeads", SoapEnvelopes.envelope(emulator.get(), "", body));
    }

    private static Page call(String selector, String position, Integer batchSize) {
        HttpResponse<String> response = post(body(selector, position, batchSize));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document doc = SoapEnvelopes.parse(response.body());
        return new Page(Integer.parseInt(SoapEnvelopes.text(doc, "returnCount")),
                Integer.parseInt(SoapEnvelopes.text(doc, "remainingCount")),
                SoapEnvelopes.text(doc, "newStreamPosition"),
                SoapEnvelopes.texts(doc, "Id").stream().map(Integer::valueOf).toList(), doc);
    }

    private static void assertFault(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(SoapEnvelopes.text(SoapEnvelopes.parse(response.body()), "code")).as(response.body()).isEqualTo(code);
    }
}
