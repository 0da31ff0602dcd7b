package app.kith.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands a series inside a window, with a cap on instances and on time per series, so that
 * {@code FREQ=SECONDLY} without an end, a COUNT of a billion or a rule with no instances return at
 * once. iCal4j's {@link Recur} generates candidates lazily from DTSTART; we stop reading when the
 * window is passed, the instance cap is reached or the time budget is spent.
 */
public final class Recurrence {

  /** Limits of one expansion. */
  public record Limits(int maxInstances, long maxMillis) {
    public static final Limits DEFAULT = new Limits(3000, 250);
  }

  /** What an expansion gave, and whether a limit cut it short. */
  public record Expansion(List<Occurrence> occurrences, boolean truncated) {}

  static {
    ICal4jSettings.apply();
  }

  private Recurrence() {}

  /**
   * The occurrences of one UID overlapping [from, to): the master's instances (minus EXDATEs and
   * minus those replaced by an override) and the overrides, in start order. Without a master, the
   * overrides alone.
   */
  public static Expansion expand(Event master, List<Event> overrides, Instant from, Instant to, ZoneId owner, Limits limits) {
    Map<String, Event> byKey = new HashMap<>();
    for (Event o : overrides) {
      byKey.put(key(o, master), o);
    }
    TreeMap<String, Occurrence> out = new TreeMap<>();
    boolean truncated = false;
    if (master != null && master.timing() != null) {
      boolean series = master.timing().recurs();
      List<Occurrence> instances = new ArrayList<>();
      truncated = instances(master, from, to, owner, limits, instances);
      for (Occurrence i : instances) {
        if (byKey.containsKey(i.recurrenceId())) {
          continue;
        }
        if (!series && !overrides.isEmpty() && byKey.containsKey(key(master.timing(), master.allDay()))) {
          continue;
        }
        out.put(sortKey(i), i);
      }
    }
    for (Event o : overrides) {
      if (o.timing() == null || o.start() == null) {
        continue;
      }
      if (o.start().isBefore(to) && (o.end().isAfter(from) || o.end().equals(o.start()) && !o.start().isBefore(from))) {
        Occurrence occ = new Occurrence(o.uid(), key(o, master), o.start(), o.end(), o.allDay(), o.startDate(), o.endDate(),
            true, o.cancelled() || (master != null && master.cancelled()), o);
        out.put(sortKey(occ), occ);
      }
    }
    return new Expansion(new ArrayList<>(out.values()), truncated);
  }

  /** A rule and seed safe to hand to iCal4j's eager expansion. */
  record Guarded(String rule, LocalDateTime seed) {}

  /**
   * iCal4j walks every increment from DTSTART. For sub-daily rules that can be hundreds of millions
   * of steps, so the seed is moved forward by whole periods to just before the window (the same
   * instances, since the base sequence is unchanged), and a COUNT that cannot run out before the
   * window ends is dropped. A sub-daily COUNT too large to walk and too small to drop gives null.
   */
  static Guarded guard(String rule, LocalDateTime seed, LocalDateTime from, LocalDateTime to, Limits limits) {
    String freq = null;
    long interval = 1;
    Long count = null;
    StringBuilder rest = new StringBuilder();
    for (String part : rule.split(";")) {
      String up = part.trim().toUpperCase(java.util.Locale.ROOT);
      if (up.startsWith("FREQ=")) {
        freq = up.substring(5);
      } else if (up.startsWith("INTERVAL=")) {
        try {
          interval = Math.max(1, Long.parseLong(up.substring(9)));
        } catch (NumberFormatException e) {
          interval = 1;
        }
      } else if (up.startsWith("COUNT=")) {
        try {
          count = Long.parseLong(up.substring(6));
        } catch (NumberFormatException e) {
          count = null;
        }
        continue;
      }
      if (!part.isBlank()) {
        rest.append(rest.length() > 0 ? ";" : "").append(part);
      }
    }
    long unit = freq == null ? 0 : switch (freq) {
      case "SECONDLY" -> 1;
      case "MINUTELY" -> 60;
      case "HOURLY" -> 3600;
      default -> 0;
    };
    if (unit == 0) {
      return new Guarded(rule, seed);
    }
    long step = unit * interval;
    long toEnd = java.time.Duration.between(seed, to).getSeconds() / step;
    if (count != null && count <= toEnd) {
      // the COUNT runs out inside or before the window: walk it if that is cheap enough
      return count <= 50L * limits.maxInstances() ? new Guarded(rule, seed) : null;
    }
    LocalDateTime s = seed;
    long gap = java.time.Duration.between(seed, from).getSeconds();
    if (gap > step) {
      s = seed.plusSeconds((gap / step) * step);
    }
    return new Guarded(rest.toString(), s);
  }

  /** The rule without its UNTIL part, and the UNTIL value (already in the event's local time) or null. */
  static String[] splitUntil(String rule) {
    StringBuilder rest = new StringBuilder();
    String until = null;
    for (String part : rule.split(";")) {
      if (part.regionMatches(true, 0, "UNTIL=", 0, 6)) {
        until = part.substring(6).trim().toUpperCase(java.util.Locale.ROOT);
        if (until.endsWith("Z")) {
          until = until.substring(0, until.length() - 1);
        }
      } else if (!part.isBlank()) {
        if (rest.length() > 0) {
          rest.append(';');
        }
        rest.append(part);
      }
    }
    if (until != null && until.length() < 8) {
      until = null;
    }
    return new String[] {rest.toString(), until};
  }

