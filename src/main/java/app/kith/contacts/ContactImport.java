package app.kith.contacts;

import app.kith.store.Database;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings the records of one file into the contacts, merging each with the person it already
 * knows: matched on e-mail (case-insensitive), then phone (when the names fit, {@link
 * Keys#namesFit}), then name together with organisation.
 * A merge adds new e-mail addresses and phones, fills empty fields, adds the source, and never
 * touches a field the user set by hand ({@code contact.manual_fields}).
 *
 * <p>Records are handled in chunks: one lookup query per key kind for the whole chunk, then batched
 * inserts and updates, committed per chunk, so a large file costs a few statements per thousand
 * records. In a dry run nothing is written and the chunks' outcome is kept in memory instead, so
 * later records still see the people that earlier ones would have created.
 */
public final class ContactImport implements AutoCloseable {

  /** What a record did. */
  public enum Outcome {
    CREATED,
    MERGED,
    UNCHANGED
  }

  /** Hears what each record did, in the order the records were added. */
  @FunctionalInterface
  public interface Listener {
    void outcome(Outcome outcome);

    /** A note on the record whose outcome is heard next. */
    default void note(String note) {}
  }

  /** A chunk's outcomes, one per record, and the notes of the few records that have one (by index). */
  private record Resolved(List<Outcome> outcomes, Map<Integer, String> notes) {
    void tell(Listener listener) {
      for (int i = 0; i < outcomes.size(); i++) {
        String note = notes.get(i);
        if (note != null) {
          listener.note(note);
        }
        listener.outcome(outcomes.get(i));
      }
    }
  }

  public static final int CHUNK = 2000;
  private static final int IN_LIST = 500;

  private final Database db;
  private final Interactions interactions;
  private final String source;
  private final boolean dryRun;
  private final Instant now;
  /** {@link #now} as a SQL literal ({@link Sql#timestampLiteral}), made once. */
  private final String nowLiteral;
  private final LocalDate today;
  private final Listener outcomes;
  /** A note on the record {@link #resolve} just handled; null for most. */
  private String note;
  private final List<In> pending = new ArrayList<>(CHUNK);
  /** The people of the chunk being resolved (of the whole run in a dry run); used by one thread at a time. */
  private Working working = new Working();
  /** Who a name or phone key may point at among the stored people; read once, kept up to date by {@link #write}. */
  private final StoredKeys stored;
  /** Chunks are resolved and written on one thread of their own while the next chunk is read. */
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kith-contact-import");
            t.setDaemon(true);
            return t;
          });
  /**
   * Chunks handed to the writer and not yet reported, oldest first; at most {@link #IN_FLIGHT}. With
   * one, the writer waited at every chunk for this thread to wake, take the outcomes and hand it the
   * next; a queued chunk lets it go straight on.
   */
  private final ArrayDeque<Future<Resolved>> inFlight = new ArrayDeque<>();
  private static final int IN_FLIGHT = 2;
  /** Set on the writer thread when a chunk fails: the chunks queued after it are then not written. */
  private volatile boolean failed;

  public ContactImport(
      Database db, Interactions interactions, String source, boolean dryRun, Instant now, LocalDate today,
      Listener outcomes) {
    this(db, interactions, source, dryRun ? new DryRun() : null, now, today, outcomes);
  }

  /**
   * A dry run that shares what it would have written with the other files of the same run, so
   * that the second of two files sees the people the first would have created.
   */
  public ContactImport(
      Database db, Interactions interactions, String source, DryRun dryRun, Instant now, LocalDate today,
      Listener outcomes) {
    this.db = db;
    this.interactions = interactions;
    this.source = source.length() > 500 ? source.substring(0, 500) : source;
    this.dryRun = dryRun != null;
    if (dryRun != null) {
      this.working = dryRun.working;
    }
    this.stored = dryRun != null ? dryRun.stored : new StoredKeys();
    this.now = now;
    this.nowLiteral = Sql.timestampLiteral(now);
    this.today = today;
    this.outcomes = outcomes;
  }

  public void add(ContactData data) {
    pending.add(new In(data)); // keys are computed here, on the reading thread
    if (pending.size() >= CHUNK) {
      flush();
    }
  }

  /**
   * Hands the records added so far to the writer thread, which matches them against the stored
   * people, writes and commits them while this thread reads the next chunk. All database work of
   * an import happens there, one chunk after the other: a chunk's lookups see every earlier chunk
   * committed, and the two threads never work on the same tables at once (on H2 that contention
   * cost more than the overlap gained). When a chunk fails, the ones queued after it are dropped
   * unwritten, so that what is stored is always every chunk up to some point, as when read one by one.
   */
  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<In> chunk = new ArrayList<>(pending);
    pending.clear();
    if (dryRun) {
      awaitAll();
      db.inTransaction(c -> resolveChunk(c, chunk, lookupIds(c, chunk))).tell(outcomes);
      return;
    }
    while (inFlight.size() >= IN_FLIGHT) {
      awaitOldest();
    }
    inFlight.add(
        writer.submit(
            () -> {
              if (failed) {
                throw new IllegalStateException("not written: an earlier chunk of the import failed");
              }
              try {
                return FirstEmailKeys.inCreatingTransaction(
                    db,
                    c -> {
                      working = new Working();
                      Resolved out = resolveChunk(c, chunk, lookupIds(c, chunk));
                      write(c, working);
                      return out;
                    });
              } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
              }
            }));
  }

  private Resolved resolveChunk(Connection c, List<In> chunk, Set<Long> candidates) throws SQLException {
    candidates.removeAll(working.loaded.keySet());
    if (!candidates.isEmpty()) {
      load(c, candidates);
    }
    List<Outcome> out = new ArrayList<>(chunk.size());
    Map<Integer, String> notes = Map.of();
    for (In in : chunk) {
      out.add(resolve(in));
      if (note != null) {
        if (notes.isEmpty()) {
          notes = new HashMap<>();
        }
        notes.put(out.size() - 1, note);
        note = null;
      }
    }
    return new Resolved(out, notes);
  }

  private void awaitAll() {
    while (!inFlight.isEmpty()) {
      awaitOldest();
    }
  }

  /** Waits for the oldest chunk in flight and reports its outcomes, or throws what failed it. */
  private void awaitOldest() {
    Future<Resolved> f = inFlight.poll();
    try {
      f.get().tell(outcomes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing contacts", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Writes what is left and waits for it; every outcome has been reported when this returns. */
  @Override
  public void close() {
    try {
      flush();
      awaitAll();
    } finally {
      writer.shutdownNow();
    }
  }

  /** What a dry run would have written so far: pass the same one to every file of a run. */
  public static final class DryRun {
    private final Working working = new Working(true);
    private final StoredKeys stored = new StoredKeys();
  }

  /** A record with its keys, computed once. */
  private static final class In {
    final ContactData d;
    final List<String> emailKeys;
    final List<String> phoneKeys;
    /** Per number, the keys it is looked up and indexed by ({@link Keys#phoneProbes}, {@link Keys#phoneLinks}). */
    final String[][] phoneProbes, phoneLinks;
    final String nameKey;
    /** {@link StoredKeys#hash} of {@link #nameKey} (0 without one), computed on the reading thread. */
    final long nameHash;
    final String orgKey;
    final String nameOrg;

    In(ContactData d) {
      this.d = d;
      emailKeys = d.emails().isEmpty() ? List.of() : new ArrayList<>(d.emails().size());
      for (String e : d.emails()) {
        emailKeys.add(Keys.email(e));
      }
      phoneKeys = d.phones().isEmpty() ? List.of() : new ArrayList<>(d.phones().size());
      phoneProbes = new String[d.phones().size()][];
      phoneLinks = new String[d.phones().size()][];
      for (String p : d.phones()) {
        String key = Keys.phone(p);
        phoneProbes[phoneKeys.size()] = Keys.phoneProbes(key);
        phoneLinks[phoneKeys.size()] = Keys.phoneLinks(key);
        phoneKeys.add(key);
      }
      nameKey = Keys.name(d.name());
      nameHash = nameKey == null ? 0 : StoredKeys.hash(nameKey);
      orgKey = Keys.organization(d.organization());
      nameOrg = nameKey == null ? null : nameKey + "\u0000" + orNothing(orgKey);
      hashAhead();
    }

    /**
     * Computes the hash of every string the writer thread binds or looks up; a {@link String} keeps
     * it. Here they are still in this thread's cache. On the writer, H2's value caches (which hash
     * every bound string) and the working maps met each one cold on the other core, about a tenth of
     * the writer's time (decision 017).
     */
    private void hashAhead() {
      hash(d.name());
      hash(d.organization());
      hash(d.title());
      hash(d.birthday());
      hash(d.notes());
      hashAll(d.emails());
      hashAll(emailKeys);
      hashAll(d.phones());
      hashAll(phoneKeys);
      hash(nameKey);
      hash(nameOrg);
    }

    private static void hashAll(List<String> values) {
      for (String v : values) {
        hash(v);
      }
    }

    private static void hash(String s) {
      if (s != null) {
        s.hashCode(); // cached in the string
      }
    }
  }

  private static String orNothing(String s) {
    return s == null ? "" : s;
  }

  // --- matching -------------------------------------------------------------------------------

  private Outcome resolve(In in) {
    ContactData d = in.d;
    Person p = null;
    // an address two plainly different people share (an office's, a family's) is no match: each
    // stays a person of their own, and the address stays with the first
    String sharedAddress = null;
    Person sharer = null;
    for (int i = 0; i < in.emailKeys.size(); i++) {
      Person holder = working.byEmail.get(in.emailKeys.get(i));
      if (holder != null && Keys.namesClash(in.nameKey, holder.nameKey)) {
        if (sharer == null) {
          sharer = holder;
          sharedAddress = d.emails().get(i);
        }
      } else if (holder != null) {
        p = holder;
        break;
      }
    }
    if (sharer != null && p == null) {
      note = "the address " + sharedAddress + " is also " + sharer.name + "'s, whose name differs: kept as two people,"
          + " the address with " + sharer.name;
    }
    if (p == null) {
      // a shared number (a family's landline, an office's main line) is no match for someone whose
      // name plainly differs ("Lars H" is Lars Henriksen, "Bert Smith" is not Ann Smith): of the
      // people with the number, in either its national or its international form, the first whose
      // name fits is the match
      numbers:
      for (String[] probes : in.phoneProbes) {
        for (String probe : probes) {
          for (Person holder : working.byPhone.getOrDefault(probe, List.of())) {
            if (Keys.namesFit(in.nameKey, holder.nameKey)) {
              p = holder;
              break numbers;
            }
          }
        }
      }
    }
    if (p == null && in.nameOrg != null) {
      p = byName(in);
    }
    if (p == null) {
      p = new Person();
      p.since = d.since() != null ? d.since() : today;
      working.fresh.add(p);
      p.merge(in, source, working);
      p.nameKey = in.nameKey;
      p.hashedNameKey = in.nameKey;
      p.nameHash = in.nameHash;
      p.orgKey = in.orgKey;
      p.keyedName = d.name();
      p.keyedOrganization = d.organization();
      return Outcome.CREATED;
    }
    boolean changed = p.merge(in, source, working);
    return changed ? Outcome.MERGED : Outcome.UNCHANGED;
  }

  /**
   * Someone of the same name (every stored person with the name is loaded for the chunk, so this sees
   * them all), at the same organisation, or where one side has none: a phone's "José Ramírez" is
   * LinkedIn's "José Ramírez, Verde Energía" when no one else has the name. Two people of the name at
   * two organisations stay apart, and a record without one then matches neither, unless this very
   * file brought it there before: a file imported again finds whom it found the first time.
   */
  private Person byName(In in) {
    Person exact = working.byNameOrg.get(in.nameOrg);
    List<Person> same = working.byName.get(in.nameKey);
    if (same == null || same.size() == 1) {
      // the common case: no one, or one person, of the name
      Person only = same == null ? null : same.get(0);
      return exact != null ? exact : only != null && oneWithoutOrganization(in, only) ? only : null;
    }
    List<Person> candidates = new ArrayList<>(same.size());
    for (Person q : same) {
      if (q == exact || oneWithoutOrganization(in, q)) {
        candidates.add(q);
      }
    }
    if (exact != null && exact.sources.contains(source)) {
      return exact;
    }
    Person fromHere = null;
    int found = 0;
    for (Person q : candidates) {
      if (q.sources.contains(source)) {
        fromHere = q;
        found++;
      }
    }
    if (found == 1) {
      return fromHere;
    }
    for (Person q : candidates) {
      if (q.keeps(in, source)) { // it came from this file too, and the record adds nothing to it
        return q;
      }
    }
    if (exact != null) {
      return exact;
    }
    return candidates.size() == 1 ? candidates.get(0) : null;
  }

  private static boolean oneWithoutOrganization(In in, Person q) {
    return (in.orgKey == null) != (q.orgKey == null);
  }

  static String nameOrgKey(String name, String org) {
    String n = Keys.name(name);
    if (n == null) {
      return null;
    }
    String o = Keys.organization(org);
    return n + "\u0000" + (o == null ? "" : o);
  }

  /**
   * The ids of stored people the chunk's keys point at: e-mail keys are asked of the database (by
   * their unique indexes; on embedded H2 first addresses of {@link FirstEmailKeys}), name and phone
   * keys of {@link StoredKeys}. Keys that the working set already maps (the people of the chunk
   * before, or of the whole dry run) are not asked for. Ids from memory are candidates: the people
   * are loaded and matched by their real keys.
   */
  private Set<Long> lookupIds(Connection c, List<In> chunk) throws SQLException {
    stored.loadOnce(c);
    Set<String> emails = new LinkedHashSet<>();
    Set<Long> ids = new HashSet<>();
    for (In in : chunk) {
      for (int i = 0; i < in.emailKeys.size(); i++) {
        String k = in.emailKeys.get(i);
        if (!working.byEmail.containsKey(k) && !working.lookedUpEmails.contains(k)) {
          emails.add(k);
        }
      }
      for (String[] probes : in.phoneProbes) {
        for (String probe : probes) {
          if (!working.byPhone.containsKey(probe)) {
            stored.byPhone(probe, ids);
          }
        }
      }
      if (in.nameKey != null) {
        stored.byNameHash(in.nameHash, ids);
      }
    }
    // a first address is on the contact row, the ones added later in contact_email; that table
    // stays empty until someone has a second address, and an empty table needs no probe per key
    FirstEmailKeys first = FirstEmailKeys.of(c);
    if (first == null) {
      ids.addAll(ids(c, "SELECT id FROM contact WHERE email_key IN ", emails));
    } else {
      for (String k : emails) {
        first.find(c, k, ids);
      }
    }
    if (!emails.isEmpty() && hasRows(c, "SELECT 1 FROM contact_email FETCH FIRST 1 ROWS ONLY")) {
      ids.addAll(ids(c, "SELECT contact_id FROM contact_email WHERE email_key IN ", emails));
    }
    if (working.dryRun) {
      working.lookedUpEmails.addAll(emails);
    }
    return ids;
  }

  private static boolean hasRows(Connection c, String select) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select);
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static List<Long> ids(Connection c, String select, Collection<String> keys) throws SQLException {
    List<Long> out = new ArrayList<>();
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
      try (PreparedStatement ps = c.prepareStatement(select + placeholders(part.size()))) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  private static String placeholders(int n) {
    char[] q = new char[n * 2 - 1];
    Arrays.fill(q, ',');
    for (int i = 0; i < n; i++) {
      q[i * 2] = '?';
    }
    return "(" + new String(q) + ")";
  }

  private void load(Connection c, Set<Long> idSet) throws SQLException {
    List<Long> ids = new ArrayList<>(idSet);
    ids.sort(null);
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      String in = placeholders(part.size());
      Map<Long, Person> people = new LinkedHashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, name, organization, title, birthday, notes, since, cadence, manual_fields, email, email_key, phone,"
                  + " phone_key FROM contact WHERE id IN "
                  + in + " ORDER BY id")) {
        bind(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Person p = new Person();
            p.id = rs.getLong("id");
            p.name = rs.getString("name");
            p.organization = rs.getString("organization");
            p.title = rs.getString("title");
            p.birthday = rs.getString("birthday");
            p.notes = rs.getString("notes");
            p.since = Sql.getDate(rs, "since");
            p.cadence = rs.getString("cadence");
            if (rs.getString("email_key") != null) {
              p.firstEmail = new String[] {rs.getString("email"), rs.getString("email_key")};
              p.emails.add(p.firstEmail[0]);
              p.emailKeys.add(p.firstEmail[1]);
            }
            if (rs.getString("phone_key") != null) {
              p.firstPhone = new String[] {rs.getString("phone"), rs.getString("phone_key")};
              p.phones.add(p.firstPhone[0]);
              p.phoneKeys.add(p.firstPhone[1]);
            }
            String manual = rs.getString("manual_fields");
            if (manual != null && !manual.isBlank()) {
              p.manual = new HashSet<>();
              for (String f : manual.split(",")) {
                p.manual.add(f.trim());
              }
            }
            people.put(p.id, p);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT contact_id, email, email_key, ord FROM contact_email WHERE contact_id IN " + in + " ORDER BY contact_id, ord")) {
        bind(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Person p = people.get(rs.getLong(1));
            p.emails.add(rs.getString(2));
            p.emailKeys.add(rs.getString(3));
            p.emailOrd = Math.max(p.emailOrd, rs.getInt(4) + 1);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT contact_id, phone, phone_key, ord FROM contact_phone WHERE contact_id IN " + in + " ORDER BY contact_id, ord")) {
        bind(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Person p = people.get(rs.getLong(1));
            p.phones.add(rs.getString(2));
            p.phoneKeys.add(rs.getString(3));
            p.phoneOrd = Math.max(p.phoneOrd, rs.getInt(4) + 1);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT contact_id, source FROM contact_sources WHERE contact_id IN " + in)) {
        bind(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            people.get(rs.getLong(1)).sources.add(rs.getString(2));
          }
        }
      }
      for (Person p : people.values()) {
        working.loaded.put(p.id, p);
        working.index(p);
      }
    }
  }

  private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      ps.setLong(i + 1, ids.get(i));
    }
  }

  // --- writing --------------------------------------------------------------------------------

  private void write(Connection c, Working working) throws SQLException {
    List<Person> fresh = working.fresh;
    for (Person p : fresh) {
      p.takeFirstAddresses();
    }
    MultiInsert.run(
        c,
        "INSERT INTO contact (name, organization, title, birthday, notes, since, email, email_key, phone, phone_key,"
            + " source, created_at, updated_at)",
        11,
        ", " + nowLiteral + ", " + nowLiteral,
        fresh,
        (ps, i, p) -> {
          bindFields(ps, i, p);
          ps.setString(i + 10, source);
        },
        (p, id) -> p.id = id);
    List<Person> changed = new ArrayList<>();
    for (Person p : working.loaded.values()) {
      p.takeFirstAddresses();
      if (p.fieldsChanged) {
        changed.add(p);
      }
    }
    if (!changed.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE contact SET name = ?, organization = ?, title = ?, birthday = ?, notes = ?, since = ?, email = ?,"
                  + " email_key = ?, phone = ?, phone_key = ?, updated_at = ? WHERE id = ?")) {
        for (Person p : changed) {
          p.nameOrgKey(); // brings nameKey up to date, for the stored keys below
          bindFields(ps, 1, p);
          Sql.setInstant(ps, 11, now);
          ps.setLong(12, p.id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    List<Person> touched = new ArrayList<>(fresh);
    touched.addAll(working.loaded.values());
    List<Object[]> emails = new ArrayList<>(), phones = new ArrayList<>(), sources = new ArrayList<>();
    for (Person p : fresh) {
      p.addedSources.remove(source); // on the contact row itself
    }
    for (Person p : touched) {
      for (String[] e : p.addedEmails) {
        emails.add(new Object[] {p.id, e[0], e[1], p.emailOrd++});
      }
      for (String[] ph : p.addedPhones) {
        phones.add(new Object[] {p.id, ph[0], ph[1], p.phoneOrd++});
      }
      for (String s : p.addedSources) {
        sources.add(new Object[] {p.id, s});
      }
    }
    MultiInsert.Binder<Object[]> keyed =
        (ps, i, r) -> {
          ps.setLong(i, (Long) r[0]);
          ps.setString(i + 1, (String) r[1]);
          ps.setString(i + 2, (String) r[2]);
          ps.setInt(i + 3, (Integer) r[3]);
        };
    MultiInsert.run(c, "INSERT INTO contact_email (contact_id, email, email_key, ord)", 4, emails, keyed, null);
    MultiInsert.run(c, "INSERT INTO contact_phone (contact_id, phone, phone_key, ord)", 4, phones, keyed, null);
    MultiInsert.run(
        c,
        "INSERT INTO contact_source (contact_id, source, added_at)",
        3,
        sources,
        (ps, i, r) -> {
          ps.setLong(i, (Long) r[0]);
          ps.setString(i + 1, (String) r[1]);
          Sql.setInstant(ps, i + 2, now);
        },
        null);
    for (Person p : changed) {
      if (p.sinceChanged && p.cadence != null) {
        interactions.refresh(c, p.id, now);
      }
    }
    FirstEmailKeys first = FirstEmailKeys.of(c);
    for (Person p : touched) {
      if (first != null && p.firstEmail != null) {
        first.add(p.firstEmail[1], p.id);
      }
      if (p.nameKey != null) {
        stored.addNameHash(p.nameHash(), p.id);
      }
      for (String k : p.phoneKeys) {
        stored.addPhone(k, p.id);
      }
    }
  }

  private static void bindFields(PreparedStatement ps, int i, Person p) throws SQLException {
    ps.setString(i, p.name);
    ps.setString(i + 1, p.organization);
    ps.setString(i + 2, p.title);
    ps.setString(i + 3, p.birthday);
    ps.setString(i + 4, p.notes);
    Sql.setDate(ps, i + 5, p.since);
    ps.setString(i + 6, p.firstEmail == null ? null : p.firstEmail[0]);
    ps.setString(i + 7, p.firstEmail == null ? null : p.firstEmail[1]);
    ps.setString(i + 8, p.firstPhone == null ? null : p.firstPhone[0]);
    ps.setString(i + 9, p.firstPhone == null ? null : p.firstPhone[1]);
  }

  /** The people of the current chunk (or, in a dry run, of the whole file), indexed by key. */
  private static final class Working {
    final boolean dryRun;
    // sized for a chunk's people, so that a chunk's maps do not grow nine times over; a number is
    // linked under its national and international forms
    final Map<String, Person> byEmail = new HashMap<>(2 * CHUNK);
    /** Everyone with the number, in the order they were met: a number can be shared. */
    final Map<String, List<Person>> byPhone = new HashMap<>(8 * CHUNK);
    final Map<String, Person> byNameOrg = new HashMap<>(2 * CHUNK);
    /** Everyone of the chunk (or the dry run) by name key alone, for {@link ContactImport#byName}. */
    final Map<String, List<Person>> byName = new HashMap<>(2 * CHUNK);
    final Map<Long, Person> loaded = new LinkedHashMap<>();
    final List<Person> fresh = new ArrayList<>(CHUNK);
    final Set<String> lookedUpEmails = new HashSet<>();

    Working() {
      this(false);
    }

    Working(boolean dryRun) {
      this.dryRun = dryRun;
    }

    void index(Person p) {
      for (String k : p.emailKeys) {
        byEmail.putIfAbsent(k, p);
      }
      for (String k : p.phoneKeys) {
        p.link(Keys.phoneLinks(k), this);
      }
      String no = p.nameOrgKey();
      if (no != null) {
        byNameOrg.putIfAbsent(no, p);
        addName(p.nameKey, p);
      }
    }

    void addName(String nameKey, Person p) {
      if (nameKey != null) {
        List<Person> same = byName.computeIfAbsent(nameKey, k -> new ArrayList<>(1));
        if (!same.contains(p)) {
          same.add(p);
        }
      }
    }

    void removeName(String nameKey, Person p) {
      List<Person> same = nameKey == null ? null : byName.get(nameKey);
      if (same != null) {
        same.remove(p);
      }
    }
  }

  /** One contact while a chunk is resolved: what is stored, and what this import adds. */
  private static final class Person {
    Long id;
    String name, organization, title, birthday, notes, cadence, nameKey, orgKey;
    /** The name and organisation {@link #nameKey} and {@link #orgKey} were computed from. */
    String keyedName, keyedOrganization;
    /** {@link StoredKeys#hash} of {@link #hashedNameKey}: of the name key when the two are the same. */
    long nameHash;
    String hashedNameKey;
    LocalDate since;
    boolean sinceChanged;
    /** The fields set by hand (none for most people). */
    Set<String> manual = Set.of();
    final List<String> emails = new ArrayList<>();
    final FewStrings emailKeys = new FewStrings();
    final List<String> phones = new ArrayList<>();
    final FewStrings phoneKeys = new FewStrings();
    /** The keys of {@link #phoneKeys} in both forms ({@link Keys#phoneLinks}), as {@link Working#byPhone} has them. */
    final FewStrings phoneLinks = new FewStrings();
    final FewStrings sources = new FewStrings();
    final List<String[]> addedEmails = new ArrayList<>();
    final List<String[]> addedPhones = new ArrayList<>();
    final List<String> addedSources = new ArrayList<>();
    boolean fieldsChanged;
    /** The first e-mail address and phone number (shown, key), kept on the contact row; null when none. */
    String[] firstEmail, firstPhone;
    /** The ord the next address or number added to contact_email / contact_phone gets (the row's own is 0). */
    int emailOrd = 1, phoneOrd = 1;

    /**
     * Moves the first added address and number onto the contact row when it has none yet (a row
     * change); the rest go to contact_email and contact_phone.
     */
    void takeFirstAddresses() {
      // only for someone who had none stored: a stored one (even in contact_email alone) stays first
      if (firstEmail == null && !addedEmails.isEmpty() && emails.size() == addedEmails.size()) {
        firstEmail = addedEmails.remove(0);
        fieldsChanged = true;
      }
      if (firstPhone == null && !addedPhones.isEmpty() && phones.size() == addedPhones.size()) {
        firstPhone = addedPhones.remove(0);
        fieldsChanged = true;
      }
    }

    /** Indexes a number of this person by its keys ({@link Keys#phoneLinks}). */
    void link(String[] links, Working w) {
      for (String l : links) {
        if (phoneLinks.add(l)) {
          w.byPhone.computeIfAbsent(l, x -> new ArrayList<>(1)).add(this);
        }
      }
    }

    /** Whether the person has this number in another form: a probe other than its own key is linked. */
    boolean hasOtherForm(String[] probes) {
      for (int i = 1; i < probes.length; i++) {
        if (phoneLinks.contains(probes[i])) {
          return true;
        }
      }
      return false;
    }

    /** {@link StoredKeys#hash} of the (non-null) name key, computed again only when it changed. */
    long nameHash() {
      if (hashedNameKey != nameKey) {
        hashedNameKey = nameKey;
        nameHash = StoredKeys.hash(nameKey);
      }
      return nameHash;
    }

    /** The matching key of name and organisation, computed again only when either changed. */
    String nameOrgKey() {
      if (nameKey != null && keyedName == name && keyedOrganization == organization) {
        return nameKey + "\u0000" + (orgKey == null ? "" : orgKey);
      }
      keyedName = name;
      keyedOrganization = organization;
      nameKey = Keys.name(name);
      orgKey = Keys.organization(organization);
      return nameKey == null ? null : nameKey + "\u0000" + (orgKey == null ? "" : orgKey);
    }

    /**
     * Whether merging the record would change nothing: its addresses, numbers and source are here,
     * and each field it has is filled already (a merge only fills what is empty).
     */
    boolean keeps(In in, String source) {
      ContactData d = in.d;
      for (int i = 0; i < in.emailKeys.size(); i++) {
        if (!emailKeys.contains(in.emailKeys.get(i))) {
          return false;
        }
      }
      for (int i = 0; i < in.phoneKeys.size(); i++) {
        if (in.phoneKeys.get(i) != null && !phoneKeys.contains(in.phoneKeys.get(i)) && !hasOtherForm(in.phoneProbes[i])) {
          return false;
        }
      }
      return sources.contains(source) && (d.organization() == null || organization != null) && (d.title() == null || title != null)
          && (d.birthday() == null || birthday != null) && (d.notes() == null || notes != null)
          && (d.since() == null || (since != null && !d.since().isBefore(since)));
    }

    /** Adds what is new; returns whether anything changed. */
    boolean merge(In in, String source, Working w) {
      ContactData d = in.d;
      boolean changed = false;
      for (int i = 0; i < d.emails().size(); i++) {
        String e = d.emails().get(i);
        String k = in.emailKeys.get(i);
        if (!emailKeys.contains(k) && !w.byEmail.containsKey(k)) {
          emails.add(e);
          emailKeys.add(k);
          addedEmails.add(new String[] {e, k});
          w.byEmail.put(k, this);
          changed = true;
        }
      }
      for (int i = 0; i < d.phones().size(); i++) {
        String ph = d.phones().get(i);
        String k = in.phoneKeys.get(i);
        // a number the person has in its other form (national or international) is no new number
        if (k != null && !hasOtherForm(in.phoneProbes[i]) && phoneKeys.add(k)) {
          phones.add(ph);
          addedPhones.add(new String[] {ph, k});
          link(in.phoneLinks[i], w);
          changed = true;
        }
      }
      boolean hadName = name != null, hadOrg = organization != null;
      // the keys this person is found by so far: they go when a filled-in or fuller name, or a
      // filled-in organisation, changes them
      String oldNameOrg = hadName ? nameOrgKey() : null;
      String oldNameKey = hadName ? nameKey : null;
      boolean renamed = false;
      if (name == null && d.name() != null && !manual.contains("name")) {
        name = d.name();
        fieldsChanged = changed = true;
      } else if (hadName && d.name() != null && !manual.contains("name") && Keys.expands(oldNameKey, in.nameKey)) {
        name = d.name(); // "Lars H" was short for "Lars Henriksen"
        fieldsChanged = changed = renamed = true;
      }
      if (organization == null && d.organization() != null && !manual.contains("organization")) {
        organization = d.organization();
        fieldsChanged = changed = true;
      }
      if (title == null && d.title() != null && !manual.contains("title")) {
        title = d.title();
        fieldsChanged = changed = true;
      }
      if (birthday == null && d.birthday() != null && !manual.contains("birthday")) {
        birthday = d.birthday();
        fieldsChanged = changed = true;
      } else if (birthday != null && birthday.startsWith("--") && d.birthday() != null && !d.birthday().startsWith("--")
          && d.birthday().endsWith(birthday.substring(1)) && !manual.contains("birthday")) {
        birthday = d.birthday(); // the same day, now with its year
        fieldsChanged = changed = true;
      }
      if (notes == null && d.notes() != null && !manual.contains("notes")) {
        notes = d.notes();
        fieldsChanged = changed = true;
      }
      if (d.since() != null && (since == null || d.since().isBefore(since)) && !manual.contains("since")) {
        since = d.since();
        sinceChanged = fieldsChanged = changed = true;
      }
      if (!hadName && !hadOrg && name == d.name() && organization == d.organization()) {
        if (in.nameOrg != null) {
          w.byNameOrg.putIfAbsent(in.nameOrg, this);
          w.addName(in.nameKey, this);
        }
      } else if (!hadName || !hadOrg || renamed) {
        String newNameOrg = nameOrgKey();
        if (oldNameOrg != null && !oldNameOrg.equals(newNameOrg) && w.byNameOrg.get(oldNameOrg) == this) {
          // as the stored contact will be found from now on (a dry run keeps one working set for all files)
          w.byNameOrg.remove(oldNameOrg);
        }
        if (newNameOrg != null) {
          w.byNameOrg.putIfAbsent(newNameOrg, this);
        }
        if (oldNameKey != null && !oldNameKey.equals(nameKey)) {
          w.removeName(oldNameKey, this);
        }
        w.addName(nameKey, this);
      }
      if (sources.add(source)) {
        addedSources.add(source);
        changed = true;
      }
      return changed;
    }
  }
}
