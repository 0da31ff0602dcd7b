package app.kith.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the owner reads them: in the owner's zone, in plain English. */
final class Formats {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final ZoneId zone;

  Formats(ZoneId zone) {
    this.zone = zone;
  }

  ZoneId zone() {
    return zone;
  }

  String day(Instant t) {
    return DAY.format(t.atZone(zone));
  }

  String day(LocalDate d) {
    return DAY.format(d);
  }

  String shortDay(Instant t) {
    return SHORT_DAY.format(t.atZone(zone));
  }

  String shortDayTime(Instant t) {
    ZonedDateTime z = t.atZone(zone);
    return SHORT_DAY.format(z) + " " + TIME.format(z);
  }

  String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }

  /** "Tuesday 4 March 2025, 19:00-21:00 (Europe/Amsterdam)". */
  String span(Instant start, Instant end) {
    ZonedDateTime s = start.atZone(zone);
    String out = DAY.format(s) + ", " + TIME.format(s);
    if (end != null && end.isAfter(start)) {
      ZonedDateTime e = end.atZone(zone);
      out += "-" + (e.toLocalDate().equals(s.toLocalDate()) ? TIME.format(e) : SHORT_DAY.format(e) + " " + TIME.format(e));
    }
    return out + " (" + zone.getId() + ")";
  }
}
