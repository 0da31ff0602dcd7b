package app.kith.ingest.mail;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Someone on a message: an address (lower-cased key) and the display name, if any. */
public record Party(String email, String name) {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

  public static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** The addresses of a header value, parsed leniently; unparseable headers give what a scan finds. */
  public static List<Party> parse(String headerValue) {
    List<Party> out = new ArrayList<>();
    if (headerValue == null || headerValue.isBlank()) {
      return out;
    }
    try {
      for (InternetAddress a : InternetAddress.parseHeader(headerValue, false)) {
        add(out, a);
      }
      if (!out.isEmpty()) {
        return out;
      }
    } catch (Exception e) {
      // fall back to a scan: forwarded blocks write "Name [mailto:a@b]" and other odd forms
    }
    return scan(headerValue);
  }

  /** Every address in free text, with a display name where it reads as {@code Name <a@b>}. */
  public static List<Party> scan(String text) {
    List<Party> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    int last = 0;
    while (m.find()) {
      String before = text.substring(last, m.start());
      String name = before.replaceAll("[<\\[\"]|mailto:|[,;]", " ").replaceAll("\\s+", " ").strip();
      out.add(new Party(key(m.group()), name.isEmpty() || name.contains("@") ? null : name));
      last = m.end();
      // skip the rest of "...>" or "...]" so it does not become the next name
      while (last < text.length() && ">]\" ".indexOf(text.charAt(last)) >= 0) {
        last++;
      }
    }
    return out;
  }

  static void add(List<Party> out, Address address) {
    if (address instanceof InternetAddress ia && ia.getAddress() != null && EMAIL.matcher(ia.getAddress()).matches()) {
      String personal = ia.getPersonal();
      out.add(new Party(key(ia.getAddress()), personal == null || personal.isBlank() ? null : personal.strip()));
    }
  }

  /** Distinct by address, first name seen wins, in order. */
  public static List<Party> distinct(List<Party> parties) {
    Map<String, Party> byEmail = new LinkedHashMap<>();
    for (Party p : parties) {
      byEmail.merge(p.email(), p, (a, b) -> a.name() != null ? a : b);
    }
    return List.copyOf(byEmail.values());
  }
}
