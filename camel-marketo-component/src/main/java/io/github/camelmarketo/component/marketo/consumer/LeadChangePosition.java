package io.github.camelmarketo.component.marketo.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a lead-change consumer stands in the activity feed, encoded as the cursor's opaque position: the paging token
 * of the next {@code leadchanges.json} read, the paging token of the next {@code deletedleads.json} read, and which
 * of the two the next poll reads. A pass reads lead changes up to {@code moreResult=false}, then deletions up to
 * {@code moreResult=false}; the next pass continues from both tokens (the feed never goes back). Base64url text, so
 * the vendor's tokens (which may contain {@code =}) stay opaque in any state repository.
 *
 * @param changesToken token of the next lead-changes read
 * @param deletedToken token of the next deleted-leads read
 * @param deletions    whether the next poll reads deletions (the pass's lead changes are done)
 */
public record LeadChangePosition(String changesToken, String deletedToken, boolean deletions) {

    private static final String PREFIX = "feed1:";

    public LeadChangePosition {
        if (changesToken == null || changesToken.isEmpty() || deletedToken == null || deletedToken.isEmpty()) {
            throw new IllegalArgumentException("a lead-change position needs both paging tokens");
        }
    }

    /** The position of a new feed: both reads start at the token of {@code pagingtoken.json}. */
    public static LeadChangePosition start(String pagingToken) {
        return new LeadChangePosition(pagingToken, pagingToken, false);
    }

    /** Lead changes continue at {@code token}; with {@code thenDeletions} the next poll reads deletions. */
    public LeadChangePosition afterChanges(String token, boolean thenDeletions) {
        return new LeadChangePosition(token, deletedToken, thenDeletions);
    }

    /** Deletions continue at {@code token}; with {@code thenChanges} the next poll reads lead changes again. */
    public LeadChangePosition afterDeletions(String token, boolean thenChanges) {
        return new LeadChangePosition(changesToken, token, !thenChanges);
    }

    public String encode() {
        String plain = (deletions ? "D" : "C") + "\n" + changesToken + "\n" + deletedToken;
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code position} came from {@link #encode()} (a cursor the lead-change feed wrote). */
    public static boolean isFeedPosition(String position) {
        return position != null && position.startsWith(PREFIX);
    }

    public static LeadChangePosition decode(String position) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(position.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", -1);
            if (parts.length != 3 || !("C".equals(parts[0]) || "D".equals(parts[0]))) {
                throw new IllegalArgumentException("expected 3 parts");
            }
            return new LeadChangePosition(parts[1], parts[2], "D".equals(parts[0]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a lead-change feed position: '" + position
                                               + "' (positions come from a previous page of leadSelector=leadChanges)", e);
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
