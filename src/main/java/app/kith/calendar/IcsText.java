package app.kith.calendar;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of an iCalendar file into clean text, one VCALENDAR at a time. Lines are unfolded
 * as bytes before decoding, because a fold may split a UTF-8 character; files that are not valid
 * UTF-8 are read as windows-1252; BOM, CR CR LF, lone CR, blank lines and lower-case BEGIN/END are
 * tolerated. Each chunk remembers the physical line of every logical line, for error reports.
 */
public final class IcsText {
  private IcsText() {}

  /** One VCALENDAR: its logical lines joined by CRLF and the file line where each starts (1-based). */
  public record Chunk(String text, int[] lines) {
    /** The file line of a 1-based line of {@link #text}. */
    public int fileLine(int chunkLine) {
      if (chunkLine < 1 || lines.length == 0) {
        return lines.length == 0 ? 0 : lines[0];
      }
      return lines[Math.min(chunkLine, lines.length) - 1];
    }
  }

  /** What the bytes held: the calendars, whether windows-1252 was used, and text outside calendars. */
  public record Split(List<Chunk> calendars, boolean latin, boolean unterminated, int strayLine) {}

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  public static Split split(byte[] raw) {
    int start = startsWith(raw, BOM) ? 3 : 0;
    List<ByteArrayOutputStream> logical = new ArrayList<>();
    List<Integer> lineNos = new ArrayList<>();
    ByteArrayOutputStream current = null;
    int physical = 0;
    int i = start;
    int n = raw.length;
    while (i < n) {
      int end = i;
      while (end < n && raw[end] != '\n' && !(raw[end] == '\r' && isLoneCr(raw, end))) {
        end++;
      }
      physical++;
      int stop = end;
      while (stop > i && raw[stop - 1] == '\r') {
        stop--;
      }
      int len = stop - i;
      if (len > 0 && (raw[i] == ' ' || raw[i] == '\t') && current != null) {
        current.write(raw, i + 1, len - 1);
      } else if (len > 0 && current != null && !isBlank(raw, i, stop) && !looksLikeContentLine(raw, i, stop)) {
        // a producer forgot to fold (raw newline inside a value): keep it as part of the value
        current.write('\\');
        current.write('n');
        current.write(raw, i, len);
      } else if (len > 0 && !isBlank(raw, i, stop)) {
        current = new ByteArrayOutputStream(Math.max(len, 16));
        current.write(raw, i, len);
        logical.add(current);
        lineNos.add(physical);
      }
      i = end + 1;
    }
    List<byte[]> lines = new ArrayList<>(logical.size());
    for (ByteArrayOutputStream s : logical) {
      lines.add(s.toByteArray());
    }
    logical = null;
    boolean latin = !isUtf8(lines);
    Charset cs = latin ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;

    List<Chunk> chunks = new ArrayList<>();
    StringBuilder text = null;
    List<Integer> chunkLines = null;
    int depth = 0;
    int stray = 0;
    boolean implicitOpen = false;
    for (int k = 0; k < lines.size(); k++) {
      String line = new String(lines.get(k), cs);
      String upper = line.length() <= 40 ? line.trim().toUpperCase(Locale.ROOT) : "";
      if (upper.startsWith("BEGIN:") || upper.startsWith("END:")) {
        line = upper;
      }
      if (text == null) {
        if (line.equals("BEGIN:VCALENDAR")) {
          text = new StringBuilder();
          chunkLines = new ArrayList<>();
          depth = 0;
        } else if (line.equals("BEGIN:VEVENT")) {
          // a bare VEVENT without its VCALENDAR: read it as if it were wrapped
          text = new StringBuilder("BEGIN:VCALENDAR\r\n");
          chunkLines = new ArrayList<>();
          chunkLines.add(lineNos.get(k));
          depth = 1;
          implicitOpen = true;
        } else {
          if (stray == 0) {
            stray = lineNos.get(k);
          }
          continue;
        }
      }
      text.append(escapeParams(line)).append("\r\n");
      chunkLines.add(lineNos.get(k));
      if (line.startsWith("BEGIN:")) {
        depth++;
      } else if (line.startsWith("END:")) {
        depth--;
        if (implicitOpen && depth == 1) {
          text.append("END:VCALENDAR\r\n");
          chunkLines.add(lineNos.get(k));
          depth = 0;
          implicitOpen = false;
        }
        if (depth == 0) {
          chunks.add(new Chunk(text.toString(), chunkLines.stream().mapToInt(Integer::intValue).toArray()));
          text = null;
        }
      }
    }
    boolean unterminated = text != null;
    if (unterminated) {
      chunks.add(new Chunk(text.toString(), chunkLines.stream().mapToInt(Integer::intValue).toArray()));
    }
    return new Split(chunks, latin, unterminated, stray);
  }

