package app.kith.calendar;

/**
 * The one place where iCal4j's global switches are set (see docs/decisions/020-calendar-ingest.md):
 * no network time-zone updates (tzurl), relaxed parsing for real producers' quirks, relaxed
 * unfolding, Outlook and Lotus Notes compatibility, relaxed validation. They are system properties
 * read by iCal4j when its classes load, so this runs before iCal4j is first touched.
 */
public final class ICal4jSettings {
  private ICal4jSettings() {}

  private static volatile boolean applied;

  public static synchronized void apply() {
    if (applied) {
      return;
    }
    set("net.fortuna.ical4j.timezone.update.enabled", "false");
    set("net.fortuna.ical4j.timezone.cache.impl", "net.fortuna.ical4j.util.MapTimeZoneCache");
    set("ical4j.parsing.relaxed", "true");
    set("ical4j.unfolding.relaxed", "true");
    set("ical4j.validation.relaxed", "true");
    set("ical4j.compatibility.outlook", "true");
    set("ical4j.compatibility.notes", "true");
    applied = true;
  }

  private static void set(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
