package app.kith.calendar;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Occurrences in any window, expanded on the fly from the stored components (so a window outside
 * the materialised one, or another --now, gives the right answer too). Cancelled ones are left out.
 */
public final class EventQuery {

  /** One occurrence as {@code events --json} shows it. */
  public record Row(
      String uid,
      String recurrenceId,
      String summary,
      String description,
      Instant start,
      Instant end,
      boolean allDay,
      LocalDate startDate,
      LocalDate endDate,
      String status,
      String location,
      String joinUrl,
      Person organizer,
      List<AttendeeRow> attendees) {}

  public record Person(String email, String name) {}

  public record AttendeeRow(String email, String name, String partstat, String comment, Long contactId) {}

  private final EventStore store;

  public EventQuery(EventStore store) {
    this.store = store;
  }

  public List<Row> between(Connection c, Instant from, Instant to) throws SQLException {
    List<Row> out = new ArrayList<>();
    for (String uid : store.uidsIn(c, from, to)) {
      for (EventStore.Materialised m : store.expand(store.series(c, uid), from, to)) {
        Occurrence o = m.occurrence();
        Event e = o.event();
        if (o.cancelled() || e.cancelled()) {
          continue;
        }
        List<AttendeeRow> people = new ArrayList<>();
        for (Attendee a : e.attendees()) {
          people.add(new AttendeeRow(a.email(), a.name(), a.partstat(), a.comment(), a.contactId()));
        }
        out.add(new Row(o.uid(), o.recurrenceId().isEmpty() ? null : o.recurrenceId(), e.summary(), e.description(),
            o.start(), o.end(), o.allDay(), o.startDate(), o.endDate(), e.status() == null ? "CONFIRMED" : e.status(),
            e.location(), e.joinUrl(),
            e.organizerEmail() == null ? null : new Person(e.organizerEmail(), e.organizerName()), people));
      }
    }
    out.sort(Comparator.comparing(Row::start).thenComparing(Row::uid));
    return out;
  }
}