  // --- byte helpers ---------------------------------------------------------------------------

  /** NAME followed by ';' or ':' (a content line), as opposed to a stray piece of a value. */
  private static boolean looksLikeContentLine(byte[] raw, int from, int to) {
    int k = from;
    while (k < to && (Character.isLetterOrDigit(raw[k]) || raw[k] == '-' || raw[k] == '_' || raw[k] == '.')) {
      k++;
    }
    return k > from && k < to && (raw[k] == ':' || raw[k] == ';');
  }

  /**
   * Parameter values with backslash-escaped ';' or ',' (Apple's X-TITLE, Exchange zone names) are
   * not RFC 5545; they are quoted instead so that the parser reads them as one value.
   */
  static String escapeParams(String line) {
    int semi = line.indexOf(';');
    if (semi < 0 || line.indexOf('\\') < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length() + 8);
    out.append(line, 0, semi);
    int i = semi;
    boolean quoted = false;
    while (i < line.length()) {
      char ch = line.charAt(i);
      if (!quoted && ch == ':') {
        out.append(line, i, line.length());
        return out.toString();
      }
      if (!quoted && ch == ';') {
        // one parameter: ;NAME=VALUE up to the next unescaped, unquoted ; or :
        int eq = line.indexOf('=', i);
        int j = eq < 0 ? -1 : eq + 1;
        if (j < 0) {
          out.append(line, i, line.length());
          return out.toString();
        }
        if (j < line.length() && line.charAt(j) == '"') {
          out.append(line, i, j);
          i = j;
          continue;
        }
        StringBuilder v = new StringBuilder();
        boolean escaped = false;
        int k = j;
        while (k < line.length()) {
          char c = line.charAt(k);
          if (c == '\\' && k + 1 < line.length() && (line.charAt(k + 1) == ';' || line.charAt(k + 1) == ',')) {
            v.append(line.charAt(k + 1));
            escaped = true;
            k += 2;
            continue;
          }
          if (c == ';' || c == ':') {
            break;
          }
          v.append(c);
          k++;
        }
        out.append(line, i, j);
        out.append(escaped ? "\"" + v.toString().replace("\"", "") + "\"" : v);
        i = k;
        continue;
      }
      if (ch == '"') {
        quoted = !quoted;
      }
      out.append(ch);
      i++;
    }
    return out.toString();
  }

  private static boolean isLoneCr(byte[] raw, int at) {
    // a CR that is followed by neither LF nor another CR ends a line (old Mac files)
    int j = at;
    while (j < raw.length && raw[j] == '\r') {
      j++;
    }
    return j >= raw.length || raw[j] != '\n';
  }

  private static boolean isBlank(byte[] raw, int from, int to) {
    for (int k = from; k < to; k++) {
      if (raw[k] != ' ' && raw[k] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] raw, byte[] prefix) {
    if (raw.length < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (raw[k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8(List<byte[]> lines) {
    var decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (byte[] line : lines) {
      if (isAscii(line)) {
        continue;
      }
      try {
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(line));
      } catch (CharacterCodingException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(byte[] line) {
    for (byte b : line) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the first bytes look like iCalendar: BEGIN:VCALENDAR after an optional BOM and blank lines. */
  public static boolean looksLikeCalendar(byte[] head) {
    int i = startsWith(head, BOM) ? 3 : 0;
    while (i < head.length && (head[i] == '\r' || head[i] == '\n' || head[i] == ' ' || head[i] == '\t')) {
      i++;
    }
    for (String want : new String[] {"BEGIN:VCALENDAR", "BEGIN:VEVENT"}) {
      if (head.length - i >= want.length()
          && new String(head, i, want.length(), StandardCharsets.ISO_8859_1).equalsIgnoreCase(want)) {
        return true;
      }
    }
    return false;
  }
}
