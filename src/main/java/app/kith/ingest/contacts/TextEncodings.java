package app.kith.ingest.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells how a contact file's bytes are encoded. Order of evidence: a byte-order mark; the NUL
 * pattern of UTF-16 without a mark (Apple exports); valid UTF-8; otherwise a legacy Windows code
 * page. Legacy text is windows-1252 unless its non-ASCII bytes come in the long runs of double-byte
 * Japanese, when it is Shift_JIS and decodes cleanly as such.
 */
public final class TextEncodings {
  private TextEncodings() {}

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  /** What the first bytes say: a Unicode charset with the length of its mark, or null (byte-oriented). */
  public record Unicode(Charset charset, int bomLength) {}

  /** A UTF-16/UTF-8 mark, or the NUL pattern of UTF-16 text without one; null for other text. */
  public static Unicode unicode(byte[] head, int len) {
    if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      return new Unicode(StandardCharsets.UTF_8, 3);
    }
    if (len >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Unicode(StandardCharsets.UTF_16BE, 2);
    }
    if (len >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new Unicode(StandardCharsets.UTF_16LE, 2);
    }
    // ASCII text in UTF-16 has a NUL in every other byte: even positions for BE, odd for LE.
    int n = Math.min(len, 512) & ~1;
    if (n >= 8) {
      int evenNul = 0, oddNul = 0;
      for (int i = 0; i < n; i += 2) {
        if (head[i] == 0) {
          evenNul++;
        }
        if (head[i + 1] == 0) {
          oddNul++;
        }
      }
      int pairs = n / 2;
      if (evenNul * 10 >= pairs * 7 && oddNul * 10 < pairs) {
        return new Unicode(StandardCharsets.UTF_16BE, 0);
      }
      if (oddNul * 10 >= pairs * 7 && evenNul * 10 < pairs) {
        return new Unicode(StandardCharsets.UTF_16LE, 0);
      }
    }
    return null;
  }

  /**
   * Whether a sample of a longer text is well-formed UTF-8: a multi-byte character cut at {@code len}
   * (by the sample's end) counts as valid.
   */
  public static boolean isUtf8(byte[] b, int off, int len) {
    return isUtf8(b, off, len, true);
  }

  /**
   * Whether the bytes are well-formed UTF-8; when {@code sample}, a multi-byte character cut at
   * {@code len} counts as valid. A whole value that ends in the first byte of a character is not
   * UTF-8: windows-1252 {@code José} ends in 0xE9, which UTF-8 would read as the start of a
   * three-byte character.
   */
  static boolean isUtf8(byte[] b, int off, int len, boolean sample) {
    int end = off + len;
    int i = off;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
      } else {
        return false;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= end) {
          return sample; // cut by the sample's end, or a whole value that is not UTF-8
        }
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }

  public static boolean isAscii(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The legacy code page of bytes that are not UTF-8: Shift_JIS for Japanese, else windows-1252. */
  public static Charset legacy(byte[] b, int off, int len) {
    int runs = 0, inRuns = 0, run = 0;
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        run++;
      } else if (run > 0) {
        runs++;
        inRuns += run;
        run = 0;
      }
    }
    if (run > 0) {
      runs++;
      inRuns += run;
    }
    // accented Western words have isolated high bytes; Japanese has runs of two-byte characters
    if (runs > 0 && inRuns >= runs * 3.5 && decodesCleanly(b, off, len, SHIFT_JIS)) {
      return SHIFT_JIS;
    }
    return runs > 0 && japaneseWords(b, off, len) ? SHIFT_JIS : WINDOWS_1252;
  }

  /**
   * Whether the bytes read as Shift_JIS give Japanese words: kanji and kana side by side. A second
   * byte of Shift_JIS can be ASCII ("ソ" is 0x83 0x5C), which cuts the runs {@link #legacy} counts;
   * Western accents read as Shift_JIS give a lone kanji between Latin letters ("Ren" + 0xE9 0x65).
   */
  private static boolean japaneseWords(byte[] b, int off, int len) {
    if (!decodesCleanly(b, off, len, SHIFT_JIS)) {
      return false;
    }
    String text = new String(b, off, len, SHIFT_JIS);
    int japanese = 0, together = 0;
    for (int i = 0; i < text.length(); i++) {
      if (japanese(text.charAt(i))) {
        japanese++;
        if ((i > 0 && japanese(text.charAt(i - 1))) || (i + 1 < text.length() && japanese(text.charAt(i + 1)))) {
          together++;
        }
      }
    }
    return japanese >= 2 && together >= japanese * 0.8;
  }

  private static boolean japanese(char c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    // not the half-width katakana (U+FF61-FF9F) that single Western bytes 0xA1-0xDF become
    return (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA)
        && (c < 0xFF61 || c > 0xFF9F);
  }

  static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

  /**
   * The legacy code page of a whole file (a CSV): as {@link #legacy}, or Mac Roman, which Excel for
   * Mac writes as its plain "CSV". Mac Roman puts the accented small letters (é, ü, ñ, ó) at 0x80-0x9F,
   * where windows-1252 has punctuation and a few rare letters (Š, Ž, œ), and windows-1252's own
   * accented letters at 0xC0-0xFF are symbols there. So: letters at 0x80-0x9F next to plain letters
   * ("Jos\u008E"), none at 0xC0-0xFF, is Mac Roman; so is a file whose lines end with CR alone, as
   * the classic Mac's do, with at least as many of those as letters at 0xC0-0xFF (Mac Roman's capitals).
   */
  public static Charset legacyFile(byte[] b, int off, int len) {
    Charset legacy = legacy(b, off, len);
    if (!legacy.equals(WINDOWS_1252)) {
      return legacy; // Shift_JIS's runs of two-byte characters are no Western letters
    }
    int mac = 0, latin = 0;
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x80 || !(asciiLetter(b, i - 1, off, len) || asciiLetter(b, i + 1, off, len))) {
        continue;
      }
      if (c <= 0x9F && WINDOWS_1252_PUNCTUATION.indexOf((char) c) < 0) {
        mac++;
      } else if (c >= 0xC0 && c != 0xD7 && c != 0xF7) {
        latin++;
      }
    }
    // lines ended by CR alone are the classic Mac's: there an accented capital at 0xC0-0xFF (È, Ó)
    // next to more small ones at 0x80-0x9F is Mac Roman too
    if (mac >= 2 && latin == 0 || mac > 0 && mac >= latin && crLinesOnly(b, off, len)) {
      return MAC_ROMAN;
    }
    return centralEuropean(b, off, len) ? WINDOWS_1250 : legacy;
  }

  /** Whether the lines end with CR alone: a CR and no LF in the bytes. */
  private static boolean crLinesOnly(byte[] b, int off, int len) {
    boolean cr = false;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        return false;
      }
      cr |= b[i] == '\r';
    }
    return cr;
  }

  static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

  /**
   * Bytes that are letters in windows-1250 (Polish, Slovak, Czech...) but signs in windows-1252:
   * Ł ł Ą ą Ż ź Ľ ľ Ť ť Ź (as £ ³ ¥ ¹ ¯ Ÿ ¼ ¾ and three unassigned bytes). Two of them next to
   * letters ("£ukasz", "Micha³") make the file windows-1250. A Czech text with none of them (ř, č, ě
   * are è, ø, ì there) still reads as windows-1252.
   */
  private static final String CENTRAL_EUROPEAN_LETTERS =
      "\u00A3\u00B3\u00A5\u00B9\u00AF\u009F\u00BC\u00BE\u008D\u009D\u008F";

  private static boolean centralEuropean(byte[] b, int off, int len) {
    int letters = 0;
    for (int i = off; i < off + len && letters < 2; i++) {
      int c = b[i] & 0xFF;
      if (c >= 0x80 && CENTRAL_EUROPEAN_LETTERS.indexOf((char) c) >= 0
          && (letterByte(b, i - 1, off, len) || letterByte(b, i + 1, off, len))) {
        letters++;
      }
    }
    return letters >= 2;
  }

  /** An ASCII letter, or a byte that is a letter in both code pages (é, ó, ś, š). */
  private static boolean letterByte(byte[] b, int i, int off, int len) {
    if (asciiLetter(b, i, off, len)) {
      return true;
    }
    if (i < off || i >= off + len) {
      return false;
    }
    int c = b[i] & 0xFF;
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 || c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C || c == 0x9E;
  }

  /** The bytes windows-1252 uses for quotes, dashes, the euro, the ellipsis and the like. */
  private static final String WINDOWS_1252_PUNCTUATION =
      "\u0080\u0082\u0084\u0085\u0086\u0089\u008B\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0099\u009B";

  private static boolean asciiLetter(byte[] b, int i, int off, int len) {
    if (i < off || i >= off + len) {
      return false;
    }
    int c = b[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** UTF-8 when the bytes are valid UTF-8, else their legacy code page. */
  public static Charset guess(byte[] b, int off, int len) {
    return isUtf8(b, off, len) ? StandardCharsets.UTF_8 : legacy(b, off, len);
  }

  static boolean decodesCleanly(byte[] b, int off, int len, Charset cs) {
    CharsetDecoder d =
        cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      d.decode(ByteBuffer.wrap(b, off, len));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A charset named in a {@code CHARSET=} parameter, or null when Java does not know it. */
  public static Charset named(String name) {
    if (name == null) {
      return null;
    }
    String n = name.trim().replace("\"", "");
    try {
      return Charset.isSupported(n) ? Charset.forName(n) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Decodes bytes with a declared charset (null: guess); a declared UTF-8 that is not UTF-8 falls back. */
  public static String decode(byte[] b, int off, int len, Charset declared) {
    if (isAscii(b, off, len)) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    Charset cs = declared;
    if (cs == null) {
      cs = isUtf8(b, off, len, false) ? StandardCharsets.UTF_8 : legacy(b, off, len);
    } else if (cs.equals(StandardCharsets.UTF_8) && !isUtf8(b, off, len, false)) {
      cs = legacy(b, off, len);
    }
    return new String(b, off, len, cs);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Streams UTF-16 text as UTF-8 bytes, so that one byte-oriented reader serves every file.
   */
  static InputStream toUtf8(InputStream in, Charset from) {
    java.io.Reader reader = new java.io.InputStreamReader(in, from);
    return new InputStream() {
      private final char[] chars = new char[8192];
      private int carried; // a high surrogate kept for the next round, so a pair is never split
      private ByteBuffer pending = ByteBuffer.allocate(0);

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (!pending.hasRemaining()) {
          int n = reader.read(chars, carried, chars.length - carried);
          if (n < 0) {
            if (carried == 0) {
              return -1;
            }
            n = 0;
          }
          int total = carried + n;
          carried = 0;
          if (n > 0 && Character.isHighSurrogate(chars[total - 1])) {
            total--;
            carried = 1;
          }
          pending = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars, 0, total));
          if (carried == 1) {
            chars[0] = chars[total];
          }
        }
        int k = Math.min(len, pending.remaining());
        pending.get(b, off, k);
        return k;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
