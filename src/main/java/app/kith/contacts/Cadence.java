package app.kith.contacts;

import app.kith.KithException;
import app.kith.config.KithConfig;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How often to keep in touch: a tier ({@code close}, {@code regular}, {@code casual}, defined in
 * config as ISO periods) or an ISO-8601 period. A contact with cadence C and last interaction L (or
 * the day they were added) is due at the first digest time at or after L + C, in the owner's zone.
 */
public final class Cadence {

  private final KithConfig config;

  public Cadence(KithConfig config) {
    this.config = config;
  }

  /** A tier name or ISO period as a period; {@code none} is null. */
  public Period parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("none")) {
      return null;
    }
    if (v.equals("close") || v.equals("regular") || v.equals("casual")) {
      return config.getPeriod("kith.cadence." + v, null);
    }
    try {
      Period p = Period.parse(value.trim().toUpperCase(Locale.ROOT));
      if (p.isNegative() || p.isZero()) {
        throw new KithException("a cadence must be a positive period, not " + value);
      }
      return p;
    } catch (DateTimeParseException e) {
      throw new KithException(
          "cadence must be close, regular, casual, none or an ISO-8601 period like P45D, not '" + value + "'");
    }
  }

  /** The first digest time at or after {@code last + cadence}, in the owner's zone. */
  public Instant nextDue(Period cadence, Instant last) {
    return nextDue(cadence, last, config.zone(), config.getTime("kith.digest.time", LocalTime.of(8, 0)));
  }

  public static Instant nextDue(Period cadence, Instant last, ZoneId zone, LocalTime digestTime) {
    ZonedDateTime target = last.atZone(zone).plus(cadence);
    ZonedDateTime candidate = target.toLocalDate().atTime(digestTime).atZone(zone);
    if (candidate.isBefore(target)) {
      candidate = target.toLocalDate().plusDays(1).atTime(digestTime).atZone(zone);
    }
    return candidate.toInstant();
  }
}
