package app.kith.ingest.contacts;

import app.kith.ingest.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a vCard file into cards, one at a time, and hands each on as clean Unicode text for
 * ez-vcard. Works on bytes because vCard 2.1 declares charsets per property ({@code CHARSET=}), so
 * each value is decoded with its own charset (or UTF-8, or the legacy code page when it is not
 * UTF-8). Quoted-printable is decoded here too, after its soft line breaks are joined, so a break in
 * the middle of a multi-byte character is harmless. Photos and other binary properties are checked
 * and dropped (Kith does not store them) before they cost memory.
 */
final class VCardSplitter implements Closeable {

  /** One card: its number in the file (1-based), first line, text, notes, and why it is refused (or null). */
  record RawCard(
      int number, int line, String version, String text, List<Problem> notes, String rejectReason, String birthday) {}

  private static final byte[] NONE = new byte[0];
  /** At most this many cards are read ahead to tell a nested card from a lost END:VCARD. */
  private static final int LOOKAHEAD_CARDS = 8;
  private static final String CUT_SHORT = "the card ends without END:VCARD (the file may be cut short)";
  private static final String NESTED = "a BEGIN:VCARD inside another card (cards cannot be nested)";

  /** Where reading a card stopped. */
  private enum Stop { END, EOF, BEGIN }

  private final InputStream in;
  private final byte[] buf = new byte[65536];
  private int pos;
  private int limit;
  private final boolean unicode;
  private final int maxProperty;
  private final long maxPhotoBytes;
  private int lineNo;
  private int cardNo;
  private boolean eof;

  // line buffer
  private byte[] line = new byte[256];
  private int lineLen;
  private boolean lineOverflow;

  /** Cards read while telling a nested card from a lost END:VCARD, handed out before reading on. */
  private final ArrayDeque<RawCard> ready = new ArrayDeque<>();
  /** The line in {@link #line} is a BEGIN:VCARD already read: the next card starts there. */
  private boolean atBegin;

