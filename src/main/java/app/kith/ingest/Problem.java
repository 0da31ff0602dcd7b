package app.kith.ingest;

/**
 * Something an importer could not take as it was: where in the file, and why. Reasons quote bits
 * of the file; control characters in them (an escape sequence, a NUL) are shown as {@code ?}, so
 * that a report printed to a terminal cannot drive it.
 */
public record Problem(String where, String reason) {

  public Problem {
    where = printable(where);
    reason = printable(reason);
  }

  /** The text with every control character (C0, DEL, C1) but none other replaced by {@code ?}. */
  public static String printable(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append('?');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
