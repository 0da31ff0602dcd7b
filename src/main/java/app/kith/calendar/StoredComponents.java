package app.kith.calendar;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The text kept in {@code calendar_event.component}: a small VCALENDAR holding the VTIMEZONEs the
 * event refers to and the VEVENT itself, so that a series can be expanded again later (another
 * window, another clock) exactly as the file meant it.
 */
public final class StoredComponents {
  private StoredComponents() {}

  public static String text(RawComponent vevent, Zones zones) {
    StringBuilder b = new StringBuilder(1024);
    b.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kith//stored//EN\r\n");
    if (zones.calendarZone() != null) {
      b.append("X-WR-TIMEZONE:").append(zones.calendarZone().getId()).append("\r\n");
    }
    List<String> seen = new ArrayList<>();
    for (RawProperty p : vevent.properties()) {
      String tzid = p.param("TZID");
      if (tzid != null && !seen.contains(tzid)) {
        seen.add(tzid);
        RawComponent vtz = zones.definition(tzid);
        if (vtz != null) {
          vtz.write(b);
        }
      }
    }
    vevent.write(b);
    b.append("END:VCALENDAR\r\n");
    return b.toString();
  }

  /** The event of a stored text, or null when it cannot be read (never for what Kith wrote). */
  public static Event parse(String text, ZoneId owner) {
    Zones zones = new Zones(owner);
    Event[] found = new Event[1];
    try {
      new ComponentReader(zones::calendarProperty).read(text, (component, method) -> {
        if (component.name().equals("VTIMEZONE")) {
          zones.add(component);
        } else if (component.name().equals("VEVENT") && found[0] == null) {
          try {
            found[0] = new EventReader(zones, (w, r) -> {}).read(component, false);
          } catch (EventReader.Rejected e) {
            // stays null
          }
        }
      });
    } catch (Exception e) {
      return null;
    }
    return found[0];
  }

  /** The components of a stored text (VTIMEZONEs, then the VEVENT), or an empty list. */
  public static List<RawComponent> components(String text) {
    List<RawComponent> out = new ArrayList<>();
    try {
      new ComponentReader().read(text, (component, method) -> out.add(component));
    } catch (Exception e) {
      return List.of();
    }
    return out;
  }
}
