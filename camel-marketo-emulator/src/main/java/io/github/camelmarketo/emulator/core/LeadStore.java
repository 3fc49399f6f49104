package io.github.camelmarketo.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The one in-memory lead database behind every emulated API: a lead synced over SOAP is readable over REST and in
 * a bulk extract. Thread-safe (one read/write lock); every read returns detached copies.
 *
 * <p>
 * Change order: each create/update takes the next {@code updateSeq}, so "leads updated since X" can be paged by
 * sequence number (keyset paging) and stays correct while leads change during a stream: a lead updated mid-stream
 * moves to the end of the stream and is delivered again with its new values, no lead is skipped.
 *
 * <p>
 * Activities: every create, changed field and delete, whoever the writer, is recorded in the {@link ActivityLog}
 * inside the mutation (New Lead, one Change Data Value per changed field with old and new value, Delete Lead).
 * Dates are whole seconds, as the vendor stores them.
 */
public final class LeadStore {

    /** Partition/workspace of leads created without a MktowsContextHeader. */
    public static final String DEFAULT_PARTITION = "Default";

    /** First id handed out; Marketo ids are large positive integers. */
    public static final int FIRST_ID = 1_000_001;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final Map<Integer, EmulatorLead> byId = new HashMap<>();
    /** Lower-case email -> ids: sync looks leads up by email once per record, so it must not scan. */
    private final Map<String, Set<Integer>> idsByEmail = new HashMap<>();
    /** updateSeq -> lead id, ordered: the change stream. */
    private final TreeMap<Long, Integer> changeStream = new TreeMap<>();
    private final ActivityLog activities = new ActivityLog();
    private final Map<Integer, StaticList> lists = new HashMap<>();
    private final List<LeadField> fields = new ArrayList<>(defaultFields());
    private int nextId = FIRST_ID;
    private long nextSeq = 1;
    private int nextListId = 1001;

