package app.kith.schedule;

import app.kith.config.KithConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The numbers of the reminder rules, read once from the settings, and the calendar arithmetic that
 * goes with them (always in the owner's zone).
 */
public record ScheduleSettings(
    ZoneId zone,
    LocalTime prepareTime,
    LocalTime digestTime,
    Period prepareLookAhead,
    Period followUpLookBack,
    int budgetPerWeek,
    Set<String> me) {

  public static ScheduleSettings of(KithConfig config) {
    Set<String> me = new HashSet<>();
    config.find("kith.owner.email").ifPresent(e -> me.add(emailKey(e)));
    config.getList("kith.owner.aliases").forEach(e -> me.add(emailKey(e)));
    return new ScheduleSettings(
        config.zone(),
        config.getTime("kith.prepare.time", LocalTime.of(18, 0)),
        config.getTime("kith.digest.time", LocalTime.of(8, 0)),
        config.getPeriod("kith.prepare.look-ahead", Period.ofDays(14)),
        config.getPeriod("kith.follow-up.look-back", Period.ofDays(7)),
        config.getInt("kith.budget.per-week", 5),
        Set.copyOf(me));
  }

  public static String emailKey(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Whether an address is the owner's (the owner email or one of the aliases). */
  public boolean isMe(String email) {
    return me.contains(emailKey(email));
  }

  /** A prep brief's time: the prepare time on the evening before the day the event starts. */
  public Instant prepareDue(Instant start, LocalDate allDayStart) {
    LocalDate day = allDayStart != null ? allDayStart : start.atZone(zone).toLocalDate();
    return day.minusDays(1).atTime(prepareTime).atZone(zone).toInstant();
  }

  /** A follow-up's time: the digest time on the day after the event ended. */
  public Instant followUpDue(Instant end) {
    return end.atZone(zone).toLocalDate().plusDays(1).atTime(digestTime).atZone(zone).toInstant();
  }

  /** The first digest time of the ISO week (Monday) that holds {@code now}. */
  public Instant weekStartDigest(Instant now) {
    LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return monday.atTime(digestTime).atZone(zone).toInstant();
  }

  /** The ISO week of an instant in the owner's zone, e.g. {@code 2025-W10}: the energy budget's unit. */
  public String isoWeek(Instant t) {
    LocalDate d = t.atZone(zone).toLocalDate();
    return String.format(
        Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
