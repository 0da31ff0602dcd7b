package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.calendar.CalendarPeople;
import app.kith.calendar.EventStore;
import app.kith.calendar.Recurrence;
import app.kith.contacts.Cadence;
import app.kith.contacts.Interactions;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Calendar settings of an installation, read once: the owner, the window, the limits. */
public record CalendarContext(
    ZoneId owner,
    Instant now,
    Instant windowFrom,
    Instant windowTo,
    EventStore store,
    CalendarPeople people,
    Interactions interactions) {

  public static CalendarContext of(Kith kith) {
    var config = kith.config();
    ZoneId zone = ZoneId.of(config.get("kith.timezone", "UTC"));
    Instant now = kith.clock().instant();
    Period past = config.getPeriod("kith.calendar.window-past", Period.ofYears(1));
    Period future = config.getPeriod("kith.calendar.window-future", Period.ofYears(2));
    ZonedDateTime local = now.atZone(zone);
    Recurrence.Limits limits = new Recurrence.Limits(
        config.getInt("kith.calendar.max-instances", Recurrence.Limits.DEFAULT.maxInstances()),
        config.getLong("kith.calendar.max-expand-millis", Recurrence.Limits.DEFAULT.maxMillis()));
    Set<String> me = new HashSet<>();
    config.find("kith.owner.email").ifPresent(e -> me.add(e.toLowerCase(Locale.ROOT)));
    for (String alias : config.get("kith.owner.aliases", "").split(",")) {
      if (!alias.isBlank()) {
        me.add(alias.trim().toLowerCase(Locale.ROOT));
      }
    }
    return new CalendarContext(zone, now, local.minus(past).toInstant(), local.plus(future).toInstant(),
        new EventStore(zone, limits),
        new CalendarPeople(me, config.getInt("kith.calendar.max-attendees-for-contacts", 15), zone),
        new Interactions(new Cadence(config)));
  }
}
