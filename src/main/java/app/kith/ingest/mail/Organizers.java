package app.kith.ingest.mail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ORGANIZER addresses of a calendar, by a light line scan (unfolded, any parameters). Enough to
 * tell whether the sender of an invitation is its organizer, without building the calendar.
 */
final class Organizers {
  private Organizers() {}

  /** How many VEVENT components the calendar holds. */
  static int events(byte[] calendar) {
    int n = 0;
    for (String line : new String(calendar, StandardCharsets.UTF_8).split("\\r?\\n")) {
      if (line.strip().equalsIgnoreCase("BEGIN:VEVENT")) {
        n++;
      }
    }
    return n;
  }

  static Set<String> of(byte[] calendar) {
    String text = new String(calendar, StandardCharsets.UTF_8).replaceAll("\\r?\\n[ \\t]", "");
    Set<String> out = new LinkedHashSet<>();
    for (String line : text.split("\\r?\\n")) {
      if (line.regionMatches(true, 0, "ORGANIZER", 0, 9) && line.length() > 9 && (line.charAt(9) == ':' || line.charAt(9) == ';')) {
        int at = line.toLowerCase(Locale.ROOT).lastIndexOf("mailto:");
        if (at >= 0) {
          out.add(Party.key(line.substring(at + 7)));
        } else {
          Party.scan(line).forEach(p -> out.add(p.email()));
        }
      }
    }
    return out;
  }
}