    public LeadStore(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** The activity log this store writes. */
    public ActivityLog activities() {
        return activities;
    }

    /** Now on the store's clock, at the vendor's precision (whole seconds). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Replaces all data with {@code count} generated leads (deterministic for a given {@code randomSeed}), their
     * {@code updatedAt} spread over the 60 days before now in ascending id order, plus the static lists
     * {@code VIP} (every 10th lead) and {@code Newsletter} (every 3rd lead).
     */
    public void seed(int count, long randomSeed) {
        lock.writeLock().lock();
        try {
            byId.clear();
            idsByEmail.clear();
            changeStream.clear();
            lists.clear();
            fields.clear();
            fields.addAll(defaultFields());
            nextId = FIRST_ID;
            nextSeq = 1;
            nextListId = 1001;
            activities.clear();
            Random random = new Random(randomSeed);
            Instant now = now();
            Instant start = now.minus(Duration.ofDays(60));
            long spanMillis = Duration.ofDays(60).toMillis() - 60_000;
            List<Integer> vip = new ArrayList<>();
            List<Integer> newsletter = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant updatedAt = start.plusMillis(count <= 1 ? 0 : spanMillis * i / (count - 1))
                        .truncatedTo(ChronoUnit.SECONDS);
                EmulatorLead lead = new EmulatorLead(nextId++);
                lead.setEmail("lead" + (i + 1) + "@example.com");
                lead.getAttributes().put("FirstName", FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]);
                lead.getAttributes().put("LastName", LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
                lead.getAttributes().put("Company", "Company " + (random.nextInt(500) + 1));
                lead.getAttributes().put("LeadScore", Integer.toString(random.nextInt(100)));
                lead.getAttributes().put("Phone", String.format(Locale.ROOT, "650-555-%04d", random.nextInt(10_000)));
                lead.getAttributes().put("Website", "example" + random.nextInt(1000) + ".com");
                lead.setCreatedAt(updatedAt);
                lead.setUpdatedAt(updatedAt);
                putWithNewSeq(lead);
                recordNewLead(lead);
                if (i % 10 == 0) {
                    vip.add(lead.getId());
                }
                if (i % 3 == 0) {
                    newsletter.add(lead.getId());
                }
            }
            addListLocked("VIP", vip);
            addListLocked("Newsletter", newsletter);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- reads

    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<EmulatorLead> findById(int id) {
        lock.readLock().lock();
        try {
            EmulatorLead lead = byId.get(id);
            return lead == null ? Optional.empty() : Optional.of(lead.copy());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All leads whose email equals {@code email} ignoring case (duplicates are possible), oldest id first. */
    public List<EmulatorLead> findByEmail(String email) {
        if (email == null) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            List<EmulatorLead> result = new ArrayList<>();
            for (Integer id : idsByEmail.getOrDefault(email.toLowerCase(Locale.ROOT), Set.of())) {
                result.add(byId.get(id).copy());
            }
            result.sort((a, b) -> Integer.compare(a.getId(), b.getId()));
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<EmulatorLead> findByForeignSysPersonId(String foreignSysPersonId) {
        return findAll(l -> foreignSysPersonId != null && foreignSysPersonId.equals(l.getForeignSysPersonId()));
    }

    public List<EmulatorLead> findByCookie(String cookie) {
        return findAll(l -> cookie != null && l.getCookies().contains(cookie));
    }

    /** Leads whose attribute or standard field {@code field} (case-insensitive) equals {@code value}. */
    public List<EmulatorLead> findByField(String field, String value) {
        return findAll(l -> value != null && value.equalsIgnoreCase(valueOf(l, field)));
    }

    /** Value of a standard field or attribute by API name, case-insensitive ({@code id}, {@code email}, ...). */
    public static String valueOf(EmulatorLead lead, String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "id":
                return Integer.toString(lead.getId());
            case "email":
                return lead.getEmail();
            case "foreignsyspersonid":
                return lead.getForeignSysPersonId();
            case "foreignsystype":
                return lead.getForeignSysType();
            case "createdat":
                return lead.getCreatedAt() == null ? null : lead.getCreatedAt().toString();
            case "updatedat":
                return lead.getUpdatedAt() == null ? null : lead.getUpdatedAt().toString();
            default:
                return lead.getAttributes().get(field);
        }
    }

    private List<EmulatorLead> findAll(java.util.function.Predicate<EmulatorLead> predicate) {
        lock.readLock().lock();
        try {
            List<EmulatorLead> result = new ArrayList<>();
            for (EmulatorLead lead : byId.values()) {
                if (predicate.test(lead)) {
                    result.add(lead.copy());
                }
            }
            result.sort((a, b) -> Integer.compare(a.getId(), b.getId()));
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One page of the change stream: leads with {@code updateSeq > afterSeq}, in change order, whose updatedAt is
     * within {@code [oldest, latest]} (either may be null = open), at most {@code limit}.
     */
    public List<EmulatorLead> changesAfter(long afterSeq, Instant oldest, Instant latest, int limit) {
        lock.readLock().lock();
        try {
            List<EmulatorLead> page = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : changeStream.tailMap(afterSeq, false).entrySet()) {
                EmulatorLead lead = byId.get(e.getValue());
                if (inRange(lead.getUpdatedAt(), oldest, latest)) {
                    page.add(lead.copy());
                    if (page.size() >= limit) {
                        break;
                    }
                }
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of leads with {@code updateSeq > afterSeq} within {@code [oldest, latest]}. */
    public int countChangesAfter(long afterSeq, Instant oldest, Instant latest) {
        lock.readLock().lock();
        try {
            int count = 0;
            for (Integer id : changeStream.tailMap(afterSeq, false).values()) {
                if (inRange(byId.get(id).getUpdatedAt(), oldest, latest)) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean inRange(Instant t, Instant oldest, Instant latest) {
        return (oldest == null || !t.isBefore(oldest)) && (latest == null || !t.isAfter(latest));
    }

    /** Current highest change sequence number (0 when empty). */
    public long lastSeq() {
        lock.readLock().lock();
        try {
            return nextSeq - 1;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- writes

    /** Creates a lead; {@code init} fills it in (under the write lock). Returns a copy. */
    public EmulatorLead create(Consumer<EmulatorLead> init) {
        lock.writeLock().lock();
        try {
            EmulatorLead lead = new EmulatorLead(nextId++);
            init.accept(lead);
            Instant now = now();
            lead.setCreatedAt(now);
            lead.setUpdatedAt(now);
            putWithNewSeq(lead);
            recordNewLead(lead);
            return lead.copy();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies {@code change} to lead {@code id}, bumps updatedAt and its change sequence. Empty if not found. */
    public Optional<EmulatorLead> update(int id, Consumer<EmulatorLead> change) {
        lock.writeLock().lock();
        try {
            EmulatorLead lead = byId.get(id);
            if (lead == null) {
                return Optional.empty();
            }
            EmulatorLead before = lead.copy();
            changeStream.remove(lead.getUpdateSeq());
            unindexEmail(lead);
            change.accept(lead);
            Instant now = now();
            lead.setUpdatedAt(now);
            putWithNewSeq(lead);
            recordChanges(before, lead, now);
            return Optional.of(lead.copy());
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean delete(int id) {
        lock.writeLock().lock();
        try {
            EmulatorLead lead = byId.remove(id);
            if (lead == null) {
                return false;
            }
            changeStream.remove(lead.getUpdateSeq());
            unindexEmail(lead);
            Instant now = now();
            activities.pruneDeleted(now);
            activities.append(id, now, ActivityTypes.DELETE_LEAD, id, leadName(lead), null);
            for (StaticList list : List.copyOf(lists.values())) {
                if (list.memberIds().contains(id)) {
                    List<Integer> members = new ArrayList<>(list.memberIds());
                    members.remove(Integer.valueOf(id));
                    lists.put(list.id(), new StaticList(list.id(), list.name(), List.copyOf(members)));
                }
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- activities (under the write lock)

    private void recordNewLead(EmulatorLead lead) {
        activities.append(lead.getId(), lead.getCreatedAt(), ActivityTypes.NEW_LEAD, lead.getId(), leadName(lead),
                null);
    }

    /** One Change Data Value per field whose value differs between {@code before} and {@code after}. */
    private void recordChanges(EmulatorLead before, EmulatorLead after, Instant at) {
        Map<String, String[]> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        compare(changed, "email", before.getEmail(), after.getEmail());
        compare(changed, "foreignSysPersonId", before.getForeignSysPersonId(), after.getForeignSysPersonId());
        compare(changed, "foreignSysType", before.getForeignSysType(), after.getForeignSysType());
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(before.getAttributes().keySet());
        names.addAll(after.getAttributes().keySet());
        for (String name : names) {
            compare(changed, name, before.getAttributes().get(name), after.getAttributes().get(name));
        }
        for (Map.Entry<String, String[]> e : changed.entrySet()) {
            int index = fieldIndex(e.getKey());
            String restName = index < 0 ? e.getKey() : fields.get(index).restName();
            int fieldId = index + 1;
            activities.append(after.getId(), at, ActivityTypes.CHANGE_DATA_VALUE, fieldId, LeadField.displayName(restName),
                    new Activity.FieldChange(fieldId, restName, e.getValue()[1], e.getValue()[0]));
        }
    }

    private static void compare(Map<String, String[]> into, String name, String oldValue, String newValue) {
        String from = oldValue == null || oldValue.isEmpty() ? null : oldValue;
        String to = newValue == null || newValue.isEmpty() ? null : newValue;
        if (!Objects.equals(from, to)) {
            into.put(name, new String[] { from, to });
        }
    }

    /** Index of a field in the schema by REST or SOAP name, ignoring case; -1 when unknown. */
    private int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).restName().equalsIgnoreCase(name) || fields.get(i).soapName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The id of a schema field, its 1-based position (the numbering of {@code leads/describe.json}); 0 when unknown.
     */
    public int fieldId(String name) {
        lock.readLock().lock();
        try {
            return fieldIndex(name) + 1;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** "First Last" of a lead, or null without a name. */
    private static String leadName(EmulatorLead lead) {
        String first = lead.getAttributes().getOrDefault("FirstName", "");
        String last = lead.getAttributes().getOrDefault("LastName", "");
        String name = (first + " " + last).trim();
        return name.isEmpty() ? null : name;
    }

    private void unindexEmail(EmulatorLead lead) {
        if (lead.getEmail() != null) {
            String key = lead.getEmail().toLowerCase(Locale.ROOT);
            Set<Integer> ids = idsByEmail.get(key);
            if (ids != null) {
                ids.remove(lead.getId());
                if (ids.isEmpty()) {
                    idsByEmail.remove(key);
                }
            }
        }
    }

    private void putWithNewSeq(EmulatorLead lead) {
        lead.setUpdateSeq(nextSeq++);
        byId.put(lead.getId(), lead);
        if (lead.getEmail() != null) {
            idsByEmail.computeIfAbsent(lead.getEmail().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                    .add(lead.getId());
        }
        changeStream.put(lead.getUpdateSeq(), lead.getId());
    }

    // ---------------------------------------------------------------- static lists

    public StaticList addList(String name, Collection<Integer> memberIds) {
        lock.writeLock().lock();
        try {
            return addListLocked(name, memberIds);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private StaticList addListLocked(String name, Collection<Integer> memberIds) {
        StaticList list = new StaticList(nextListId++, name, List.copyOf(new LinkedHashSet<>(memberIds)));
        lists.put(list.id(), list);
        return list;
    }

    /** Adds members (ignoring ones already present); returns the updated list, empty if the list does not exist. */
    public Optional<StaticList> addToList(int listId, Collection<Integer> leadIds) {
        return changeList(listId, members -> members.addAll(leadIds));
    }

    /** Removes members (ignoring non-members); returns the updated list, empty if the list does not exist. */
    public Optional<StaticList> removeFromList(int listId, Collection<Integer> leadIds) {
        return changeList(listId, members -> members.removeAll(leadIds));
    }

    private Optional<StaticList> changeList(int listId, Consumer<Set<Integer>> change) {
        lock.writeLock().lock();
        try {
            StaticList list = lists.get(listId);
            if (list == null) {
                return Optional.empty();
            }
            Set<Integer> members = new LinkedHashSet<>(list.memberIds());
            change.accept(members);
            StaticList updated = new StaticList(list.id(), list.name(), List.copyOf(members));
            lists.put(listId, updated);
            return Optional.of(updated);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<StaticList> findList(int listId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(lists.get(listId));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Static list by exact name (Marketo list names are unique within an instance). */
    public Optional<StaticList> findListByName(String name) {
        lock.readLock().lock();
        try {
            return lists.values().stream().filter(l -> l.name().equals(name)).findFirst();
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<StaticList> lists() {
        lock.readLock().lock();
        try {
            List<StaticList> result = new ArrayList<>(lists.values());
            result.sort((a, b) -> Integer.compare(a.id(), b.id()));
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Lists that contain lead {@code leadId}. */
    public List<StaticList> listsOf(int leadId) {
        lock.readLock().lock();
        try {
            return lists.values().stream().filter(l -> l.memberIds().contains(leadId))
                    .sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- schema

    /** The lead schema (REST describe / SOAP attrType). */
    public List<LeadField> fields() {
        lock.readLock().lock();
        try {
            return List.copyOf(fields);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The field named {@code name} by its REST or SOAP name, ignoring case. */
    public Optional<LeadField> field(String name) {
        lock.readLock().lock();
        try {
            return fields.stream()
                    .filter(f -> f.restName().equalsIgnoreCase(name) || f.soapName().equalsIgnoreCase(name))
                    .findFirst();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static List<LeadField> defaultFields() {
        return List.of(
                new LeadField("id", "Id", "integer", null, true),
                new LeadField("email", "Email", "email", 255, false),
                new LeadField("foreignSysPersonId", "ForeignSysPersonId", "string", 255, false),
                new LeadField("foreignSysType", "ForeignSysType", "string", 255, false),
                new LeadField("firstName", "FirstName", "string", 255, false),
                new LeadField("lastName", "LastName", "string", 255, false),
                new LeadField("company", "Company", "string", 255, false),
                new LeadField("leadScore", "LeadScore", "integer", null, false),
                new LeadField("phone", "Phone", "phone", 255, false),
                new LeadField("website", "Website", "url", 255, false),
                new LeadField("title", "Title", "string", 255, false),
                new LeadField("city", "City", "string", 255, false),
                new LeadField("country", "Country", "string", 255, false),
                new LeadField("anonymousIP", "AnonymousIP", "string", 255, false),
                new LeadField("createdAt", "CreatedAt", "datetime", null, true),
                new LeadField("updatedAt", "UpdatedAt", "datetime", null, true));
    }

    private static final String[] FIRST_NAMES = {
            "Ada", "Grace", "Alan", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger", "Radia", "Tim" };
    private static final String[] LAST_NAMES = {
            "Lovelace", "Hopper", "Turing", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra",
            "Perlman", "Berners-Lee" };
}
