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
      for (String rule : t.rrules()) {
        Recur<LocalDate> recur = new Recur<>(rule);
        Iterator<LocalDate> it = recur.getDatesAsStream(t.date(), t.date(), toDate, -1).iterator();
        int n = 0;
        while (true) {
          if (dates.size() > limits.maxInstances() || ((++n & 63) == 0 && System.nanoTime() > deadline)) {
            truncated = true;
            break;
          }
          if (!it.hasNext()) {
            break;
          }
          LocalDate d = it.next();
          if (d.isAfter(toDate)) {
            break;
          }
          if (!d.isBefore(fromDate)) {
            dates.add(d);
          }
        }
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
    for (String rule : t.rrules()) {
      Recur<LocalDateTime> recur = new Recur<>(rule);
      Iterator<LocalDateTime> it = recur.getDatesAsStream(t.localStart(), t.localStart(), toLocal, -1).iterator();
      int n = 0;
      while (true) {
        if (starts.size() > limits.maxInstances() || ((++n & 63) == 0 && System.nanoTime() > deadline)) {
          truncated = true;
          break;
        }
        if (!it.hasNext()) {
          break;
        }
        LocalDateTime l = it.next();
        if (l.isAfter(toLocal)) {
          break;
        }
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
