package app.kith.notify;

import app.kith.config.ConfigException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily local window in which no email goes out ({@code kith.quiet-hours}, e.g. {@code 21:00-08:00}).
 * A window whose start is after its end crosses midnight. Times are wall-clock times in the owner's
 * zone, so the window follows daylight saving time.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** Parses {@code HH:MM-HH:MM}; an empty value or equal ends mean no quiet hours. */
  public static QuietHours parse(String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }
    String[] parts = value.trim().split("-");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()), zone);
    } catch (RuntimeException e) {
      throw new ConfigException("setting kith.quiet-hours must look like 21:00-08:00, not '" + value + "'");
    }
  }

  /** Whether an instant falls inside the window. */
  public boolean contains(Instant t) {
    return !release(t).equals(t);
  }

  /** The instant itself when outside the window, else the end of the window it falls in. */
  public Instant release(Instant t) {
    if (start.equals(end)) {
      return t;
    }
    ZonedDateTime local = t.atZone(zone);
    LocalTime lt = local.toLocalTime();
    int daysToEnd;
    if (start.isBefore(end)) {
      if (lt.isBefore(start) || !lt.isBefore(end)) {
        return t;
      }
      daysToEnd = 0;
    } else if (!lt.isBefore(start)) {
      daysToEnd = 1; // evening part: the window ends tomorrow morning
    } else if (lt.isBefore(end)) {
      daysToEnd = 0; // early-morning part
    } else {
      return t;
    }
    Instant endAt = local.toLocalDate().plusDays(daysToEnd).atTime(end).atZone(zone).toInstant();
    return endAt.isAfter(t) ? endAt : t;
  }
}
