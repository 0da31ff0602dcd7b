package app.kith.calendar;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Resolves the TZIDs of one calendar to time-zone rules, in this order: a known IANA id (the system
 * database, even when the file embeds a VTIMEZONE, because producers' copies are often truncated);
 * an exact Windows zone name; the file's own VTIMEZONE; an Outlook display name; a vendor prefix such as
 * {@code /mozilla.org/.../Europe/London}. Anything else falls back to the owner's zone with a
 * problem note: never silently UTC.
 */
public final class Zones {

  /** A resolved zone: the label kept with the event (IANA id when known) and its rules. */
  public record Zone(String label, ZoneRules rules) {}

  private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

  private final ZoneId ownerZone;
  private final Map<String, RawComponent> vtimezones = new HashMap<>();
  private final Map<String, Zone> cache = new HashMap<>();

  public Zones(ZoneId ownerZone) {
    this.ownerZone = ownerZone;
  }

  public ZoneId ownerZone() {
    return ownerZone;
  }

  public void add(RawComponent vtimezone) {
    String id = vtimezone.text("TZID");
    if (id != null) {
      vtimezones.put(clean(id), vtimezone);
      cache.remove(clean(id));
    }
  }

  /** The VTIMEZONE components this calendar defined for a TZID, to be stored with the event. */
  public RawComponent definition(String tzid) {
    return tzid == null ? null : vtimezones.get(clean(tzid));
  }

  private ZoneId floatingZone;

  /**
   * Floating times are read in the owner's zone, unless the calendar names its own zone
   * (X-WR-TIMEZONE, as Google and Apple exports do); an unknown name is ignored.
   */
  public Zone floating() {
    ZoneId z = floatingZone == null ? ownerZone : floatingZone;
    return new Zone(z.getId(), z.getRules());
  }

  /** The calendar's X-WR-TIMEZONE, or null when floating times use the owner's zone. */
  public ZoneId calendarZone() {
    return floatingZone;
  }

  public void calendarProperty(RawProperty p) {
    if (p.name().equals("X-WR-TIMEZONE")) {
      Zone z = known(clean(p.text()));
      if (z != null && IANA.contains(z.label())) {
        floatingZone = ZoneId.of(z.label());
      }
    }
  }

  /** Resolves a TZID; {@code problem} is told when it fell back to the owner's zone. */
  public Zone resolve(String tzid, BiConsumer<String, String> problem) {
    String id = clean(tzid);
    Zone hit = cache.get(id);
    if (hit != null) {
      return hit;
    }
    Zone z = find(id);
    if (z == null) {
      problem.accept("TZID " + id, "unknown time zone '" + id + "'; times read in the owner's zone " + ownerZone.getId());
      z = new Zone(ownerZone.getId(), ownerZone.getRules());
    }
    cache.put(id, z);
    return z;
  }

  private Zone find(String id) {
    if (id.isEmpty()) {
      return null;
    }
    Zone known = known(id);
    if (known != null) {
      return known;
    }
    String windowsName = WindowsZones.byName(id);
    if (windowsName != null) {
      // a Windows zone name means that zone, whatever rules the producer wrote out beside it
      return of(windowsName);
    }
    RawComponent vtz = vtimezones.get(id);
    if (vtz != null) {
      ZoneRules rules = fromVTimeZone(vtz);
      if (rules != null) {
        return new Zone(id, rules);
      }
    }
    String windows = WindowsZones.toIana(id);
    if (windows != null) {
      return of(windows);
    }
    String[] parts = id.split("/");
    for (int n = Math.min(3, parts.length - 1); n >= 1; n--) {
      String tail = String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - n, parts.length));
      if (IANA.contains(tail)) {
        return of(tail);
      }
    }
    return null;
  }

  private static Zone known(String id) {
    if (IANA.contains(id)) {
      return of(id);
    }
    String upper = id.toUpperCase(Locale.ROOT);
    if (upper.equals("UTC") || upper.equals("GMT") || upper.equals("Z")) {
      return new Zone("UTC", ZoneOffset.UTC.getRules());
    }
    return null;
  }

  private static Zone of(String iana) {
    ZoneId z = ZoneId.of(iana);
    return new Zone(z.getId(), z.getRules());
  }

  static String clean(String tzid) {
    String s = RawProperty.unescape(tzid == null ? "" : tzid.trim());
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    while (s.endsWith(":")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.trim();
  }

  // --- VTIMEZONE -> ZoneRules -------------------------------------------------------------------

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  /** Builds rules from the latest STANDARD and DAYLIGHT observances (yearly rules), or null. */
  static ZoneRules fromVTimeZone(RawComponent vtz) {
    try {
      RawComponent std = latest(vtz, "STANDARD");
      RawComponent dst = latest(vtz, "DAYLIGHT");
      if (std == null && dst == null) {
        return null;
      }
      if (std == null) {
        return ZoneRules.of(offset(dst.first("TZOFFSETTO").value()));
      }
      ZoneOffset standard = offset(std.first("TZOFFSETTO").value());
      if (dst == null || dst.first("RRULE") == null || std.first("RRULE") == null) {
        return ZoneRules.of(standard);
      }
      ZoneOffset daylight = offset(dst.first("TZOFFSETTO").value());
      if (daylight.equals(standard)) {
        return ZoneRules.of(standard);
      }
      List<ZoneOffsetTransitionRule> rules = new ArrayList<>();
      rules.add(rule(dst, standard, standard, daylight));
      rules.add(rule(std, standard, daylight, standard));
      // java.time applies the yearly rules only after the last listed transition: list one, long ago
      var first = rules.get(1).createTransition(1800);
      return ZoneRules.of(standard, standard, List.of(), List.of(first), rules);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static RawComponent latest(RawComponent vtz, String kind) {
    RawComponent best = null;
    String bestStart = "";
    for (RawComponent c : vtz.components()) {
      if (!c.name().equals(kind) || c.first("TZOFFSETTO") == null) {
        continue;
      }
      String start = c.first("DTSTART") == null ? "" : c.first("DTSTART").value().trim();
      if (best == null || start.compareTo(bestStart) >= 0) {
        best = c;
        bestStart = start;
      }
    }
    return best;
  }

  private static ZoneOffsetTransitionRule rule(RawComponent obs, ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
    Map<String, String> parts = new HashMap<>();
    for (String p : obs.first("RRULE").value().split(";")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        parts.put(p.substring(0, eq).trim().toUpperCase(Locale.ROOT), p.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
      }
    }
    LocalDateTime start = LocalDateTime.parse(obs.first("DTSTART").value().trim().substring(0, 15), LOCAL);
    int month = parts.containsKey("BYMONTH") ? Integer.parseInt(parts.get("BYMONTH").split(",")[0]) : start.getMonthValue();
    String byDay = parts.get("BYDAY");
    int indicator;
    DayOfWeek dow = null;
    if (byDay != null) {
      String d = byDay.split(",")[0];
      String n = d.substring(0, d.length() - 2);
      dow = day(d.substring(d.length() - 2));
      int k = n.isEmpty() || n.equals("+") ? 1 : Integer.parseInt(n.replace("+", ""));
      if (parts.containsKey("BYMONTHDAY")) {
        indicator = Integer.parseInt(parts.get("BYMONTHDAY").split(",")[0]);
      } else {
        indicator = k > 0 ? (k - 1) * 7 + 1 : k == -1 ? -1 : (k + 1) * 7 - 1;
      }
    } else {
      indicator = parts.containsKey("BYMONTHDAY") ? Integer.parseInt(parts.get("BYMONTHDAY").split(",")[0]) : start.getDayOfMonth();
    }
    return ZoneOffsetTransitionRule.of(
        java.time.Month.of(month), indicator, dow, start.toLocalTime(), false,
        ZoneOffsetTransitionRule.TimeDefinition.WALL, standard, before, after);
  }

  private static DayOfWeek day(String two) {
    return switch (two) {
      case "MO" -> DayOfWeek.MONDAY;
      case "TU" -> DayOfWeek.TUESDAY;
      case "WE" -> DayOfWeek.WEDNESDAY;
      case "TH" -> DayOfWeek.THURSDAY;
      case "FR" -> DayOfWeek.FRIDAY;
      case "SA" -> DayOfWeek.SATURDAY;
      case "SU" -> DayOfWeek.SUNDAY;
      default -> throw new IllegalArgumentException("bad day " + two);
    };
  }

  static ZoneOffset offset(String v) {
    String s = v.trim();
    int sign = s.startsWith("-") ? -1 : 1;
    String digits = s.replaceAll("[^0-9]", "");
    int h = Integer.parseInt(digits.substring(0, 2));
    int m = Integer.parseInt(digits.substring(2, 4));
    int sec = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
    return ZoneOffset.ofHoursMinutesSeconds(sign * h, sign * m, sign * sec);
  }
}
