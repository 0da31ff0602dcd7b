package app.kith.contacts;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Records interactions (a meeting, an email, a logged call...) and keeps each contact's
 * {@code last_interaction} and keep-in-touch due time (table {@code contact_due}, a row only for
 * a contact with a cadence) in step. Every writer of interactions
 * (calendar ingest, mail in, the command line) goes through here.
 */
public final class Interactions {

  public static final java.util.Set<String> KINDS = java.util.Set.of("meeting", "email", "call", "message", "note");

  private final Cadence cadence;

  public Interactions(Cadence cadence) {
    this.cadence = cadence;
  }

  /**
   * Records one interaction inside the caller's transaction. With a {@code sourceKey} (for example
   * {@code meeting:<uid>:<recurrence-id>}), recording the same thing twice is a no-op.
   *
   * @return whether a new interaction was written
   */
  public boolean record(
      Connection c, long contactId, Instant at, String kind, String note, String sourceKey, Instant now)
      throws SQLException {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown interaction kind " + kind);
    }
    if (sourceKey != null) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM interaction WHERE source_key = ?")) {
        ps.setString(1, sourceKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO interaction (contact_id, occurred_at, kind, note, source_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, contactId);
      Sql.setInstant(ps, 2, at);
      ps.setString(3, kind);
      ps.setString(4, note);
      ps.setString(5, sourceKey);
      Sql.setInstant(ps, 6, now);
      ps.executeUpdate();
    }
    refresh(c, contactId, now);
    return true;
  }

  /** One interaction to record in bulk (see {@link #recordAll}). */
  public record Pending(long contactId, Instant at, String kind, String note, String sourceKey) {}

  /** Rows per statement of the bulk methods: well under PostgreSQL's and H2's parameter limits. */
  private static final int CHUNK = 500;

  /** Rows per multi-row INSERT of {@link #recordAll}. */
  private static final int ROWS = 100;

  /**
   * Records many interactions inside the caller's transaction, as {@link #record} would one by one
   * (a {@code sourceKey} already stored, or repeated in the list, is skipped; the first of a list
   * wins), but with one lookup of existing keys and one insert batch per chunk. The contacts'
   * {@code last_interaction}/{@code next_due} are NOT refreshed: the ids of the contacts that got a
   * new interaction are added to {@code touched}, for one {@link #refreshAll} when the caller is
   * done (a calendar file records thousands of meetings with the same few hundred people).
   *
   * @return how many new interactions were written
   */
  public int recordAll(Connection c, java.util.Collection<Pending> items, java.util.Set<Long> touched, Instant now)
      throws SQLException {
    java.util.Map<String, Pending> keyed = new java.util.LinkedHashMap<>();
    List<Pending> unkeyed = new ArrayList<>();
    for (Pending p : items) {
      if (!KINDS.contains(p.kind())) {
        throw new IllegalArgumentException("unknown interaction kind " + p.kind());
      }
      if (p.sourceKey() == null) {
        unkeyed.add(p);
      } else {
        keyed.putIfAbsent(p.sourceKey(), p);
      }
    }
    List<String> keys = new ArrayList<>(keyed.keySet());
    for (int from = 0; from < keys.size(); from += CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT source_key FROM interaction WHERE source_key IN (" + marks(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keyed.remove(rs.getString(1));
          }
        }
      }
    }
    List<Pending> fresh = new ArrayList<>(unkeyed.size() + keyed.size());
    fresh.addAll(unkeyed);
    fresh.addAll(keyed.values());
    if (fresh.isEmpty()) {
      return 0;
    }
    // multi-row INSERTs of up to ROWS rows (on H2 cheaper per row than a JDBC batch)
    for (int first = 0; first < fresh.size(); first += ROWS) {
      List<Pending> chunk = fresh.subList(first, Math.min(fresh.size(), first + ROWS));
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO interaction (contact_id, occurred_at, kind, note, source_key, created_at) VALUES "
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")))) {
        int i = 0;
        for (Pending p : chunk) {
          ps.setLong(++i, p.contactId());
          Sql.setInstant(ps, ++i, p.at());
          ps.setString(++i, p.kind());
          ps.setString(++i, p.note());
          ps.setString(++i, p.sourceKey());
          Sql.setInstant(ps, ++i, now);
          touched.add(p.contactId());
        }
        ps.executeUpdate();
      }
    }
    return fresh.size();
  }

  /** {@link #refresh} for many contacts: one query and one update batch per chunk of ids. */
  public void refreshAll(Connection c, java.util.Collection<Long> contactIds, Instant now) throws SQLException {
    List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(contactIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement read = c.prepareStatement(
              "SELECT k.id, k.cadence, k.since, k.created_at,"
                  + " (SELECT MAX(i.occurred_at) FROM interaction i WHERE i.contact_id = k.id AND i.occurred_at <= ?) AS last_at"
                  + " FROM contact k WHERE k.id IN (" + marks(chunk.size()) + ")");
          PreparedStatement write = c.prepareStatement(
              "UPDATE contact SET last_interaction = ?, updated_at = ? WHERE id = ?")) {
        Sql.setInstant(read, 1, now);
        for (int i = 0; i < chunk.size(); i++) {
          read.setLong(i + 2, chunk.get(i));
        }
        java.util.Map<Long, Instant> due = new java.util.LinkedHashMap<>();
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            Instant last = Sql.getInstant(rs, "last_at");
            Instant nextDue = nextDue(rs.getString("cadence"), last, Sql.getDate(rs, "since"), Sql.getInstant(rs, "created_at"));
            Sql.setInstant(write, 1, last);
            Sql.setInstant(write, 2, now);
            write.setLong(3, rs.getLong("id"));
            write.addBatch();
            due.put(rs.getLong("id"), nextDue);
          }
        }
        if (!due.isEmpty()) {
          write.executeBatch(); // the contact rows are locked now: no other writer of their due time runs
          setDue(c, due);
        }
      }
    }
  }

  private Instant nextDue(String cadenceValue, Instant last, java.time.LocalDate since, Instant created) {
    Instant base = last != null ? last : since != null ? since.atStartOfDay(ZoneOffset.UTC).toInstant() : created;
    return cadenceValue != null && base != null ? cadence.nextDue(Period.parse(cadenceValue), base) : null;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * Recomputes {@code last_interaction} (latest interaction not in the future) and {@code next_due}
   * of a contact, for example after its cadence changed.
   */
  public void refresh(Connection c, long contactId, Instant now) throws SQLException {
    String cadenceValue = null;
    java.time.LocalDate since = null;
    Instant created = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT cadence, since, created_at FROM contact WHERE id = ?")) {
      ps.setLong(1, contactId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        cadenceValue = rs.getString("cadence");
        since = Sql.getDate(rs, "since");
        created = Sql.getInstant(rs, "created_at");
      }
    }
    Instant last = null;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(occurred_at) FROM interaction WHERE contact_id = ? AND occurred_at <= ?")) {
      ps.setLong(1, contactId);
      Sql.setInstant(ps, 2, now);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          last = rs.getObject(1, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
      }
    }
    Instant nextDue = nextDue(cadenceValue, last, since, created);
    try (PreparedStatement ps = c.prepareStatement("UPDATE contact SET last_interaction = ?, updated_at = ? WHERE id = ?")) {
      Sql.setInstant(ps, 1, last);
      Sql.setInstant(ps, 2, now);
      ps.setLong(3, contactId);
      ps.executeUpdate();
    }
    setDue(c, java.util.Collections.singletonMap(contactId, nextDue));
  }

  /**
   * Stores the contacts' due times ({@code null}: none, no row). The caller has updated their contact
   * rows in the same transaction first: that row lock keeps two nodes from writing one contact's due
   * time at once.
   */
  private static void setDue(Connection c, java.util.Map<Long, Instant> due) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM contact_due WHERE contact_id = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO contact_due (contact_id, next_due) VALUES (?, ?)")) {
      boolean inserts = false;
      for (var e : due.entrySet()) {
        delete.setLong(1, e.getKey());
        delete.addBatch();
        if (e.getValue() != null) {
          insert.setLong(1, e.getKey());
          Sql.setInstant(insert, 2, e.getValue());
          insert.addBatch();
          inserts = true;
        }
      }
      delete.executeBatch();
      if (inserts) {
        insert.executeBatch();
      }
    }
  }
}
