package app.kith.contacts;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalised forms contacts are matched on: e-mail (lower case), phone (digits, with + when
 * international), name (case, accents, punctuation and word order ignored) and organisation
 * (likewise, without legal suffixes such as Inc or GmbH).
 */
public final class Keys {
  private Keys() {}

  /** Phones shorter than this are kept but never used to match two people. */
  public static final int MIN_MATCHING_PHONE_DIGITS = 7;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> ORG_SUFFIXES =
      Set.of("inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "bv", "nv", "sa", "sarl", "srl", "plc",
          "corp", "corporation", "co", "company", "oy", "ab", "as", "kk", "pty", "spa", "se", "kg", "llp", "lp", "pvt",
          "aps", "asa", "oyj", "doo", "sro", "kft", "ltda", "bhd", "sdn", "sl", "sas");

  public static String email(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Digits only, with a leading + for international numbers (+ or 00 prefix); null when no digit. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String p = phone.trim();
    if (p.regionMatches(true, 0, "tel:", 0, 4)) {
      p = p.substring(4);
    }
    if (p.startsWith("+") && p.contains("(0)")) {
      p = p.replace("(0)", ""); // +44 (0)20 7946 0958: the trunk 0 is not dialled from abroad
    }
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '+' && digits.length() == 0) {
        plus = true;
      } else if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (digits.length() > 0 && (c == ';' || c == ',' || c == '#' || c == 'x' || c == 'X' || c == 'e' || c == 'E')) {
        break; // an extension or a pause: not part of the number
      } else if (Character.isDigit(c)) {
        digits.append(Character.getNumericValue(c));
      }
    }
    if (digits.length() == 0) {
      return null;
    }
    String d = digits.toString();
    if (!plus && d.startsWith("00") && d.length() > 4) {
      return "+" + d.substring(2);
    }
    return (plus ? "+" : "") + (d.length() > 38 ? d.substring(0, 38) : d);
  }

  public static boolean phoneMatches(String key) {
    if (key == null) {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < key.length(); i++) {
      if (Character.isDigit(key.charAt(i)) && ++digits >= MIN_MATCHING_PHONE_DIGITS) {
        return true;
      }
    }
    return false;
  }

  private static final String[] NO_KEYS = {};

  /**
   * The keys a number is indexed by ({@code phoneMatches} numbers only, else none): its own key,
   * and the national significant number that the same number has written another way. A national
   * key ({@code 0701234567}, {@code 4155550100}) gives {@code "n" + 701234567}, without one trunk 0.
   * An international one ({@code +46701234567}) gives {@code "i" + } its digits after a country code
   * of one, two or three digits ({@code 6701234567}, {@code 701234567}, {@code 01234567}).
   * {@link #phoneProbes} looks a number up by the other kind, so that the national and the
   * international form of one number find each other. Two international numbers match only when
   * equal. A match by phone still needs the names to fit ({@link #namesFit}).
   */
  public static String[] phoneLinks(String key) {
    if (!phoneMatches(key)) {
      return NO_KEYS;
    }
    if (key.charAt(0) != '+') {
      String nsn = nationalSignificant(key);
      return nsn == null ? new String[] {key} : new String[] {key, "n" + nsn};
    }
    return international(key, "i");
  }

  /** The keys to look a number up by: see {@link #phoneLinks}. */
  public static String[] phoneProbes(String key) {
    if (!phoneMatches(key)) {
      return NO_KEYS;
    }
    if (key.charAt(0) != '+') {
      String nsn = nationalSignificant(key);
      return nsn == null ? new String[] {key} : new String[] {key, "n" + nsn, "i" + nsn};
    }
    return international(key, "n");
  }

  /** A national key without one trunk 0; null when what is left is too short to match on. */
  private static String nationalSignificant(String key) {
    String nsn = key.length() > 1 && key.charAt(0) == '0' && key.charAt(1) != '0' ? key.substring(1) : key;
    return nsn.length() >= MIN_MATCHING_PHONE_DIGITS ? nsn : null;
  }

  private static String[] international(String key, String kind) {
    String digits = key.substring(1);
    List<String> out = new ArrayList<>(4);
    out.add(key);
    for (int cc = 1; cc <= 3 && digits.length() - cc >= MIN_MATCHING_PHONE_DIGITS; cc++) {
      out.add(kind + digits.substring(cc));
    }
    return out.toArray(NO_KEYS);
  }

  /**
   * Honorifics and degrees: "Dr. Amelia Hartwell" and "Sarah Nguyen, PhD" (LinkedIn puts degrees in
   * the last name) are the same people without them. Jr., Sr. and III are not among them: they tell a
   * father from his son.
   */
  private static final Set<String> HONORIFICS =
      Set.of("dr", "mr", "mrs", "ms", "mx", "miss", "prof", "phd", "mba", "cpa", "esq", "msc", "bsc", "pmp", "cfa", "dds",
          "md", "rn", "dvm", "mph", "jd", "llm");

  /**
   * Words of the name, lower case without accents, in sorted order ("Doe, John" = "John Doe"),
   * without honorifics and degrees ({@link #HONORIFICS}) unless the name is nothing else, and with
   * German umlauts written out read as umlauts ("Juergen Mueller" = "Jürgen Müller" = "jurgen muller").
   */
  public static String name(String name) {
    String ascii = name == null || name.isBlank() ? null : umlautsWrittenOut(asciiWords(name));
    if (ascii != null) {
      // the common cases, without splitting and sorting: one or two plain words
      int space = ascii.indexOf(' ');
      if (ascii.isEmpty()) {
        return null;
      } else if (space < 0) {
        return cut(ascii);
      } else if (ascii.indexOf(' ', space + 1) < 0) {
        String first = ascii.substring(0, space), second = ascii.substring(space + 1);
        if (!HONORIFICS.contains(first) && !HONORIFICS.contains(second)) {
          return cut(first.compareTo(second) <= 0 ? ascii : second + " " + first);
        }
      }
    }
    String[] words = words(name);
    if (words.length == 0) {
      return null;
    }
    for (int i = 0; i < words.length; i++) {
      words[i] = umlautsWrittenOut(words[i]);
    }
    if (allEastAsian(words)) {
      // 王小明 and 王 小明 are one name: Chinese, Japanese and Korean names are written without spaces
      return cut(String.join("", words));
    }
    String[] kept = Arrays.stream(words).filter(w -> !HONORIFICS.contains(w)).toArray(String[]::new);
    if (kept.length > 0) {
      words = kept;
    }
    Arrays.sort(words);
    return cut(String.join(" ", words));
  }

  /**
   * Whether two name keys ({@link #name}) can be the same person: every word of the shorter name is
   * a word of the longer one, or the initial of one ("Lars H" and "Lars Henriksen", "J. Doe" and
   * "John Doe"). A missing name fits any, and so does a name in another script (张伟 and Wei Zhang):
   * there is no telling.
   */
  public static boolean namesFit(String a, String b) {
    if (a == null || b == null || a.equals(b) || a.replace(" ", "").equals(b.replace(" ", ""))) {
      return true;
    }
    int sa = script(a), sb = script(b);
    if (sa != MIXED && sb != MIXED && sa != sb) {
      return true;
    }
    String[] x = a.split(" "), y = b.split(" ");
    String[] shorter = x.length <= y.length ? x : y, longer = x.length <= y.length ? y : x;
    for (String w : shorter) {
      boolean found = false;
      for (String v : longer) {
        if (v.equals(w) || (w.length() == 1 && v.startsWith(w)) || (v.length() == 1 && w.startsWith(v))) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a name key is a fuller form of one that has an initial: "Lars Henriksen" of "Lars H",
   * "John Doe" of "J. Doe" ({@link #namesFit}, and longer).
   */
  public static boolean expands(String shorter, String fuller) {
    if (shorter == null || fuller == null || fuller.length() <= shorter.length()) {
      return false;
    }
    boolean initial = false;
    for (String w : shorter.split(" ")) {
      initial |= w.length() == 1;
    }
    return initial && script(shorter) == LATIN && script(fuller) == LATIN
        && shorter.split(" ").length <= fuller.split(" ").length && namesFit(shorter, fuller);
  }

  /**
   * Whether two name keys plainly name different people, as two who share an office's or a family's
   * e-mail address: each has two words or more, in Latin letters, and no word of one is a word or an
   * initial of the other. A name of one word (a first name, a nickname) or in another script never
   * clashes: it may be the same person.
   */
  public static boolean namesClash(String a, String b) {
    if (a == null || b == null || a.indexOf(' ') < 0 || b.indexOf(' ') < 0 || script(a) != LATIN || script(b) != LATIN) {
      return false;
    }
    for (String w : a.split(" ")) {
      for (String v : b.split(" ")) {
        if (v.equals(w) || (w.length() == 1 && v.startsWith(w)) || (v.length() == 1 && w.startsWith(v))) {
          return false;
        }
      }
    }
    return true;
  }

  private static final int LATIN = 1, OTHER = 2, MIXED = 0;

  /** The letters of a name key: all Latin ({@link #LATIN}), none Latin ({@link #OTHER}), or both or none. */
  private static int script(String key) {
    boolean latin = false, other = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 'a' && c <= 'z') {
        latin = true;
      } else if (Character.isLetter(c)) {
        other = true;
      }
    }
    return latin == other ? MIXED : latin ? LATIN : OTHER;
  }

  /** German umlauts written out (ae, oe, ue) read as the umlauts, which keys fold to a, o, u. */
  private static String umlautsWrittenOut(String word) {
    if (word == null) {
      return null;
    }
    for (int i = word.indexOf('e', 1); i > 0; i = word.indexOf('e', i + 1)) {
      char before = word.charAt(i - 1);
      if (before == 'a' || before == 'o' || before == 'u') {
        return word.replace("ae", "a").replace("oe", "o").replace("ue", "u");
      }
    }
    return word; // most words: no e after a, o or u
  }

  public static String organization(String org) {
    if (org == null || org.isBlank()) {
      return null;
    }
    String ascii = asciiWords(org);
    if (ascii != null && !hasOneLetterWord(ascii)) {
      // the common case, without splitting: plain words, no initials to join
      String key = ascii.startsWith("the ") ? ascii.substring(4) : ascii; // "The Growth Lab" is Growth Lab
      int space;
      while ((space = key.lastIndexOf(' ')) > 0 && ORG_SUFFIXES.contains(key.substring(space + 1))) {
        key = key.substring(0, space);
      }
      return key.isEmpty() ? null : cut(key);
    }
    String[] words = joinInitials(words(org)); // "S.A." is "sa", "B.V." is "bv"
    if (words.length > 1 && words[0].equals("the")) {
      words = Arrays.copyOfRange(words, 1, words.length);
    }
    int n = words.length;
    while (n > 1 && ORG_SUFFIXES.contains(words[n - 1])) {
      n--;
    }
    return n == 0 ? null : cut(String.join(" ", Arrays.copyOf(words, n)));
  }

  /** Whether words separated by single spaces include one of a single letter or digit. */
  private static boolean hasOneLetterWord(String words) {
    for (int i = 0; i < words.length(); i++) {
      if (words.charAt(i) != ' ' && (i == 0 || words.charAt(i - 1) == ' ')
          && (i + 1 == words.length() || words.charAt(i + 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  private static String[] joinInitials(String[] words) {
    java.util.List<String> out = new java.util.ArrayList<>(words.length);
    StringBuilder run = new StringBuilder();
    for (String w : words) {
      if (w.length() == 1) {
        run.append(w);
        continue;
      }
      if (run.length() > 0) {
        out.add(run.toString());
        run.setLength(0);
      }
      out.add(w);
    }
    if (run.length() > 0) {
      out.add(run.toString());
    }
    return out.toArray(String[]::new);
  }

  private static boolean allEastAsian(String[] words) {
    for (String w : words) {
      for (int i = 0; i < w.length(); ) {
        int cp = w.codePointAt(i);
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
            && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL) {
          return false;
        }
        i += Character.charCount(cp);
      }
    }
    return true;
  }

  private static String[] words(String s) {
    if (s == null || s.isBlank()) {
      return new String[0];
    }
    String ascii = asciiWords(s);
    if (ascii != null) {
      return ascii.isEmpty() ? new String[0] : ascii.split(" ");
    }
    String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    n = n.replace("'", "").replace("\u2019", ""); // O’Neil is ONeil
    n = NON_WORD.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    return n.isEmpty() ? new String[0] : n.split(" ");
  }

  /** The fast path for plain ASCII text: lower-case words separated by one space; null for other text. */
  private static String asciiWords(String s) {
    byte[] b = new byte[s.length()];
    int n = 0;
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (c == '\'') {
        continue; // O'Neil is ONeil, not O Neil
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b[n++] = (byte) c;
        space = false;
      } else if (c >= 'A' && c <= 'Z') {
        b[n++] = (byte) (c + 32);
        space = false;
      } else if (!space) {
        b[n++] = ' ';
        space = true;
      }
    }
    if (n > 0 && b[n - 1] == ' ') {
      n--;
    }
    return new String(b, 0, n, StandardCharsets.ISO_8859_1); // ASCII only: copied as it is
  }

  private static String cut(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }
}
