package app.kith.schedule;

import app.kith.contacts.ContactStore;
import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads reminders with the contact and event they are about. */
public final class ReminderStore {

  private static final String SELECT =
      "SELECT r.id, r.kind, r.reminder_key, r.due_at, r.title, r.status, r.snoozed_until, r.notified_at,"
          + " r.done_at, r.contact_id, c.name AS contact_name,"
          + " " + ContactStore.firstEmailOf("c") + " AS contact_email,"
          + " r.event_uid, r.recurrence_id, r.event_start, o.start_at AS occurrence_start, e.summary"
          + " FROM reminder r"
          + " LEFT JOIN contact c ON c.id = r.contact_id"
          + " LEFT JOIN occurrence o ON o.uid = r.event_uid AND o.recurrence_id = r.recurrence_id"
          + " LEFT JOIN calendar_event e ON e.id = o.event_id";

  private ReminderStore() {}

  public static Optional<Reminder> find(Connection c, long id) throws SQLException {
    List<Reminder> found = query(c, SELECT + " WHERE r.id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Reminders due at {@code now}: status due and due time reached, oldest first. */
  public static List<Reminder> due(Connection c, Instant now) throws SQLException {
    return query(c, SELECT + " WHERE r.status = 'due' AND r.due_at <= ? ORDER BY r.due_at, r.id", now);
  }

  /**
   * Open reminders (due or snoozed) that are due, or come back from a snooze, before {@code until}:
   * overdue ones included, so an agenda shows what is still waiting.
   */
  public static List<Reminder> openUntil(Connection c, Instant until) throws SQLException {
    return query(
        c,
        SELECT
            + " WHERE (r.status = 'due' AND r.due_at < ?) OR (r.status = 'snoozed' AND r.snoozed_until < ?)"
            + " ORDER BY r.due_at, r.id",
        until,
        until);
  }

  private static List<Reminder> query(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] instanceof Instant t) {
          Sql.setInstant(ps, i + 1, t);
        } else if (params[i] instanceof Long l) {
          ps.setLong(i + 1, l);
        } else {
          ps.setObject(i + 1, params[i]);
        }
      }
      List<Reminder> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    }
  }

  private static Reminder read(ResultSet rs) throws SQLException {
    Long contactId = Sql.getLongOrNull(rs, "contact_id");
    Reminder.Person person =
        contactId == null
            ? null
            : new Reminder.Person(contactId, rs.getString("contact_name"), rs.getString("contact_email"));
    String uid = rs.getString("event_uid");
    Reminder.Event event = null;
    if (uid != null) {
      Instant start = Sql.getInstant(rs, "occurrence_start");
      event =
          new Reminder.Event(
              uid,
              rs.getString("recurrence_id"),
              rs.getString("summary"),
              start != null ? start : Sql.getInstant(rs, "event_start"));
    }
    return new Reminder(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("reminder_key"),
        Sql.getInstant(rs, "due_at"),
        rs.getString("title"),
        rs.getString("status"),
        Sql.getInstant(rs, "snoozed_until"),
        Sql.getInstant(rs, "notified_at"),
        Sql.getInstant(rs, "done_at"),
        person,
        event);
  }
}
