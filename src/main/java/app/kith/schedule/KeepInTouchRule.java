package app.kith.schedule;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keep-in-touch}: a contact with a cadence whose {@code next_due} has come. The weekly energy
 * budget lets at most N become due per ISO week (owner's zone), most overdue first; the others
 * simply stay due in table {@code contact_due} and are picked in a later week, so none is lost. The
 * search follows index {@code contact_due_next}: its cost is the number of contacts due, not the
 * size of the network. An open reminder closes by itself when an interaction moves the contact's
 * next due time on, and is withdrawn when the contact's cadence is removed.
 */
final class KeepInTouchRule {

  private static final String SETTLED =
      "SELECT r.id, d.next_due FROM reminder r JOIN contact c ON c.id = r.contact_id"
          + " LEFT JOIN contact_due d ON d.contact_id = c.id"
          + " WHERE r.kind = 'keep-in-touch' AND r.status IN ('due', 'snoozed')"
          + " AND (d.next_due IS NULL OR d.next_due > r.cadence_due)";

  private static final String CANDIDATES =
      "SELECT c.id, c.name, d.next_due FROM contact_due d JOIN contact c ON c.id = d.contact_id"
          + " WHERE d.next_due <= ? AND c.cadence IS NOT NULL"
          + " AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.contact_id = c.id AND r.kind = 'keep-in-touch'"
          + "   AND (r.status IN ('due', 'snoozed') OR (r.cadence_due = d.next_due AND r.status <> 'withdrawn')))"
          + " ORDER BY d.next_due, c.id FETCH FIRST ? ROWS ONLY";

  private final ScheduleSettings settings;

  KeepInTouchRule(ScheduleSettings settings) {
    this.settings = settings;
  }

  static String key(long contactId, Instant cadenceDue) {
    return "keep-in-touch:" + contactId + ":" + cadenceDue;
  }

  void apply(Connection c, Instant now, Tally tally) throws SQLException {
    settle(c, now, tally);
    release(c, now, tally);
  }

  private void settle(Connection c, Instant now, Tally tally) throws SQLException {
    List<Long> closed = new ArrayList<>();
    List<Long> withdrawn = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SETTLED);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        (rs.getObject("next_due") == null ? withdrawn : closed).add(rs.getLong("id"));
      }
    }
    tally.closed += ReminderRows.finish(c, ReminderRows.claimOpen(c, closed), Reminder.DONE, now);
    List<Long> claimed = ReminderRows.claimOpen(c, withdrawn);
    tally.withdrawn += ReminderRows.finish(c, claimed, Reminder.WITHDRAWN, now);
    // a withdrawn reminder gives up its key, so that the same cycle can come back if the cadence does
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE reminder SET reminder_key = reminder_key || ':withdrawn:' || CAST(id AS VARCHAR(20)) WHERE id = ?")) {
      for (long id : claimed) {
        ps.setLong(1, id);
        ps.addBatch();
      }
      if (!claimed.isEmpty()) {
        ps.executeBatch();
      }
    }
  }

  private void release(Connection c, Instant now, Tally tally) throws SQLException {
    String week = settings.isoWeek(now);
    int room = settings.budgetPerWeek() - usedThisWeek(c, week);
    if (room <= 0) {
      return;
    }
    Instant weekStart = settings.weekStartDigest(now);
    List<ReminderRows.NewReminder> fresh = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
      ReminderRows.bind(ps, now, room);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          Instant nextDue = Sql.getInstant(rs, "next_due");
          Instant due = nextDue.isBefore(weekStart) ? weekStart : nextDue;
          String name = rs.getString("name");
          fresh.add(
              new ReminderRows.NewReminder(
                  Reminder.KEEP_IN_TOUCH, key(id, nextDue), id, null, null,
                  "Keep in touch with " + (name == null || name.isBlank() ? "contact #" + id : name.strip()),
                  due, null, null, nextDue, week));
        }
      }
    }
    tally.created += ReminderRows.insert(c, fresh, now);
  }

  private static int usedThisWeek(Connection c, String week) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reminder WHERE budget_week = ?")) {
      ps.setString(1, week);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

}
