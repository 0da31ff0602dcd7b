package app.kith.schedule;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code prepare}: a brief for every occurrence of a <em>mine</em> event that is not part of a
 * recurring series, due at the prepare time on the evening before it starts (at once when that
 * moment has passed but the event has not started). A cancelled event withdraws its brief, a moved
 * one moves it, and a brief whose event has ended is closed.
 */
final class PrepareRule {

  /** Upcoming occurrences with the brief each one already has (joined by its key: one query, not one per row). */
  private static final String UPCOMING =
      "SELECT o.uid, o.recurrence_id, o.start_at, o.end_at, o.all_day, o.start_date, e.summary,"
          + " r.id AS reminder_id, r.status AS reminder_status, r.event_start AS reminder_event_start"
          + " FROM occurrence o JOIN calendar_event e ON e.id = o.event_id"
          + " LEFT JOIN reminder r ON r.reminder_key = 'prepare:' || o.uid || ':' || o.recurrence_id"
          + " WHERE o.start_at > ? AND o.start_at <= ? AND o.recurring = FALSE AND o.cancelled = FALSE"
          + " AND e.mine = TRUE AND (e.status IS NULL OR e.status <> 'CANCELLED')";

  private static final String OPEN =
      "SELECT r.id, r.event_start, o.start_at, o.end_at, o.all_day, o.start_date, o.cancelled, o.recurring,"
          + " e.mine, e.status"
          + " FROM reminder r"
          + " LEFT JOIN occurrence o ON o.uid = r.event_uid AND o.recurrence_id = r.recurrence_id"
          + " LEFT JOIN calendar_event e ON e.id = o.event_id"
          + " WHERE r.kind = 'prepare' AND r.status IN ('due', 'snoozed')";

  private final ScheduleSettings settings;

  PrepareRule(ScheduleSettings settings) {
    this.settings = settings;
  }

  static String key(String uid, String recurrenceId) {
    return "prepare:" + uid + ":" + recurrenceId;
  }

  void apply(Connection c, Instant now, Tally tally) throws SQLException {
    createOrMove(c, now, tally);
    reviewOpen(c, now, tally);
  }

  /** The brief's due time, or now when it has passed (the event has not started yet). */
  private Instant due(Instant start, LocalDate allDayStart, Instant now) {
    Instant due = settings.prepareDue(start, allDayStart);
    return due.isAfter(now) ? due : now;
  }

  private void createOrMove(Connection c, Instant now, Tally tally) throws SQLException {
    Instant horizon = now.atZone(settings.zone()).plus(settings.prepareLookAhead()).toInstant();
    List<ReminderRows.NewReminder> fresh = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(UPCOMING)) {
      ReminderRows.bind(ps, now, horizon);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String uid = rs.getString("uid");
          String rid = rs.getString("recurrence_id");
          Instant start = Sql.getInstant(rs, "start_at");
          Instant end = Sql.getInstant(rs, "end_at");
          LocalDate allDay = rs.getBoolean("all_day") ? Sql.getDate(rs, "start_date") : null;
          Instant due = due(start, allDay, now);
          long reminderId = rs.getLong("reminder_id");
          Existing old =
              rs.wasNull()
                  ? null
                  : new Existing(reminderId, rs.getString("reminder_status"), Sql.getInstant(rs, "reminder_event_start"));
          if (old == null) {
            String summary = rs.getString("summary");
            fresh.add(
                new ReminderRows.NewReminder(
                    Reminder.PREPARE, key(uid, rid), null, uid, rid, "Prepare for " + name(summary),
                    due, start, end, null, null));
          } else if (Reminder.WITHDRAWN.equals(old.status)
              || (!Reminder.DONE.equals(old.status) && !start.equals(old.eventStart))) {
            // withdrawn and back (un-cancelled), or its event moved: the brief follows it
            if (ReminderRows.claim(c, old.id)) {
              ReminderRows.move(c, old.id, due, start, end, now);
              tally.moved++;
            }
          }
        }
      }
    }
    tally.created += ReminderRows.insert(c, fresh, now);
  }

  /** Open briefs whose event was cancelled, is gone, is no longer mine, moved away, or has ended. */
  private void reviewOpen(Connection c, Instant now, Tally tally) throws SQLException {
    List<Long> withdraw = new ArrayList<>();
    List<Long> close = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(OPEN);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Instant start = Sql.getInstant(rs, "start_at");
        Instant end = Sql.getInstant(rs, "end_at");
        boolean gone =
            start == null
                || rs.getBoolean("cancelled")
                || rs.getBoolean("recurring")
                || !rs.getBoolean("mine")
                || "CANCELLED".equalsIgnoreCase(rs.getString("status"));
        if (gone) {
          withdraw.add(id);
        } else if (!end.isAfter(now)) {
          close.add(id);
        } else if (!start.equals(Sql.getInstant(rs, "event_start")) && start.isAfter(now)) {
          // moved beyond the look-ahead window (moves inside it were handled above)
          LocalDate allDay = rs.getBoolean("all_day") ? Sql.getDate(rs, "start_date") : null;
          if (ReminderRows.claim(c, id)) {
            ReminderRows.move(c, id, due(start, allDay, now), start, end, now);
            tally.moved++;
          }
        }
      }
    }
    tally.withdrawn += ReminderRows.finish(c, ReminderRows.claimOpen(c, withdraw), Reminder.WITHDRAWN, now);
    tally.closed += ReminderRows.finish(c, ReminderRows.claimOpen(c, close), Reminder.DONE, now);
  }

  private record Existing(long id, String status, Instant eventStart) {}

  static String name(String summary) {
    return summary == null || summary.isBlank() ? "an untitled event" : summary.strip();
  }
}
