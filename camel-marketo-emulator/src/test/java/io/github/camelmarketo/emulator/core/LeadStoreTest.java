package io.github.camelmarketo.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final LeadStore store = new LeadStore(clock);

    @BeforeEach
    void seed() {
        store.seed(100, 42);
    }

    @Test
    void seedIsDeterministicAndSpreadOverSixtyDays() {
        LeadStore other = new LeadStore(clock);
        other.seed(100, 42);

        assertThat(store.size()).isEqualTo(100);
        EmulatorLead first = store.findById(LeadStore.FIRST_ID).orElseThrow();
        assertThat(first.getAttributes()).isEqualTo(other.findById(LeadStore.FIRST_ID).orElseThrow().getAttributes());
        assertThat(first.getUpdatedAt()).isEqualTo(clock.instant().minus(Duration.ofDays(60)));
        assertThat(store.findById(LeadStore.FIRST_ID + 99).orElseThrow().getUpdatedAt()).isBefore(clock.instant());
        assertThat(store.findListByName("VIP").orElseThrow().memberIds()).hasSize(10);
        assertThat(store.findListByName("Newsletter").orElseThrow().memberIds()).hasSize(34);
    }

    @Test
    void findsByEmailIgnoringCaseByForeignIdCookieAndField() {
        EmulatorLead lead = store.create(l -> {
            l.setEmail("Mixed@Example.com");
            l.setForeignSysPersonId("SF-1");
            l.getCookies().add("cookie-1");
            l.getAttributes().put("Title", "CTO");
        });

        assertThat(store.findByEmail("mixed@example.COM")).extracting(EmulatorLead::getId).containsExactly(lead.getId());
        assertThat(store.findByForeignSysPersonId("SF-1")).hasSize(1);
        assertThat(store.findByCookie("cookie-1")).hasSize(1);
        assertThat(store.findByField("title", "cto")).hasSize(1);
        assertThat(store.findByField("id", Integer.toString(lead.getId()))).hasSize(1);
        assertThat(store.findByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void readsAreDetachedCopies() {
        EmulatorLead copy = store.findById(LeadStore.FIRST_ID).orElseThrow();
        copy.getAttributes().put("FirstName", "Mutated");

        assertThat(store.findById(LeadStore.FIRST_ID).orElseThrow().getAttributes().get("FirstName")).isNotEqualTo("Mutated");
    }

    @Test
    void attributesAreCaseInsensitive() {
        EmulatorLead lead = store.findById(LeadStore.FIRST_ID).orElseThrow();
        assertThat(lead.getAttributes().get("firstname")).isEqualTo(lead.getAttributes().get("FirstName"));
    }

    @Test
    void updateMovesTheLeadToTheEndOfTheChangeStream() {
        int id = LeadStore.FIRST_ID + 5;
        long before = store.lastSeq();
        clock.advance(Duration.ofMinutes(1));

        EmulatorLead updated = store.update(id, l -> l.getAttributes().put("Company", "New")).orElseThrow();

        assertThat(updated.getUpdateSeq()).isGreaterThan(before);
        assertThat(updated.getUpdatedAt()).isEqualTo(clock.instant());
        List<EmulatorLead> tail = store.changesAfter(before, null, null, 10);
        assertThat(tail).extracting(EmulatorLead::getId).containsExactly(id);
        assertThat(store.countChangesAfter(0, null, null)).isEqualTo(100);
        assertThat(store.update(1, l -> { }).isPresent()).isFalse();
    }

    @Test
    void changesAfterPagesByKeysetWithinTheRange() {
        Instant oldest = clock.instant().minus(Duration.ofDays(30));
        int expected = store.countChangesAfter(0, oldest, null);
        List<Integer> all = new ArrayList<>();
        long cursor = 0;
        List<EmulatorLead> page;
        do {
            page = store.changesAfter(cursor, oldest, null, 7);
            page.forEach(l -> all.add(l.getId()));
            if (!page.isEmpty()) {
                cursor = page.get(page.size() - 1).getUpdateSeq();
                assertThat(store.countChangesAfter(cursor, oldest, null)).isEqualTo(expected - all.size());
            }
        } while (!page.isEmpty());

        assertThat(all).hasSize(expected).doesNotHaveDuplicates();
        assertThat(expected).isBetween(45, 55);
    }

    @Test
    void deleteRemovesTheLeadFromListsAndTheStream() {
        int vipMember = store.findListByName("VIP").orElseThrow().memberIds().get(0);

        assertThat(store.delete(vipMember)).isTrue();
        assertThat(store.delete(vipMember)).isFalse();
        assertThat(store.findById(vipMember)).isEmpty();
        assertThat(store.findListByName("VIP").orElseThrow().memberIds()).doesNotContain(vipMember);
        assertThat(store.countChangesAfter(0, null, null)).isEqualTo(99);
        assertThat(store.listsOf(vipMember)).isEmpty();
    }

    @Test
    void staticListsGrowWithoutDuplicates() {
        StaticList list = store.addList("Mine", List.of(LeadStore.FIRST_ID, LeadStore.FIRST_ID + 1));

        StaticList grown = store.addToList(list.id(), List.of(LeadStore.FIRST_ID + 1, LeadStore.FIRST_ID + 2)).orElseThrow();

        assertThat(grown.memberIds()).containsExactly(LeadStore.FIRST_ID, LeadStore.FIRST_ID + 1, LeadStore.FIRST_ID + 2);
        assertThat(store.findList(list.id())).contains(grown);
        assertThat(store.addToList(999_999, List.of(1))).isEmpty();
        assertThat(store.lists()).extracting(StaticList::name).containsExactly("VIP", "Newsletter", "Mine");
    }

    @Test
    void fieldSchemaKnowsSoapAndRestNames() {
        assertThat(store.field("LeadScore")).map(LeadField::dataType).contains("integer");
        assertThat(store.field("leadscore")).map(LeadField::soapName).contains("LeadScore");
        assertThat(store.field("Website")).map(LeadField::restName).contains("website");
        assertThat(store.field("Id")).map(LeadField::readOnly).contains(true);
        assertThat(store.field("NoSuchField")).isEmpty();
    }

    @Test
    void concurrentCreatesGetDistinctIdsAndSequences() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            int n = i;
            pool.submit(() -> store.create(l -> l.setEmail("c" + n + "@example.com")));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(store.size()).isEqualTo(500);
        assertThat(store.changesAfter(0, null, null, 1000)).extracting(EmulatorLead::getId).doesNotHaveDuplicates().hasSize(500);
    }

    @Test
    void reseedingRestoresTheInitialState() {
        store.create(l -> l.setEmail("extra@example.com"));
        store.seed(100, 42);

        assertThat(store.size()).isEqualTo(100);
        assertThat(store.findByEmail("extra@example.com")).isEmpty();
        assertThat(store.lastSeq()).isEqualTo(100);
    }
}
