package app.kith.ingest.contacts;

import app.kith.contacts.ContactData;
import app.kith.contacts.Keys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One record as a reader found it, before it is cleaned into {@link ContactData}: values trimmed
 * and cut to the limits, e-mail addresses checked, duplicates dropped. A record with no name, no
 * e-mail and no phone is refused, as is one whose e-mail field holds an address run together with
 * other text (a sign that the record is garbled); other text in an e-mail field is left out with a
 * note.
 */
final class Draft {

  /** Runs of spaces, tabs and line breaks inside a name ("Padded   Name"): one space. */
  private static final Pattern SPACES = Pattern.compile("\\s{2,}|[\\t\\r\\n]");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,\\s]+");
  /** Characters an e-mail address never holds, besides white space ({@link #isAddress}). */
  private static final String NOT_IN_ADDRESS = "<>(),;:\"[]\\";
  /** What a spreadsheet makes of a long number it took for a value: 4,91761E+11 (the digits are gone). */
  private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d+)?[eE]\\+?\\d+");
  /** Column widths of the contact table. */
  private static final int SHORT_FIELD = 1000;

  String name;
  final List<String> emails = new ArrayList<>();
  final List<String> phones = new ArrayList<>();
  String organization;
  String title;
  String birthday;
  String notes;
  LocalDate since;
  final List<String> notesOnRecord = new ArrayList<>();
  String reject;
  /** How many of the first e-mail addresses and phones were marked preferred (they stay in front). */
  private int preferredEmails, preferredPhones;

  void email(String value, boolean primary) {
    if (value == null) {
      return;
    }
    String v = value.trim();
    if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
      v = v.substring(7).trim();
    }
    if (v.isEmpty()) {
      return;
    }
    List<String> parts = List.of(v);
    if (hasListSeparator(v)) {
      // "a@example.com; b@example.com" in one cell: several addresses when every part is one
      List<String> split = List.of(LIST_SEPARATOR.split(v)).stream().filter(x -> !x.isEmpty()).toList();
      if (!split.isEmpty() && split.stream().allMatch(Draft::isAddress)) {
        parts = split;
      }
    }
    if (primary) {
      // preferred ones first, in the order the file gives them
      emails.addAll(preferredEmails, parts);
      preferredEmails += parts.size();
    } else {
      emails.addAll(parts);
    }
  }

  void phone(String value, boolean primary) {
    if (value == null || value.isBlank()) {
      return;
    }
    List<String> parts = List.of(value.trim());
    if (PHONE_LIST_SEPARATOR.matcher(value).find()) {
      // "+86 10 1234 5678 / +86 139 0000 0000" in one cell: several numbers when every part is one
      List<String> split = List.of(PHONE_LIST_SEPARATOR.split(value.trim()));
      if (split.size() > 1 && split.stream().allMatch(x -> Keys.phoneMatches(Keys.phone(x)))) {
        parts = split.stream().map(String::trim).toList();
      }
    }
    for (String part : parts) {
      if (primary) {
        phones.add(preferredPhones++, part);
      } else {
        phones.add(part);
      }
    }
  }

  /**
   * " / ", ";", ",", " | " or a line break between numbers; a slash without spaces is German for an
   * area code. A comma splits only when every part is a number ("600 111 222, 911 222 333"), never
   * a spreadsheet's 4,47701E+11.
   */
  private static final Pattern PHONE_LIST_SEPARATOR = Pattern.compile("\\s+/\\s+|\\s*[;|,\\n]\\s*");


  void reject(String reason) {
    if (reject == null) {
      reject = reason;
    }
  }

  /** The cleaned record, or null when it is refused ({@link #reject} says why). */
  ContactData finish(int maxFieldLength) {
    if (reject != null) {
      return null;
    }
    String n = cut("name", name == null ? null : oneSpaced(name.strip()), Math.min(SHORT_FIELD, maxFieldLength));
    String org = cut("organization", organization, Math.min(SHORT_FIELD, maxFieldLength));
    String t = cut("title", title, Math.min(SHORT_FIELD, maxFieldLength));
    // line breaks as one "\n", whether the export wrote CRLF (Windows CSV) or a lone CR (old Mac)
    String no = cut("notes", notes == null ? null : notes.replace("\r\n", "\n").replace('\r', '\n'), maxFieldLength);
    List<String> es = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String e : emails) {
      if (e.length() > 320 || !isAddress(e)) {
        if (e.indexOf('@') >= 0 && (e.indexOf('<') >= 0 || e.chars().anyMatch(Character::isWhitespace))) {
          // an address with a display name or spaces in it: the record is garbled (a broken fold, shifted columns)
          reject("'" + shorten(e) + "' is not an e-mail address");
          return null;
        }
        notesOnRecord.add("e-mail '" + shorten(e) + "' is not an address; left out");
        continue;
      }
      if (seen.add(Keys.email(e))) {
        es.add(e);
      }
    }
    if (n != null && n.length() <= 320 && isAddress(n)) {
      // the "name" is an address (Proton, an address book that shows the address when no name was
      // given): no name, and the address is kept as one
      if (seen.add(Keys.email(n))) {
        es.add(n);
      }
      n = null;
    }
    List<String> ps = new ArrayList<>();
    seen.clear();
    for (String raw : phones) {
      String p = withoutControls(raw);
      if (SCIENTIFIC.matcher(p.strip()).matches()) {
        notesOnRecord.add("phone '" + shorten(p) + "' was turned into a number by a spreadsheet (its digits are lost); left out");
        continue;
      }
      String key = Keys.phone(p);
      if (key == null) {
        notesOnRecord.add("phone '" + shorten(p) + "' has no digits; left out");
        continue;
      }
      String shown = p.length() > 100 ? p.substring(0, 100) : p;
      if (seen.add(key)) {
        ps.add(shown);
      }
    }
    if (n == null && es.isEmpty() && ps.isEmpty()) {
      reject("no name, e-mail address or phone number");
      return null;
    }
    if (n == null && es.isEmpty() && ps.stream().noneMatch(p -> Keys.phoneMatches(Keys.phone(p)))) {
      // short numbers never match anyone (see Keys.phoneMatches): importing the file again would add the record again
      reject("no name or e-mail address, and a phone number too short to tell anyone by (under 7 digits)");
      return null;
    }
    return new ContactData(n, es, ps, org, t, birthday, no, since);
  }

  private String cut(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String v = withoutControls(value).strip();
    if (v.isEmpty()) {
      return null;
    }
    if (v.length() > max) {
      notesOnRecord.add(field + " cut to " + max + " characters (kith.import.max-field-length)");
      v = v.substring(0, max);
    }
    return v;
  }

  /**
   * A name from its parts: given names first, or the family name first when the name is written in
   * Chinese, Japanese or Korean script, as people there write it: without a space in Chinese
   * characters or Hangul (王小明, 김민준), with one beside kana (佐藤 まゆみ).
   */
  static String joinName(String given, String middle, String family) {
    boolean familyFirst = eastAsian(family) || eastAsian(given);
    String a = part(familyFirst ? family : given), b = part(familyFirst ? given : middle), c = part(familyFirst ? middle : family);
    String between = familyFirst && hanOrHangulOnly(a) && hanOrHangulOnly(b) && hanOrHangulOnly(c) ? "" : " ";
    StringBuilder name = new StringBuilder();
    for (String p : new String[] {a, b, c}) {
      if (p != null) {
        name.append(name.length() == 0 ? "" : between).append(p);
      }
    }
    return name.length() == 0 ? null : name.toString();
  }

  /** A part of a name, stripped; null when there is none. */
  private static String part(String p) {
    return p == null || p.isBlank() ? null : p.strip();
  }

  /** Whether the text is in Chinese characters or Hangul only; true for none. */
  private static boolean hanOrHangulOnly(String s) {
    return s == null || s.codePoints().allMatch(c -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL;
    });
  }

  private static boolean eastAsian(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x1100) {
        continue; // below Hangul Jamo: none of these scripts (and every Latin, Greek or Cyrillic name)
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text without control characters other than tab and line breaks: a NUL byte from a corrupt
   * file would otherwise be stored (PostgreSQL refuses it in text, failing the whole chunk).
   */
  static String withoutControls(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().filter(ch -> ch >= 0x20 && ch != 0x7F || ch == '\t' || ch == '\n' || ch == '\r').forEach(ch -> b.append((char) ch));
        return b.toString();
      }
    }
    return s;
  }

  /**
   * Whether the text is one e-mail address as exports write them: one {@code @} with text on both
   * sides, and no white space ({@link #isRegexSpace}), angle brackets, parentheses, comma, semicolon,
   * colon, quote, square brackets or backslash. It is the regular expression the importer used
   * before, written out because it runs for every address of every record; {@code DraftTest} holds
   * the two to each other.
   */
  static boolean isAddress(String s) {
    int at = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      } else if (isRegexSpace(c) || NOT_IN_ADDRESS.indexOf(c) >= 0) {
        return false;
      }
    }
    return at > 0 && at < s.length() - 1;
  }

  /** Whether {@link #LIST_SEPARATOR} occurs in the text: a semicolon, a comma or white space. */
  private static boolean hasListSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ';' || c == ',' || isRegexSpace(c)) {
        return true;
      }
    }
    return false;
  }

  /** The text with {@link #SPACES} made one space; the text itself when it has none (nearly always). */
  static String oneSpaced(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\r' || c == '\n' || (isRegexSpace(c) && i > 0 && isRegexSpace(s.charAt(i - 1)))) {
        return SPACES.matcher(s).replaceAll(" ");
      }
    }
    return s;
  }

  /** {@code \\s} of a regular expression without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
