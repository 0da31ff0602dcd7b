package app.kith.cli;

import app.kith.KithException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snooze length: ISO-8601 ({@code PT2H}, {@code P3D}, {@code P1W}) or short ({@code 30m},
 * {@code 2h}, {@code 3d}, {@code 1w}). Days and weeks are calendar days in the owner's zone.
 */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d|w)");

  private Durations() {}

  static Instant after(Instant from, String text, ZoneId zone) {
    String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(v);
    Instant until = null;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      until =
          switch (m.group(2)) {
            case "m", "min" -> from.plus(Duration.ofMinutes(n));
            case "h" -> from.plus(Duration.ofHours(n));
            case "d" -> from.atZone(zone).plusDays(n).toInstant();
            default -> from.atZone(zone).plusWeeks(n).toInstant();
          };
    } else if (v.startsWith("pt")) {
      until = parse(() -> from.plus(Duration.parse(v.toUpperCase(Locale.ROOT))));
    } else if (v.startsWith("p") && v.contains("t")) {
      until = parse(() -> from.plus(Duration.parse(v.toUpperCase(Locale.ROOT))));
    } else if (v.startsWith("p")) {
      until = parse(() -> from.atZone(zone).plus(Period.parse(v.toUpperCase(Locale.ROOT))).toInstant());
    }
    if (until == null || !until.isAfter(from)) {
      throw new KithException(
          "--for must be a positive duration like PT2H, P3D, 30m, 2h, 3d or 1w, not '" + text + "'");
    }
    return until;
  }

  private static Instant parse(java.util.function.Supplier<Instant> p) {
    try {
      return p.get();
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }
}
