package app.kith.calendar;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Events on the tables {@code calendar_event} (one row per UID + RECURRENCE-ID, '' for the master),
 * {@code event_attendee} and {@code occurrence} (the occurrences inside the materialised window,
 * which the reminder sweep reads). Every method runs inside the caller's transaction.
 */
public final class EventStore {

  /** A stored row: its id, what it said, and the fingerprint of its text. */
  public record Stored(long id, Event event, String fingerprint, boolean mine) {}

  private final ZoneId owner;
  private final Recurrence.Limits limits;

  public EventStore(ZoneId owner, Recurrence.Limits limits) {
    this.owner = owner;
    this.limits = limits;
  }

  /**
   * Statements prepared once per connection: a big file runs the same few statements tens of
   * thousands of times, and H2's own query cache is smaller than the set we cycle through. They
   * close with the connection.
   */
  private final java.util.Map<String, PreparedStatement> prepared = new java.util.HashMap<>();
  private Connection preparedFor;
  /** The last save inserted a new row (so a UID with no other rows has no occurrences to clear). */
  private boolean freshlyInserted;

  private PreparedStatement ps(Connection c, String sql, boolean keys) throws SQLException {
    if (c != preparedFor) {
      prepared.clear();
      preparedFor = c;
    }
    PreparedStatement ps = prepared.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = keys ? c.prepareStatement(sql, new String[] {"id"}) : c.prepareStatement(sql);
      prepared.put(sql, ps);
    }
    return ps;
  }

  public Stored find(Connection c, String uid, String recurrenceId) throws SQLException {
    PreparedStatement ps = ps(c, SELECT + " WHERE uid = ? AND recurrence_id = ?", false);
    {
      ps.setString(1, uid);
      ps.setString(2, recurrenceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(c, rs) : null;
      }
    }
  }

  /** What an import compares before writing a row: its id, version and fingerprint. */
  public record Version(long id, int sequence, Instant dtstamp, String fingerprint) {}

  /**
   * The versions of every row of a UID by recurrence id ('' for the master), without reading
   * their components or attendees: one cheap query per incoming event, which also tells whether
   * the UID has other rows (a new single event, the common case, has none).
   */
  public java.util.Map<String, Version> versions(Connection c, String uid) throws SQLException {
    java.util.Map<String, Version> out = new java.util.HashMap<>(4);
    PreparedStatement ps = ps(c,
        "SELECT id, recurrence_id, sequence, dtstamp, fingerprint FROM calendar_event WHERE uid = ?", false);
    ps.setString(1, uid);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(2), new Version(rs.getLong(1), rs.getInt(3), Sql.getInstant(rs, "dtstamp"), rs.getString(5)));
      }
    }
    return out;
  }

  /** Every row of a UID: the master (if any) first. */
  public List<Stored> series(Connection c, String uid) throws SQLException {
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE uid = ? ORDER BY recurrence_id")) {
      ps.setString(1, uid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(c, rs));
        }
      }
    }
    return out;
  }

  private List<Stored> seriesWith(Connection c, String uid, Stored fresh) throws SQLException {
    int others = 0;
    PreparedStatement ps = ps(c, "SELECT COUNT(*) FROM calendar_event WHERE uid = ? AND id <> ?", false);
    {
      ps.setString(1, uid);
      ps.setLong(2, fresh.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        others = rs.getInt(1);
      }
    }
    if (others == 0) {
      return List.of(fresh);
    }
    List<Stored> rows = new ArrayList<>();
    for (Stored s : series(c, uid)) {
      rows.add(s.id() == fresh.id() ? fresh : s);
    }
    return rows;
  }

  private static final String SELECT =
      "SELECT id, uid, recurrence_id, sequence, dtstamp, status, summary, description, location, join_url,"
          + " organizer_email, organizer_name, all_day, start_at, end_at, start_date, end_date, tzid, mine, component,"
          + " fingerprint FROM calendar_event";

  private Stored read(Connection c, ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    String component = rs.getString("component");
    Timing timing = null;
    if (component != null) {
      Event parsed = StoredComponents.parse(component, owner);
      timing = parsed == null ? null : parsed.timing();
    }
    Event e = new Event(rs.getString("uid"), rs.getString("recurrence_id"), rs.getInt("sequence"),
        Sql.getInstant(rs, "dtstamp"), rs.getString("status"), rs.getString("summary"), rs.getString("description"),
        rs.getString("location"), rs.getString("join_url"), rs.getString("organizer_email"),
        rs.getString("organizer_name"), rs.getBoolean("all_day"), Sql.getInstant(rs, "start_at"),
        Sql.getInstant(rs, "end_at"), Sql.getDate(rs, "start_date"), Sql.getDate(rs, "end_date"), rs.getString("tzid"),
        attendees(c, id), timing, component);
    return new Stored(id, e, rs.getString("fingerprint"), rs.getBoolean("mine"));
  }

  public List<Attendee> attendees(Connection c, long eventId) throws SQLException {
    List<Attendee> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT email, name, partstat, role, cutype, comment, contact_id FROM event_attendee WHERE event_id = ? ORDER BY email")) {
      ps.setLong(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Attendee(rs.getString("email"), rs.getString("name"), rs.getString("partstat"), rs.getString("role"),
              rs.getString("cutype"), rs.getString("comment"), Sql.getLongOrNull(rs, "contact_id")));
        }
      }
    }
    return out;
  }

  /** Inserts or replaces one row (and its attendees); returns its id. */
  public long save(Connection c, Long existingId, Event e, String fingerprint, boolean mine, String source, Instant now)
      throws SQLException {
    long id;
    freshlyInserted = existingId == null;
    if (existingId == null) {
      PreparedStatement ps = ps(c,
          "INSERT INTO calendar_event (uid, recurrence_id, sequence, dtstamp, status, summary, description, location,"
              + " join_url, organizer_email, organizer_name, all_day, start_at, end_at, start_date, end_date, tzid,"
              + " recurring, mine, component, source, updated_at, fingerprint)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", true);
      {
        bind(ps, e, fingerprint, mine, source, now);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
    } else {
      id = existingId;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE calendar_event SET uid = ?, recurrence_id = ?, sequence = ?, dtstamp = ?, status = ?, summary = ?,"
              + " description = ?, location = ?, join_url = ?, organizer_email = ?, organizer_name = ?, all_day = ?,"
              + " start_at = ?, end_at = ?, start_date = ?, end_date = ?, tzid = ?, recurring = ?, mine = ?, component = ?,"
              + " source = ?, updated_at = ?, fingerprint = ? WHERE id = ?")) {
        bind(ps, e, fingerprint, mine, source, now);
        ps.setLong(24, id);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM event_attendee WHERE event_id = ?")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
    List<Attendee> attendees = e.attendees();
    for (int first = 0; first < attendees.size(); first += ROWS) {
      int n = Math.min(ROWS, attendees.size() - first);
      PreparedStatement ps = ps(c, "INSERT INTO event_attendee (event_id, email, name, partstat, role, cutype, comment,"
          + " contact_id) VALUES " + rows(n, "(?, ?, ?, ?, ?, ?, ?, ?)"), false);
      int p = 0;
      for (Attendee a : attendees.subList(first, first + n)) {
        ps.setLong(++p, id);
        ps.setString(++p, a.email().toLowerCase(Locale.ROOT));
        ps.setString(++p, a.name());
        ps.setString(++p, a.partstat());
        ps.setString(++p, a.role());
        ps.setString(++p, a.cutype());
        ps.setString(++p, a.comment());
        Sql.setLongOrNull(ps, ++p, a.contactId());
      }
      ps.executeUpdate();
    }
    return id;
  }

  private static void bind(PreparedStatement ps, Event e, String fingerprint, boolean mine, String source, Instant now)
      throws SQLException {
    ps.setString(1, e.uid());
    ps.setString(2, e.recurrenceId());
    ps.setInt(3, e.sequence());
    Sql.setInstant(ps, 4, e.dtstamp());
    ps.setString(5, e.status());
    ps.setString(6, e.summary());
    ps.setString(7, e.description());
    ps.setString(8, e.location());
    ps.setString(9, e.joinUrl());
    ps.setString(10, e.organizerEmail());
    ps.setString(11, e.organizerName());
    ps.setBoolean(12, e.allDay());
    Sql.setInstant(ps, 13, e.start());
    Sql.setInstant(ps, 14, e.end());
    Sql.setDate(ps, 15, e.startDate());
    Sql.setDate(ps, 16, e.endDate());
    ps.setString(17, e.tzid());
    ps.setBoolean(18, e.recurring());
    ps.setBoolean(19, mine);
    ps.setString(20, e.component());
    ps.setString(21, source);
    Sql.setInstant(ps, 22, now);
    ps.setString(23, fingerprint);
  }

  /**
   * A new version of a series (higher SEQUENCE) replaces its exceptions (RFC 5546 3.2.2): stored
   * overrides of an older sequence go; the new version brings its own.
   */
  public int dropOverridesBefore(Connection c, String uid, int sequence) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM calendar_event WHERE uid = ? AND recurrence_id <> '' AND sequence < ?")) {
      ps.setString(1, uid);
      ps.setInt(2, sequence);
      return ps.executeUpdate();
    }
  }

  /** Rows that came from one source (a feed): id, uid, recurrence id, status. */
  public List<String[]> bySource(Connection c, String source) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, uid, recurrence_id, status FROM calendar_event WHERE source = ?")) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        }
      }
    }
    return out;
  }

  /**
   * Marks a row cancelled because its source stopped listing it; the fingerprint is cleared so
   * that the event, should it come back, is taken again.
   */
  public void retire(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE calendar_event SET status = 'CANCELLED', fingerprint = NULL, updated_at = ? WHERE id = ?")) {
      Sql.setInstant(ps, 1, now);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  public void setStatus(Connection c, long id, String status, int sequence, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE calendar_event SET status = ?, sequence = ?, updated_at = ? WHERE id = ?")) {
      ps.setString(1, status);
      ps.setInt(2, sequence);
      Sql.setInstant(ps, 3, now);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** Updates one attendee's answer; false when that attendee is not on the event or nothing changed. */
  public boolean setPartstat(Connection c, long eventId, String email, String partstat, String comment)
      throws SQLException {
    String key = email.toLowerCase(Locale.ROOT);
    String oldPartstat;
    String oldComment;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT partstat, comment FROM event_attendee WHERE event_id = ? AND email = ?")) {
      ps.setLong(1, eventId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        oldPartstat = rs.getString(1);
        oldComment = rs.getString(2);
      }
    }
    String newComment = comment == null ? oldComment : comment;
    if (java.util.Objects.equals(oldPartstat, partstat) && java.util.Objects.equals(oldComment, newComment)) {
      return false;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE event_attendee SET partstat = ?, comment = ? WHERE event_id = ? AND email = ?")) {
      ps.setString(1, partstat);
      ps.setString(2, newComment);
      ps.setLong(3, eventId);
      ps.setString(4, key);
      return ps.executeUpdate() > 0;
    }
  }

  /**
   * Writes the occurrences of one UID inside [from, to) to {@code occurrence}, replacing what was
   * there; returns them (with the stored rows, for the people who attended).
   */
  public List<Materialised> materialise(Connection c, String uid, Instant from, Instant to) throws SQLException {
    return materialise(c, uid, from, to, null);
  }

  /** As above; {@code fresh} is a row just saved, used as is instead of being read back. */
  public List<Materialised> materialise(Connection c, String uid, Instant from, Instant to, Stored fresh)
      throws SQLException {
    return materialise(c, uid, from, to, fresh, false);
  }

  /**
   * As above; {@code alone} says the caller knows {@code fresh} is the only row of its UID (so
   * the series need not be counted or read back).
   */
  public List<Materialised> materialise(Connection c, String uid, Instant from, Instant to, Stored fresh, boolean alone)
      throws SQLException {
    List<Stored> rows = fresh == null ? series(c, uid) : alone ? List.of(fresh) : seriesWith(c, uid, fresh);
    if (!(rows.size() == 1 && rows.get(0) == fresh && freshlyInserted)) {
      PreparedStatement ps = ps(c, "DELETE FROM occurrence WHERE uid = ?", false);
      ps.setString(1, uid);
      ps.executeUpdate();
    }
    List<Materialised> out = expand(rows, from, to);
    if (out.isEmpty()) {
      return out;
    }
    // multi-row INSERTs: on H2 cheaper per row than a JDBC batch of one-row statements
    for (int first = 0; first < out.size(); first += ROWS) {
      int n = Math.min(ROWS, out.size() - first);
      PreparedStatement ps = ps(c, OCCURRENCE_INSERT + rows(n, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), false);
      int p = 0;
      for (Materialised m : out.subList(first, first + n)) {
        Occurrence o = m.occurrence();
        ps.setLong(++p, m.row().id());
        ps.setString(++p, o.uid());
        ps.setString(++p, o.recurrenceId());
        Sql.setInstant(ps, ++p, o.start());
        Sql.setInstant(ps, ++p, o.end());
        ps.setBoolean(++p, o.allDay());
        Sql.setDate(ps, ++p, o.startDate());
        Sql.setDate(ps, ++p, o.endDate());
        ps.setBoolean(++p, o.recurring());
        ps.setBoolean(++p, o.cancelled());
      }
      ps.executeUpdate();
    }
    return out;
  }

  /** Rows per multi-row INSERT (at most 10 parameters each: far under any driver's limit). */
  private static final int ROWS = 64;

  private static final String OCCURRENCE_INSERT =
      "INSERT INTO occurrence (event_id, uid, recurrence_id, start_at, end_at, all_day, start_date, end_date, recurring,"
          + " cancelled) VALUES ";

  /** The VALUES lists for 1..ROWS rows, built once per row shape. */
  private static final java.util.Map<String, String[]> ROW_LISTS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String rows(int n, String one) {
    String[] lists = ROW_LISTS.computeIfAbsent(one, k -> new String[ROWS + 1]);
    String s = lists[n];
    if (s == null) {
      s = String.join(", ", java.util.Collections.nCopies(n, one));
      lists[n] = s;
    }
    return s;
  }

  /** An occurrence with the stored row whose details apply. */
  public record Materialised(Occurrence occurrence, Stored row) {}

  /** Expands stored rows of one UID inside a window. */
  public List<Materialised> expand(List<Stored> rows, Instant from, Instant to) {
    Stored master = null;
    List<Event> overrides = new ArrayList<>();
    java.util.Map<Event, Stored> byEvent = new java.util.IdentityHashMap<>();
    for (Stored s : rows) {
      Event e = s.event();
      byEvent.put(e, s);
      if (e.recurrenceId().isEmpty()) {
        master = s;
      } else {
        overrides.add(e);
      }
    }
    Recurrence.Expansion x;
    try {
      x = Recurrence.expand(master == null ? null : master.event(), overrides, from, to, owner, limits);
    } catch (RuntimeException e) {
      // a rule iCal4j cannot expand: the event is kept, without occurrences
      return List.of();
    }
    List<Materialised> out = new ArrayList<>(x.occurrences().size());
    for (Occurrence o : x.occurrences()) {
      Stored row = byEvent.get(o.event());
      if (row != null && o.uid().length() <= 1000 && o.recurrenceId().length() <= 40) {
        out.add(new Materialised(o, row));
      }
    }
    return out;
  }

  /** UIDs with something inside [from, to): series may recur into any window, single events by their times. */
  public List<String> uidsIn(Connection c, Instant from, Instant to) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT uid FROM calendar_event WHERE recurring = TRUE OR (start_at < ? AND end_at >= ?) ORDER BY uid")) {
      Sql.setInstant(ps, 1, to);
      Sql.setInstant(ps, 2, from.minusSeconds(1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
