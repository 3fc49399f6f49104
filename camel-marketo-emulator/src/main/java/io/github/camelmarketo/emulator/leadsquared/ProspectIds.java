package io.github.camelmarketo.emulator.leadsquared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * LeadSquared lead ids ({@code ProspectId}, a GUID) for the emulator's Marketo-style integer lead ids.
 *
 * <p>
 * Every store lead has one stable GUID, the same across runs and emulator instances: the high 64 bits are those of
 * the name-based UUID of {@code "leadsquared-prospect:" + marketoId}; the low 64 bits keep that UUID's variant and
 * hash bits except the last 32, which hold {@code marketoId XOR} the low 32 bits of the high half. The id is thereby
 * recoverable from the GUID without a mapping table (which would go stale as leads are created over SOAP/REST), and
 * a GUID is accepted only if it re-derives exactly from the recovered id, so made-up GUIDs are simply not found.
 */
public final class ProspectIds {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ProspectIds() {
    }

    /** The ProspectId of the store lead with this Marketo id. */
    public static UUID prospectIdOf(int marketoId) {
        UUID named = UUID.nameUUIDFromBytes(("leadsquared-prospect:" + marketoId).getBytes(StandardCharsets.UTF_8));
        long msb = named.getMostSignificantBits();
        long low32 = (marketoId ^ (int) msb) & 0xFFFF_FFFFL;
        long lsb = (named.getLeastSignificantBits() & 0xFFFF_FFFF_0000_0000L) | low32;
        return new UUID(msb, lsb);
    }

    /** The ProspectId as the vendor writes it (lower-case GUID). */
    public static String format(int marketoId) {
        return prospectIdOf(marketoId).toString();
    }

    /** The Marketo id behind a ProspectId (any case), or empty if the text is no GUID this emulator issued. */
    public static OptionalInt marketoIdOf(String prospectId) {
        if (prospectId == null || !GUID.matcher(prospectId).matches()) {
            return OptionalInt.empty();
        }
        UUID uuid = UUID.fromString(prospectId.toLowerCase(Locale.ROOT));
        int candidate = (int) uuid.getLeastSignificantBits() ^ (int) uuid.getMostSignificantBits();
        return prospectIdOf(candidate).equals(uuid) ? OptionalInt.of(candidate) : OptionalInt.empty();
    }
}
