package app.kith.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A small RFC 5545 writer: content lines folded at 75 octets (never inside a UTF-8 sequence),
 * CRLF line ends, TEXT values escaped. Written by hand so that the output is byte-for-byte
 * deterministic (the feed's ETag and the files' "changed?" check depend on it).
 */
public final class Ics {
  static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final StringBuilder out = new StringBuilder();

  /** Appends {@code NAME:value} with the value written verbatim (already escaped or not TEXT). */
  public Ics raw(String name, String value) {
    fold(name + ":" + value);
    return this;
  }

  /** Appends a TEXT property, escaped. */
  public Ics text(String name, String value) {
    return raw(name, escape(value));
  }

  public Ics time(String name, Instant t) {
    return raw(name, UTC.format(t));
  }

  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\n' -> b.append("\\n");
        case '\r' -> {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            continue;
          }
          b.append("\\n");
        }
        default -> {
          if (Character.isISOControl(ch) && ch != '\t') {
            continue; // CONTROL characters are not allowed in TEXT
          }
          b.append(ch);
        }
      }
    }
    return b.toString();
  }

  private void fold(String line) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
