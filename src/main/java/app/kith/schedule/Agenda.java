package app.kith.schedule;

import app.kith.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The upcoming side of the agenda: event occurrences that have not ended, in a window. */
public final class Agenda {

  private Agenda() {}

  /** One occurrence as the agenda shows it. */
  public record EventItem(
      String uid, String recurrenceId, String summary, Instant start, Instant end, boolean allDay,
      String location, boolean mine) {}

  /** Occurrences not cancelled that have not ended at {@code from} and start before {@code to}. */
  public static List<EventItem> events(Connection c, Instant from, Instant to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.uid, o.recurrence_id, o.start_at, o.end_at, o.all_day, e.summary, e.location, e.mine"
                + " FROM occurrence o JOIN calendar_event e ON e.id = o.event_id"
                + " WHERE o.start_at < ? AND o.end_at > ? AND o.cancelled = FALSE"
                + " AND (e.status IS NULL OR e.status <> 'CANCELLED')"
                + " ORDER BY o.start_at, o.uid")) {
      Sql.setInstant(ps, 1, to);
      Sql.setInstant(ps, 2, from);
      List<EventItem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new EventItem(
                  rs.getString("uid"), recurrenceId(rs.getString("recurrence_id")), rs.getString("summary"),
                  Sql.getInstant(rs, "start_at"), Sql.getInstant(rs, "end_at"), rs.getBoolean("all_day"),
                  rs.getString("location"), rs.getBoolean("mine")));
        }
      }
      return out;
    }
  }

  /** Stored as "" for a single event; null in JSON, as {@code events --json} has it. */
  private static String recurrenceId(String stored) {
    return stored == null || stored.isEmpty() ? null : stored;
  }
}
