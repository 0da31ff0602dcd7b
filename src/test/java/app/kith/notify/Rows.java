package app.kith.notify;

import app.kith.store.Database;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain SQL helpers that put contacts, events and reminders in the database, as the other areas would. */
public final class Rows {
  private final Database db;
  private final Instant now;

  public Rows(Database db, Instant now) {
    this.db = db;
    this.now = now;
  }

  public long contact(String name, String email, String organization, String title, String notes) {
    return db.inTransaction(c -> {
      // the first address is on the contact row, as import and NewContacts write it
      return insert(c,
          "INSERT INTO contact (name, organization, title, notes, email, email_key, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          "contact", name, organization, title, notes, email, email == null ? null : email.toLowerCase(), now, now);
    });
  }

  public void source(long contactId, String source) {
    db.inTransaction(c -> exec(c, "INSERT INTO contact_source (contact_id, source, added_at) VALUES (?, ?, ?)", contactId, source, now));
  }

  public void interaction(long contactId, Instant at, String kind, String note) {
    db.inTransaction(c -> exec(c,
        "INSERT INTO interaction (contact_id, occurred_at, kind, note, created_at) VALUES (?, ?, ?, ?, ?)",
        contactId, at, kind, note, now));
  }

  /** A single (non-recurring) event with its occurrence; attendees as email -> contact id (or null). */
  public long event(String uid, String summary, Instant start, Instant end, String location, String joinUrl,
      Map<String, Long> attendees) {
    return db.inTransaction(c -> {
      long id = insert(c,
          "INSERT INTO calendar_event (uid, recurrence_id, status, summary, description, location, join_url, organizer_email,"
              + " start_at, end_at, mine, updated_at) VALUES (?, '', 'CONFIRMED', ?, ?, ?, ?, ?, ?, ?, TRUE, ?)",
          "calendar_event", uid, summary, "Agenda: talks, then drinks.", location, joinUrl, "host@example.org", start, end, now);
      for (Map.Entry<String, Long> a : attendees.entrySet()) {
        exec(c, "INSERT INTO event_attendee (event_id, email, name, partstat, contact_id) VALUES (?, ?, ?, 'ACCEPTED', ?)",
            id, a.getKey(), a.getKey().substring(0, a.getKey().indexOf('@')), a.getValue());
      }
      exec(c, "INSERT INTO occurrence (event_id, uid, recurrence_id, start_at, end_at) VALUES (?, ?, '', ?, ?)", id, uid, start, end);
      return id;
    });
  }

  /**
   * A reminder as the sweep would have made it. A keep-in-touch one also gives its contact the
   * cadence that made it due, so the real sweep (run by every delivery pass) keeps it.
   */
  public long reminder(String kind, String key, Long contactId, String eventUid, String title, Instant dueAt) {
    return db.inTransaction(c -> {
      boolean keepInTouch = kind.equals("keep-in-touch") && contactId != null;
      if (keepInTouch) {
        exec(c, "UPDATE contact SET cadence = COALESCE(cadence, 'P1M') WHERE id = ?", contactId);
        exec(c, "DELETE FROM contact_due WHERE contact_id = ?", contactId);
        exec(c, "INSERT INTO contact_due (contact_id, next_due) VALUES (?, ?)", contactId, dueAt);
      }
      return insert(c,
          "INSERT INTO reminder (kind, reminder_key, contact_id, event_uid, recurrence_id, title, due_at, status, cadence_due,"
              + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'due', ?, ?, ?)",
          "reminder", kind, key, contactId, eventUid, eventUid == null ? null : "", title, dueAt,
          keepInTouch ? dueAt : null, now, now);
    });
  }

  public void setStatus(long reminderId, String status) {
    db.inTransaction(c -> exec(c, "UPDATE reminder SET status = ?, updated_at = ? WHERE id = ?", status, now.plusSeconds(60), reminderId));
  }

  public List<Map<String, Object>> outbox() {
    return db.inTransaction(c -> {
      List<Map<String, Object>> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, idempotency_key, message_id, kind, recipient, subject, body_text, body_html, ics, not_before, status,"
              + " attempts, sent_at FROM outbox ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          for (String col : List.of("idempotency_key", "message_id", "kind", "recipient", "subject", "body_text", "body_html", "ics", "status")) {
            m.put(col, rs.getString(col));
          }
          m.put("id", rs.getLong("id"));
          m.put("attempts", rs.getInt("attempts"));
          m.put("not_before", Sql.getInstant(rs, "not_before"));
          m.put("sent_at", Sql.getInstant(rs, "sent_at"));
          out.add(m);
        }
      }
      return out;
    });
  }

  public int count(String sql) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private static long insert(Connection c, String sql, String table, Object... args) throws SQLException {
    exec(c, sql, args);
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM " + table); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Object exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a instanceof Instant t) {
          Sql.setInstant(ps, i + 1, t);
        } else if (a == null) {
          ps.setObject(i + 1, null);
        } else {
          ps.setObject(i + 1, a);
        }
      }
      ps.executeUpdate();
    }
    return null;
  }
}
