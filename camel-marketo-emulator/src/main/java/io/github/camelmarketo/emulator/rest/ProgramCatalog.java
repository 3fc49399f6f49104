package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Programs, their members and smart campaigns, seeded deterministically from the store's leads at every reset:
 * program 2001 "Webinar 2026" (every 4th seeded lead), 2002 "Nurture Stream" (an engagement program, every 5th),
 * 2003 "Trade Show Berlin" (every 7th), each with one smart campaign (3001..3003) whose members are the program's.
 */
final class ProgramCatalog {

    /** A program. */
    record Program(int id, String name, String type, String channel, Instant createdAt) {
        boolean engagement() {
            return "Engagement".equals(type);
        }
    }

    /** A lead's membership in a program, as REST reports it. */
    record Membership(String progressionStatus, boolean acquiredBy, boolean reachedSuccess, Instant membershipDate,
                      Instant updatedAt, String stream, String nurtureCadence, boolean isExhausted) {
    }

    /**
     * A smart campaign of a program: {@code trigger} (active, with a "Campaign is Requested: Web Service API"
     * trigger, so {@code trigger.json} may run it) or {@code batch} ({@code schedule.json}).
     */
    record Campaign(int id, String name, int programId, String type, boolean active, Instant createdAt) {
        boolean trigger() {
            return "trigger".equals(type);
        }
    }

    /** The program statuses of each channel, in progression order, and the ones that count as success. */
    private static final Map<String, List<String>> CHANNEL_STATUSES = Map.of(
            "Webinar", List.of("Invited", "Registered", "No Show", "Attended", "Attended On-demand"),
            "Nurture", List.of("Member", "Engaged"),
            "Tradeshow", List.of("Invited", "Registered", "No Show", "Attended"));
    private static final List<String> SUCCESS_STATUSES = List.of("Attended", "Attended On-demand", "Engaged");

    private static final String[] WEBINAR_STATUSES = { "Invited", "Registered", "Attended", "No Show" };

    private final Map<Integer, Program> programs = new LinkedHashMap<>();
    private final Map<Integer, Campaign> campaigns = new LinkedHashMap<>();
    /** programId -> leadId -> membership. */
    private final Map<Integer, Map<Integer, Membership>> members = new TreeMap<>();

    /** Replaces everything with the seeded programs over {@code leadIds} (ascending). */
    synchronized void seed(List<Integer> leadIds, Instant now) {
        programs.clear();
        campaigns.clear();
        members.clear();
        Instant created = now.minus(Duration.ofDays(90));
        addProgram(new Program(2001, "Webinar 2026", "Default", "Webinar", created), "Webinar Follow-up", "trigger");
        addProgram(new Program(2002, "Nurture Stream", "Engagement", "Nurture", created), "Nurture Entry", "trigger");
        addProgram(new Program(2003, "Trade Show Berlin", "Event", "Tradeshow", created), "Trade Show Scoring", "batch");
        for (int i = 0; i < leadIds.size(); i++) {
            int leadId = leadIds.get(i);
            Instant joined = now.minus(Duration.ofDays(30 - i % 30));
            if (i % 4 == 0) {
                String status = WEBINAR_STATUSES[(i / 4) % WEBINAR_STATUSES.length];
                members.get(2001).put(leadId, new Membership(status, i % 8 == 0, "Attended".equals(status), joined,
                        joined, null, null, false));
            }
            if (i % 5 == 0) {
                members.get(2002).put(leadId, new Membership("Member", false, false, joined, joined,
                        (i / 5) % 2 == 0 ? "Stream 1" : "Stream 2", "normal", (i / 5) % 7 == 0));
            }
            if (i % 7 == 0) {
                String status = (i / 7) % 2 == 0 ? "Registered" : "Attended";
                members.get(2003).put(leadId, new Membership(status, false, "Attended".equals(status), joined, joined,
                        null, null, false));
            }
        }
    }

    private void addProgram(Program program, String campaignName, String campaignType) {
        programs.put(program.id(), program);
        members.put(program.id(), new TreeMap<>());
        int campaignId = program.id() + 1000;
        campaigns.put(campaignId, new Campaign(campaignId, campaignName, program.id(), campaignType, true,
                program.createdAt()));
    }

    synchronized Optional<Campaign> campaign(int id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    /** The statuses a program's channel allows, in progression order. */
    synchronized List<String> statuses(int programId) {
        return CHANNEL_STATUSES.getOrDefault(programs.get(programId).channel(), List.of());
    }

    /**
     * Sets the status of an existing member (the status is one of {@link #statuses(int)}, canonical spelling);
     * false when {@code leadId} is not a member of the program.
     */
    synchronized boolean changeStatus(int programId, int leadId, String status, Instant now) {
        Map<Integer, Membership> byLead = members.get(programId);
        Membership m = byLead.get(leadId);
        if (m == null) {
            return false;
        }
        byLead.put(leadId, new Membership(status, m.acquiredBy(), m.reachedSuccess() || SUCCESS_STATUSES.contains(status),
                m.membershipDate(), now, m.stream(), m.nurtureCadence(), m.isExhausted()));
        return true;
    }

    synchronized Optional<Program> program(int id) {
        return Optional.ofNullable(programs.get(id));
    }

    synchronized Optional<Program> programByName(String name) {
        return programs.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Members of a program by lead id, ascending. */
    synchronized Map<Integer, Membership> members(int programId) {
        return new TreeMap<>(members.getOrDefault(programId, Map.of()));
    }

    /** Programs lead {@code leadId} belongs to, by program id. */
    synchronized Map<Program, Membership> programsOf(int leadId) {
        Map<Program, Membership> result = new LinkedHashMap<>();
        members.forEach((programId, byLead) -> {
            Membership membership = byLead.get(leadId);
            if (membership != null) {
                result.put(programs.get(programId), membership);
            }
        });
        return result;
    }

    /** Smart campaigns lead {@code leadId} is a member of (those of its programs). */
    synchronized List<Campaign> campaignsOf(int leadId) {
        List<Campaign> result = new ArrayList<>();
        for (Campaign campaign : campaigns.values()) {
            if (members.get(campaign.programId()).containsKey(leadId)) {
                result.add(campaign);
            }
        }
        return result;
    }

    /** Makes {@code leadId} a member (status "Member") unless it already is one. */
    synchronized void join(int programId, int leadId, Instant now, boolean acquired) {
        Program program = programs.get(programId);
        members.get(programId).putIfAbsent(leadId, new Membership("Member", acquired, false, now, now,
                program.engagement() ? "Stream 1" : null, program.engagement() ? "normal" : null, false));
    }

    /** Moves the losing lead's memberships to the winner (the winner's own memberships take precedence). */
    synchronized void merge(int winnerId, int loserId) {
        for (Map<Integer, Membership> byLead : members.values()) {
            Membership membership = byLead.remove(loserId);
            if (membership != null) {
                byLead.putIfAbsent(winnerId, membership);
            }
        }
    }

    synchronized void remove(int leadId) {
        members.values().forEach(byLead -> byLead.remove(leadId));
    }
}
