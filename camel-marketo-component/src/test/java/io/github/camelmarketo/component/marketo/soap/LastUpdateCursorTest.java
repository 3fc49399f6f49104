package io.github.camelmarketo.component.marketo.soap;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opaque position of a LastUpdateAt stream cut into 30-day windows. */
class LastUpdateCursorTest {

    @Test
    void encodesWindowAndVendorPositionAndDecodesThemBack() {
        OffsetDateTime start = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        LastUpdateCursor cursor = LastUpdateCursor.start(start).at("id:1089965:to:1392234668|x");
        assertThat(cursor.windowEnd()).isEqualTo(OffsetDateTime.parse("2026-01-31T00:00:00Z"));
        LastUpdateCursor back = LastUpdateCursor.decode(cursor.encode());
        assertThat(back).isEqualTo(cursor);
        assertThat(LastUpdateCursor.decode(LastUpdateCursor.start(start).encode()).streamPosition()).isNull();
        assertThat(cursor.encode()).doesNotContain("\n").doesNotContain("=");
    }

    @Test
    void foreignOrCorruptPositionsNameTheValue() {
        assertThatThrownBy(() -> LastUpdateCursor.decode("id:123")).hasMessageContaining("'id:123'")
                .hasMessageContaining("lastUpdateAt");
        assertThatThrownBy(() -> LastUpdateCursor.decode("lu|yesterday|")).hasMessageContaining("Corrupt");
    }
}