  /**
   * @param unicode the stream is UTF-8 by construction (converted from UTF-16): ignore CHARSET
   */
  VCardSplitter(InputStream in, boolean unicode, int maxFieldLength, long maxPhotoBytes) {
    this.in = in;
    this.unicode = unicode;
    this.maxPhotoBytes = maxPhotoBytes;
    // QP of 3-byte characters is 9 bytes per character; photos are base64 (4/3)
    this.maxProperty = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(maxFieldLength * 9L + 4096, maxPhotoBytes * 4 / 3 + 4096));
  }

  /** The next card, or null at the end of the file. */
  RawCard next() throws IOException {
    if (!ready.isEmpty()) {
      return ready.poll();
    }
    if (!atBegin) {
      // outside a card: skip to BEGIN:VCARD
      do {
        if (!readLine()) {
          return null;
        }
      } while (!isKeyword(line, lineLen, "BEGIN", "VCARD"));
    }
    atBegin = false;
    Card card = new Card(++cardNo, lineNo);
    return switch (readCard(card)) {
      case END -> card.build(null);
      case EOF -> card.build(CUT_SHORT);
      case BEGIN -> afterInnerBegin(card);
    };
  }

  /**
   * A BEGIN:VCARD inside a card: either cards nested in it, after which the outer card goes on, or
   * the outer card lost its END:VCARD and this is the next card. The cards after it are read (a few
   * at most) until the outer card goes on (nested: the outer card is refused, the inner ones are not
   * cards of the file) or the file ends or goes on with more cards (lost END: the outer card is
   * refused and the ones after it are cards like any other).
   */
  private RawCard afterInnerBegin(Card outer) throws IOException {
    List<RawCard> inner = new ArrayList<>();
    while (true) {
      Card c = new Card(cardNo + inner.size() + 1, lineNo);
      Stop stop = readCard(c);
      if (stop == Stop.BEGIN) {
        skipNested(2); // two deep: a nesting, not a lost END
        return finishNested(outer);
      }
      inner.add(c.build(stop == Stop.EOF ? CUT_SHORT : null));
      boolean more = stop == Stop.END && readNonBlankLine();
      if (more && !isKeyword(line, lineLen, "BEGIN", "VCARD")) {
        if (isKeyword(line, lineLen, "END", "VCARD")) {
          return outer.build(NESTED);
        }
        return finishNested(outer); // the outer card goes on
      }
      if (!more || inner.size() >= LOOKAHEAD_CARDS) {
        atBegin = more;
        cardNo += inner.size();
        ready.addAll(inner);
        return outer.build("the card has no END:VCARD before the next BEGIN:VCARD");
      }
    }
  }

  /** Reads the rest of a card that had cards nested in it; it is refused. */
  private RawCard finishNested(Card outer) throws IOException {
    outer.reject(NESTED);
    while (true) {
      Stop stop = readCard(outer);
      if (stop != Stop.BEGIN) {
        return outer.build(stop == Stop.EOF ? CUT_SHORT : null);
      }
      skipNested(1);
    }
  }

  /** Skips lines until {@code depth} cards have ended; the line read last is BEGIN:VCARD at depth 1. */
  private void skipNested(int depth) throws IOException {
    while (depth > 0 && readLine()) {
      if (isKeyword(line, lineLen, "BEGIN", "VCARD")) {
        depth++;
      } else if (isKeyword(line, lineLen, "END", "VCARD")) {
        depth--;
      }
    }
  }

  private boolean readNonBlankLine() throws IOException {
    while (readLine()) {
      if (!isBlank(line, lineLen)) {
        return true;
      }
    }
    return false;
  }

  /** Properties whose text may span lines: a line of its own after one continues it. */
  private static final Set<String> MULTI_LINE_TEXT = Set.of("NOTE", "ADR", "LABEL");
  /** Properties that hold one line: a line of its own after one is no part of it. */
  private static final Set<String> ONE_LINE =
      Set.of("EMAIL", "TEL", "FN", "N", "ORG", "TITLE", "ROLE", "BDAY", "ANNIVERSARY", "NICKNAME", "UID", "URL",
          "VERSION", "REV", "GENDER", "KIND", "TZ", "GEO", "LANG", "IMPP", "CATEGORIES", "SORT-STRING");

  /**
   * Reads a card's lines into {@code card} up to its END:VCARD, the end of the file, or a
   * BEGIN:VCARD inside it (not an AGENT's embedded card, which is skipped).
   */
  private Stop readCard(Card card) throws IOException {
    Prop prop = null;
    while (true) {
      if (!readLine()) {
        if (prop != null) {
          card.flush(prop);
        }
        return Stop.EOF;
      }
      if (prop != null && prop.qp && prop.endsWithSoftBreak()) {
        prop.len--; // drop the '='
        if (!isKeyword(line, lineLen, "END", "VCARD") && !isKeyword(line, lineLen, "BEGIN", "VCARD")) {
          prop.append(line, 0, lineLen, lineOverflow);
          continue;
        } // a soft break at the card's end continues nothing: the card ends here
      }
      if (lineLen > 0 && (line[0] == ' ' || line[0] == '\t')) {
        if (prop != null) {
          prop.append(line, 1, lineLen - 1, lineOverflow);
          if (prop.colon < 0) {
            prop.parseHead(); // the fold was inside the name or parameters
          }
        }
        continue;
      }
      if (isBlank(line, lineLen)) {
        if (prop != null) {
          card.flush(prop);
          prop = null;
        }
        continue;
      }
      if (isKeyword(line, lineLen, "BEGIN", "VCARD")) {
        if (prop != null && prop.isEmptyAgent()) {
          prop = null; // a vCard 2.1 AGENT's embedded card: not ours to import
          skipNested(1);
          continue;
        }
        if (prop != null) {
          card.flush(prop);
        }
        return Stop.BEGIN;
      }
      if (isKeyword(line, lineLen, "END", "VCARD")) {
        if (prop != null) {
          card.flush(prop);
        }
        return Stop.END;
      }
      if (line[0] == '#') {
        continue; // comment lines some phones write
      }
      if (!looksLikeProperty(line, lineLen)) {
        if (prop != null) {
          // a value continued without folding: base64 lines, a trailing backslash (old Android), or
          // a line break written as it is into a note (Windows Mobile, hand edits)
          if (prop.len > 0 && prop.buf[prop.len - 1] == '\\') {
            prop.len--; // the backslash marks a line break in the value
            prop.append(new byte[] {'\n'}, 0, 1, false);
          } else if (prop.colon >= 0 && MULTI_LINE_TEXT.contains(prop.name)) {
            prop.append(new byte[] {'\n'}, 0, 1, false);
          } else if (prop.colon >= 0 && ONE_LINE.contains(prop.name)) {
            // an address, number or name never runs on to a line of its own: a stray line
            card.note("a line without ':' after " + prop.name + " was left out");
            continue;
          }
          prop.append(line, 0, lineLen, lineOverflow);
        }
        continue;
      }
      if (prop != null) {
        card.flush(prop);
      }
      prop = new Prop(maxProperty);
      prop.append(line, 0, lineLen, lineOverflow);
      prop.parseHead();
    }
  }

  /** The next byte of the file, or -1 at its end (an unsynchronised buffer: this is the hot loop). */
  private int read() throws IOException {
    if (pos == limit) {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buf[pos++] & 0xFF;
  }

  /** The next byte without taking it, or -1. */
  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  /** Reads one physical line (CR LF, LF, CR or CR CR LF ends it) into {@code line}. */
  private boolean readLine() throws IOException {
    if (eof) {
      return false;
    }
    lineLen = 0;
    lineOverflow = false;
    int c;
    boolean any = false;
    while ((c = read()) >= 0) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        while (peek() == '\r') {
          read();
        }
        if (peek() == '\n') {
          read();
        }
        break;
      }
      if (lineLen == line.length) {
        if (line.length >= maxProperty) {
          lineOverflow = true;
          continue;
        }
        line = Arrays.copyOf(line, Math.min(maxProperty, line.length * 2));
      }
      line[lineLen++] = (byte) c;
    }
    if (c < 0) {
      eof = true;
      if (!any) {
        return false;
      }
    }
    lineNo++;
    return true;
  }

  private static boolean isBlank(byte[] b, int len) {
    for (int i = 0; i < len; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** {@code KEY:VALUE} ignoring case and spaces around the value. */
  static boolean isKeyword(byte[] b, int len, String key, String value) {
    int i = 0;
    while (i < len && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (!regionMatches(b, len, i, key)) {
      return false;
    }
    i += key.length();
    while (i < len && b[i] == ' ') {
      i++;
    }
    if (i >= len || b[i] != ':') {
      return false;
    }
    i++;
    while (i < len && b[i] == ' ') {
      i++;
    }
    if (!regionMatches(b, len, i, value)) {
      return false;
    }
    i += value.length();
    while (i < len && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i == len;
  }

  private static boolean regionMatches(byte[] b, int len, int at, String s) {
    if (at + s.length() > len) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (Character.toUpperCase((char) b[at + k]) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** A property line starts with a name (group.NAME) followed by ';' or ':'. */
  private static boolean looksLikeProperty(byte[] b, int len) {
    int i = 0;
    while (i < len) {
      byte c = b[i];
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
        i++;
      } else {
        return i > 0 && (c == ';' || c == ':');
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** One property's bytes while its line and continuations are read. */
  private static final class Prop {
    final int max;
    byte[] buf = new byte[128];
    int len;
    boolean overflow;
    int colon = -1;
    String name = "";
    String group = null;
    List<String> params = List.of();
    boolean qp;

    Prop(int max) {
      this.max = max;
    }

    void append(byte[] b, int off, int n, boolean cut) {
      overflow |= cut;
      if (len + n > max) {
        n = Math.max(0, max - len);
        overflow = true;
      }
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(max, buf.length * 2)));
      }
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    boolean endsWithSoftBreak() {
      return colon >= 0 && len > colon + 1 && buf[len - 1] == '=';
    }

    boolean isEmptyAgent() {
      return name.equals("AGENT") && colon >= 0 && colon == len - 1;
    }

    /** Splits {@code group.NAME;PARAM=...;PARAM:} (quotes respected) and notes QP. */
    void parseHead() {
      boolean quoted = false;
      for (int i = 0; i < len; i++) {
        if (buf[i] == '"') {
          quoted = !quoted;
        } else if (buf[i] == ':' && !quoted) {
          colon = i;
          break;
        }
      }
      if (colon < 0) {
        return; // not complete yet: a fold inside the parameters
      }
      String head = new String(buf, 0, colon, StandardCharsets.UTF_8);
      List<String> parts = splitParams(head);
      String full = parts.get(0);
      int dot = full.lastIndexOf('.');
      group = dot > 0 ? full.substring(0, dot) : null;
      name = full.substring(dot + 1).toUpperCase(Locale.ROOT);
      params = parts.subList(1, parts.size());
      for (String p : params) {
        String u = p.trim().toUpperCase(Locale.ROOT);
        if (u.equals("QUOTED-PRINTABLE") || u.equals("ENCODING=QUOTED-PRINTABLE")) {
          qp = true;
        }
      }
    }

    private static List<String> splitParams(String head) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < head.length(); i++) {
        char c = head.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        }
        if (c == ';' && !quoted) {
          out.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
      out.add(cur.toString());
      return out;
    }

    String param(String key) {
      for (String p : params) {
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(key)) {
          return p.substring(eq + 1).trim();
        }
      }
      return null;
    }

    boolean isBase64() {
      for (String p : params) {
        String u = p.trim().toUpperCase(Locale.ROOT);
        if (u.equals("BASE64") || u.equals("ENCODING=BASE64") || u.equals("ENCODING=B")) {
          return true;
        }
      }
      return false;
    }
  }

  /** Text properties that old phones sometimes write in base64 ({@code NOTE;ENCODING=BASE64;CHARSET=UTF-8:...}). */
  private static final java.util.Set<String> BASE64_TEXT = java.util.Set.of("NOTE", "FN", "N", "ORG", "TITLE", "NICKNAME");

  /** The card being built. */
  private final class Card {
    final int number;
    final int line;
    final StringBuilder text = new StringBuilder(512);
    final List<Problem> notes = new ArrayList<>();
    String version;
    String reject;
    String birthday;

    Card(int number, int line) {
      this.number = number;
      this.line = line;
      text.append("BEGIN:VCARD\r\n");
    }

    void reject(String reason) {
      if (reject == null) {
        reject = reason;
      }
    }

    RawCard build(String failure) {
      if (failure != null) {
        reject(failure);
      }
      text.append("END:VCARD\r\n");
      return new RawCard(number, line, version, text.toString(), notes, reject, birthday);
    }

    void note(String reason) {
      notes.add(new Problem("card " + number, reason));
    }

    void flush(Prop p) {
      if (p.colon < 0) {
        note("a line without ':' was left out");
        return;
      }
      switch (p.name) {
        case "PHOTO", "LOGO" -> checkPicture(p);
        case "SOUND", "KEY", "XML" -> { } // not kept; XML is never handed to an XML parser
        case "VERSION" -> {
          version = new String(p.buf, p.colon + 1, Math.max(0, p.len - p.colon - 1), StandardCharsets.ISO_8859_1).trim();
          text.append("VERSION:").append(version).append("\r\n");
        }
        default -> text(p);
      }
    }

    private void checkPicture(Prop p) {
      int start = p.colon + 1;
      String head = new String(p.buf, start, Math.min(64, Math.max(0, p.len - start)), StandardCharsets.ISO_8859_1).trim();
      boolean dataUri = head.regionMatches(true, 0, "data:", 0, 5);
      if (!p.isBase64() && !dataUri && !looksLikeBase64(p, start)) {
        return; // a URL: nothing to check
      }
      if (dataUri) {
        int comma = indexOf(p.buf, start, p.len, (byte) ',');
        start = comma < 0 ? p.len : comma + 1;
      }
      long chars = 0;
      for (int i = start; i < p.len; i++) {
        byte c = p.buf[i];
        if (c == ' ' || c == '\t') {
          continue;
        }
        boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        if (!ok) {
          reject(p.name + " data is corrupt: its base64 contains '" + (char) (c & 0xFF) + "'");
          return;
        }
        chars++;
      }
      long bytes = chars * 3 / 4;
      if (p.overflow || bytes > maxPhotoBytes) {
        // an overflowing value was counted only as far as it was kept: its size is not known
        String size = p.overflow ? "it is larger than" : (bytes / 1024) + " KiB is more than";
        note(p.name + " dropped: " + size + " kith.import.max-photo-bytes (" + maxPhotoBytes / 1024 + " KiB)");
      } else if (chars % 4 != 0) {
        note(p.name + " dropped: its base64 data is cut short or has a stray character");
      }
    }

    /**
     * vCard 2.1 escapes nothing but {@code \;} (a semicolon inside a part of a compound value), so
     * any other backslash is the character itself ({@code C:\new\temp}); ez-vcard unescapes as 3.0
     * does, so those are doubled for it.
     */
    static String backslashesOf21(String value) {
      if (value.indexOf('\\') < 0) {
        return value;
      }
      StringBuilder b = new StringBuilder(value.length() + 8);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        b.append(c);
        if (c == '\\' && (i + 1 >= value.length() || value.charAt(i + 1) != ';')) {
          b.append('\\');
        }
      }
      return b.toString();
    }

    /** The bytes of a base64 value (whitespace skipped), or null when it is not base64. */
    private static byte[] base64(byte[] buf, int from, int to) {
      StringBuilder b = new StringBuilder(to - from);
      for (int i = from; i < to; i++) {
        if (buf[i] != ' ' && buf[i] != '\t') {
          b.append((char) (buf[i] & 0xFF));
        }
      }
      try {
        return java.util.Base64.getDecoder().decode(b.toString());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private boolean looksLikeBase64(Prop p, int start) {
      // vCard 3.0 files that forget ENCODING=b: long value, no URL scheme
      return p.len - start > 256 && indexOf(p.buf, start, Math.min(p.len, start + 16), (byte) ':') < 0;
    }

    private void text(Prop p) {
      // a value longer than the buffer is kept as far as it was read, which is always more than
      // kith.import.max-field-length: the field is then cut, with its note, like any long value
      String charsetName = p.param("CHARSET");
      Charset declared = unicode ? StandardCharsets.UTF_8 : TextEncodings.named(charsetName);
      if (charsetName != null && declared == null && !unicode) {
        note("unknown charset " + charsetName + " on " + p.name + "; read as UTF-8 or windows-1252");
      }
      String value;
      int vs = Math.min(p.colon + 1, p.len);
      byte[] base64 = p.isBase64() && BASE64_TEXT.contains(p.name) ? base64(p.buf, vs, p.len) : null;
      if (p.qp) {
        byte[] raw = decodeQuotedPrintable(p.buf, vs, p.len);
        value = TextEncodings.decode(raw, 0, raw.length, declared);
      } else if (base64 != null) {
        value = TextEncodings.decode(base64, 0, base64.length, declared); // old phones' NOTE;ENCODING=BASE64
      } else {
        value = TextEncodings.decode(p.buf, vs, p.len - vs, declared);
      }
      if ("2.1".equals(version)) {
        value = backslashesOf21(value);
      }
      // line breaks (quoted-printable ones, or an old Android's trailing backslash) as the escape ez-vcard reads
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
      }
      if (p.name.equals("BDAY") && birthday == null) {
        birthday = value.trim(); // ez-vcard 0.12 drops --MM-DD in 2.1/3.0 cards; the raw text is kept for that
      }
      if (p.group != null) {
        text.append(p.group).append('.');
      }
      text.append(p.name);
      for (String param : p.params) {
        String u = param.trim().toUpperCase(Locale.ROOT);
        if (u.equals("QUOTED-PRINTABLE") || u.startsWith("ENCODING=") || u.startsWith("CHARSET=") || u.isEmpty()) {
          continue;
        }
        text.append(';').append(param);
      }
      text.append(':').append(value).append("\r\n");
    }
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** Quoted-printable to bytes; soft breaks are already joined, invalid escapes are kept as they are. */
  static byte[] decodeQuotedPrintable(byte[] b, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '=' && i + 2 < to + 0 && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
        out[n++] = (byte) (hex(b[i + 1]) * 16 + hex(b[i + 2]));
        i += 2;
      } else if (c == '=' && i == to - 1) {
        // a trailing soft break
      } else {
        out[n++] = c;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  static final byte[] EMPTY = NONE;
}
