package app.kith.schedule;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The writes the rules make to table {@code reminder}. Rows are changed only after they are claimed
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED} (H2 2.3 and PostgreSQL), so a sweep never waits on,
 * or undoes, a row that someone else (another node, a {@code done} from mail) is changing.
 */
final class ReminderRows {

  private ReminderRows() {}

  /** A new reminder row. */
  record NewReminder(
      String kind,
      String key,
      Long contactId,
      String eventUid,
      String recurrenceId,
      String title,
      Instant dueAt,
      Instant eventStart,
      Instant eventEnd,
      Instant cadenceDue,
      String budgetWeek) {}

  static final String INSERT =
      "INSERT INTO reminder (kind, reminder_key, contact_id, event_uid, recurrence_id, title, due_at, status,"
          + " event_start, event_end, cadence_due, budget_week, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, 'due', ?, ?, ?, ?, ?, ?)";

  /** Inserts reminders in one batch. The caller has checked that their keys are new. */
  static int insert(Connection c, Collection<NewReminder> rows, Instant now) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (NewReminder r : rows) {
        ps.setString(1, r.kind());
        ps.setString(2, r.key());
        Sql.setLongOrNull(ps, 3, r.contactId());
        ps.setString(4, r.eventUid());
        ps.setString(5, r.recurrenceId());
        ps.setString(6, clip(r.title(), 2000));
        Sql.setInstant(ps, 7, r.dueAt());
        Sql.setInstant(ps, 8, r.eventStart());
        Sql.setInstant(ps, 9, r.eventEnd());
        Sql.setInstant(ps, 10, r.cadenceDue());
        ps.setString(11, r.budgetWeek());
        Sql.setInstant(ps, 12, now);
        Sql.setInstant(ps, 13, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return rows.size();
  }

  /** Whether a reminder with this key exists, in any state. */
  static boolean exists(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM reminder WHERE reminder_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Claims the given reminders that are still open (due or snoozed); returns the ids claimed. */
  static List<Long> claimOpen(Connection c, List<Long> ids) throws SQLException {
    List<Long> claimed = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM reminder WHERE id IN (" + marks + ") AND status IN ('due', 'snoozed')"
                  + " FOR UPDATE SKIP LOCKED")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            claimed.add(rs.getLong(1));
          }
        }
      }
    }
    return claimed;
  }

  /** Claims one reminder in any state; false when it is gone or someone else holds it. */
  static boolean claim(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM reminder WHERE id = ? FOR UPDATE SKIP LOCKED")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Ends claimed reminders: {@code done} (closed by itself) or {@code withdrawn}. */
  static int finish(Connection c, List<Long> ids, String status, Instant now) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE reminder SET status = ?, done_at = ?, updated_at = ? WHERE id = ? AND status IN ('due', 'snoozed')")) {
      for (long id : ids) {
        ps.setString(1, status);
        Sql.setInstant(ps, 2, Reminder.DONE.equals(status) ? now : null);
        Sql.setInstant(ps, 3, now);
        ps.setLong(4, id);
        ps.addBatch();
      }
      int n = 0;
      for (int k : ps.executeBatch()) {
        n += Math.max(k, 0);
      }
      return n;
    }
  }

  /**
   * Moves a claimed reminder to a new due time (its event moved, or it was withdrawn and its event
   * is back): due again, and not yet announced for the new time.
   */
  static void move(Connection c, long id, Instant dueAt, Instant eventStart, Instant eventEnd, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE reminder SET status = 'due', due_at = ?, event_start = ?, event_end = ?, snoozed_until = NULL,"
                + " notified_at = NULL, done_at = NULL, updated_at = ? WHERE id = ?")) {
      Sql.setInstant(ps, 1, dueAt);
      Sql.setInstant(ps, 2, eventStart);
      Sql.setInstant(ps, 3, eventEnd);
      Sql.setInstant(ps, 4, now);
      ps.setLong(5, id);
      ps.executeUpdate();
    }
  }

  static List<Long> ids(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    }
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant t) {
        Sql.setInstant(ps, i + 1, t);
      } else if (p instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, (String) p);
      }
    }
  }

  static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }
}
