package app.kith.calendar;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One content line as read: upper-cased name, parameters (upper-cased names) and the raw value. */
public record RawProperty(String name, Map<String, String> params, String value) {

  public RawProperty {
    name = name.toUpperCase(Locale.ROOT);
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    value = value == null ? "" : value;
  }

  public String param(String key) {
    String v = params.get(key);
    if (v == null) {
      return null;
    }
    v = v.trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** The value as TEXT (RFC 5545 3.3.11): escaped commas, semicolons, backslashes and newlines. */
  public String text() {
    return unescape(value);
  }

  public static String unescape(String v) {
    if (v.indexOf('\\') < 0) {
      return v;
    }
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '\\' && i + 1 < v.length()) {
        char next = v.charAt(++i);
        switch (next) {
          case 'n', 'N' -> b.append('\n');
          default -> b.append(next);
        }
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** The content line again (parameters as read, value as read), without folding. */
  public void write(StringBuilder out) {
    out.append(name);
    for (Map.Entry<String, String> p : params.entrySet()) {
      out.append(';').append(p.getKey()).append('=');
      String v = p.getValue();
      boolean quote = (v.indexOf(':') >= 0 || v.indexOf(';') >= 0 || v.indexOf(',') >= 0) && !v.startsWith("\"");
      out.append(quote ? "\"" + v.replace("\"", "") + "\"" : v);
    }
    out.append(':').append(value).append("\r\n");
  }
}
