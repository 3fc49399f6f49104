package io.github.camelmarketo.emulator.leadsquared;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProspectIdsTest {

    @Test
    void everyIdMapsToADistinctStableGuidAndBack() {
        Set<UUID> seen = new HashSet<>();
        for (int id = LeadStore.FIRST_ID; id < LeadStore.FIRST_ID + 20_000; id++) {
            UUID guid = ProspectIds.prospectIdOf(id);
            assertThat(seen.add(guid)).as("unique guid for %d", id).isTrue();
            assertThat(ProspectIds.marketoIdOf(guid.toString())).hasValue(id);
        }
        assertThat(ProspectIds.format(LeadStore.FIRST_ID)).isEqualTo(ProspectIds.format(LeadStore.FIRST_ID));
    }

    @Test
    void upperCaseGuidsAreTheSameLead() {
        String guid = ProspectIds.format(LeadStore.FIRST_ID + 7).toUpperCase(Locale.ROOT);
        assertThat(ProspectIds.marketoIdOf(guid)).hasValue(LeadStore.FIRST_ID + 7);
    }

    @Test
    void madeUpOrMalformedIdsMapToNothing() {
        assertThat(ProspectIds.marketoIdOf("0acb9356-bcd1-4128-b63a-97f52cb8cc3c")).isEmpty();
        assertThat(ProspectIds.marketoIdOf(UUID.randomUUID().toString())).isEmpty();
        assertThat(ProspectIds.marketoIdOf("not-a-guid")).isEmpty();
        assertThat(ProspectIds.marketoIdOf("")).isEmpty();
        assertThat(ProspectIds.marketoIdOf(null)).isEmpty();
    }
}
