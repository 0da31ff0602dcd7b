package app.kith.notify;

/** Making input text safe for the places it goes: one header line, or HTML. */
public final class Text {
  private Text() {}

  /**
   * One line with no control characters (CR, LF, TAB, NUL, ...), whitespace collapsed and length
   * bounded: what may go into a Subject or a display name.
   */
  public static String oneLine(String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), max));
    boolean space = false;
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char ch = s.charAt(i);
      if (Character.isISOControl(ch) || Character.isWhitespace(ch) || ch == '\u2028' || ch == '\u2029') {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(ch);
    }
    return b.toString();
  }

  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** Text that is not blank, else the fallback. */
  public static String or(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.strip();
  }
}