  private static String sortKey(Occurrence o) {
    return o.start() + "|" + o.recurrenceId();
  }

  /** The key an override takes in its series: a date when the master is all-day, else a UTC instant. */
  public static String keyOf(Event override, Event master) {
    return key(override, master);
  }

  static String key(Event override, Event master) {
    Timing t = override.timing();
    if (t == null) {
      return override.recurrenceId();
    }
    boolean masterAllDay = master != null ? master.allDay() : t.ridInstant() == null;
    if (masterAllDay && t.ridDate() != null) {
      return EventReader.DATE.format(t.ridDate());
    }
    if (!masterAllDay && t.ridInstant() == null && t.ridDate() != null && master != null && master.timing() != null) {
      return EventReader.RID.format(master.timing().place(t.ridDate().atTime(master.timing().localStart().toLocalTime())));
    }
    return override.recurrenceId();
  }

  private static String key(Timing t, boolean allDay) {
    return allDay ? EventReader.DATE.format(t.date()) : EventReader.RID.format(t.place(t.localStart()));
  }

  private static boolean instances(Event e, Instant from, Instant to, ZoneId owner, Limits limits, List<Occurrence> out) {
    Timing t = e.timing();
    boolean series = t.recurs();
    long deadline = System.nanoTime() + limits.maxMillis() * 1_000_000L;
    boolean truncated = false;
    if (t.allDay()) {
      Set<LocalDate> dates = new HashSet<>();
      dates.add(t.date());
      LocalDate fromDate = LocalDate.ofInstant(from, owner).minusDays(t.days() + 1L);
      LocalDate toDate = LocalDate.ofInstant(to, owner).plusDays(1);
      for (String full : t.rrules()) {
        if (System.nanoTime() > deadline) {
          truncated = true;
          break;
        }
        Recur<LocalDate> recur = new Recur<>(full);
        List<LocalDate> got = recur.getDates(t.date(), fromDate, toDate, limits.maxInstances() + 1);
        if (got.size() > limits.maxInstances()) {
          truncated = true;
        }
        dates.addAll(got.subList(0, Math.min(got.size(), limits.maxInstances())));
      }
      dates.addAll(t.rdateDates());
      for (Instant r : t.rdates()) {
        dates.add(LocalDate.ofInstant(r, owner));
      }
      dates.removeAll(t.exdateDates());
      for (Instant x : t.exdates()) {
        dates.remove(LocalDate.ofInstant(x, t.rules().getOffset(x)));
      }
      for (LocalDate d : dates) {
        LocalDate end = d.plusDays(Math.max(1, t.days()));
        Instant s = d.atStartOfDay(owner).toInstant();
        Instant en = end.atStartOfDay(owner).toInstant();
        if (s.isBefore(to) && en.isAfter(from)) {
          out.add(new Occurrence(e.uid(), series ? EventReader.DATE.format(d) : "", s, en, true, d, end, series,
              e.cancelled(), e));
        }
      }
      return truncated;
    }
    Set<Instant> starts = new HashSet<>();
    starts.add(t.place(t.localStart()));
    Instant lower = from.minus(t.duration()).minusSeconds(1);
    LocalDateTime toLocal = LocalDateTime.ofInstant(to, t.rules().getOffset(to)).plusDays(1);
    LocalDateTime fromLocal = LocalDateTime.ofInstant(lower, t.rules().getOffset(lower)).minusDays(1);
    for (String full : t.rrules()) {
      if (System.nanoTime() > deadline) {
        truncated = true;
        break;
      }
      Guarded g = guard(full, t.localStart(), fromLocal, toLocal, limits);
      if (g == null) {
        truncated = true;
        continue;
      }
      Recur<LocalDateTime> recur = new Recur<>(g.rule());
      List<LocalDateTime> got = recur.getDates(g.seed(), fromLocal, toLocal, limits.maxInstances() + 1);
      if (got.size() > limits.maxInstances()) {
        truncated = true;
      }
      for (LocalDateTime l : got.subList(0, Math.min(got.size(), limits.maxInstances()))) {
        Instant i = t.place(l);
        if (i.isAfter(lower)) {
          starts.add(i);
        }
      }
    }
    starts.addAll(t.rdates());
    for (LocalDate d : t.rdateDates()) {
      starts.add(t.place(d.atTime(t.localStart().toLocalTime())));
    }
    starts.removeAll(t.exdates());
    if (!t.exdateDates().isEmpty()) {
      starts.removeIf(s -> t.exdateDates().contains(LocalDateTime.ofInstant(s, t.rules().getOffset(s)).toLocalDate()));
    }
    for (Instant s : starts) {
      Instant en = s.plus(t.duration());
      boolean overlaps = s.isBefore(to) && (en.isAfter(from) || (en.equals(s) && !s.isBefore(from)));
      if (overlaps) {
        out.add(new Occurrence(e.uid(), series ? EventReader.RID.format(s) : "", s, en, false, null, null, series,
            e.cancelled(), e));
      }
    }
    return truncated;
  }
}
