package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadIdsTest {

    private static final String A = "0acb9356-bcd1-4128-b63a-97f52cb8cc3c";
    private static final String B = "3aee22bd-8419-422a-8242-c510df9af021";

    @Test
    void acceptsStringsAndUuidsInManyShapesKeepingFirstOccurrenceOrder() {
        UUID b = UUID.fromString(B);
        assertThat(LeadIds.from(List.of(B, A.toUpperCase(), " " + A + " ", b))).containsExactly(B, A);
        assertThat(LeadIds.from(new Object[] { b, A })).containsExactly(B, A);
        assertThat(LeadIds.from(Set.of(b))).containsExactly(B);
        assertThat(LeadIds.from(List.of(A, B).iterator())).containsExactly(A, B);
        assertThat(LeadIds.from(b)).containsExactly(B);
        assertThat(LeadIds.from(A + ", " + B)).containsExactly(A, B);
        assertThat(LeadIds.from(A)).containsExactly(A);
    }

    @Test
    void emptyInputsGiveNoIds() {
        assertThat(LeadIds.from(List.of())).isEmpty();
        assertThat(LeadIds.from(new String[0])).isEmpty();
        assertThat(LeadIds.from(" ")).isEmpty();
    }

    @Test
    void invalidIdsFailTheWholeBodyNamingThemAndTheirPositions() {
        List<Object> ids = new ArrayList<>(Arrays.asList(A, "not-a-guid", null, 42, B, ""));
        assertThatThrownBy(() -> LeadIds.from(ids))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 of 6 lead ids are not GUIDs")
                .hasMessageContaining("#1 'not-a-guid'")
                .hasMessageContaining("#2 null")
                .hasMessageContaining("#3 (Integer)")
                .hasMessageContaining("#5 ''")
                .hasMessageContaining("nothing was requested");
    }

    @Test
    void longListsOfInvalidIdsAreSummarised() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add("bad-" + i);
        }
        assertThatThrownBy(() -> LeadIds.from(ids))
                .hasMessageContaining("50 of 50")
                .hasMessageContaining("#19 'bad-19'")
                .hasMessageNotContaining("bad-20'")
                .hasMessageEndingWith("and 30 more");
    }

    @Test
    void unsupportedBodiesAreRejectedWithTheAcceptedTypes() {
        assertThatThrownBy(() -> LeadIds.from(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Collection, array or Iterator")
                .hasMessageContaining("got null");
        assertThatThrownBy(() -> LeadIds.from(42L)).hasMessageContaining("got java.lang.Long");
    }
}
