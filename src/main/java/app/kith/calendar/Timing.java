package app.kith.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * When an event happens, as the file said it: a local start in a zone (or a date for all-day
 * events), a length, and the recurrence rules. Recurrence is expanded in local time and each
 * instance is then placed in its zone, so that a 09:00 meeting stays at 09:00 across DST changes.
 */
public record Timing(
    ZoneRules rules,
    LocalDateTime localStart,
    Duration duration,
    LocalDate date,
    int days,
    List<String> rrules,
    List<Instant> rdates,
    List<LocalDate> rdateDates,
    List<Instant> exdates,
    List<LocalDate> exdateDates,
    Instant ridInstant,
    LocalDate ridDate) {

  public boolean allDay() {
    return date != null;
  }

  public boolean recurs() {
    return !rrules.isEmpty() || !rdates.isEmpty() || !rdateDates.isEmpty();
  }

  /** The instant of a local time in this event's zone; a time in a DST gap moves forward by the gap. */
  public Instant place(LocalDateTime local) {
    var offsets = rules.getValidOffsets(local);
    if (offsets.size() >= 1) {
      return local.toInstant(offsets.get(0));
    }
    var gap = rules.getTransition(local);
    return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
  }
}
