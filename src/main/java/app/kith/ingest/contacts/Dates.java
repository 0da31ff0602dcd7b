package app.kith.ingest.contacts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dates contact exports write, read into {@code 1990-02-01} / {@code --02-29} and {@link LocalDate}. */
final class Dates {
  private Dates() {}

  private static final Pattern ISO = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ].*)?");
  /** 1985/03/15 (Japanese, Chinese) and 1985.03.15: year first, then month and day. */
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\.?");
  /**
   * A date written with its month's English name, the weekday and the year optional: "March 15,
   * 1985" (Notion), "Mar 15 1985", "Friday, March 15, 1985", "15 March 1985", "15-Mar-85" (Excel),
   * "March 15". Groups: month then day, or day then month; the year last.
   */
  private static final Pattern WORDS = Pattern.compile(
      "(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
          + "(?:([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-|\\s*\\.\\s*)([a-z]{3,9})\\.?)"
          + "(?:,?(?:\\s+|-)(\\d{4}|\\d{2}))?");
  /** Apple Contacts and iCloud write a birthday without a year as 1604-MM-DD (X-APPLE-OMIT-YEAR=1604). */
  private static final String APPLE_NO_YEAR = "1604";
  /** Other address books write one as 0000-MM-DD: there is no year 0. */
  private static final String ZERO_YEAR = "0000";
  private static final Pattern NO_YEAR = Pattern.compile("--(\\d{2})-?(\\d{2})");
  private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})");
  /** The Dutch 14-3-1985: day first, unless the numbers say otherwise. */
  private static final Pattern DASHED = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})");
  /** A birthday without its year: Mailchimp's 03/14, a German 14.03. */
  private static final Pattern SLASHED_NO_YEAR = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})\\.?");

  /**
   * A birthday as {@code yyyy-MM-dd} or {@code --MM-dd}; null when the text is not a date.
   * Slashed dates are month first when {@code monthFirst} (US exports) unless the numbers say otherwise.
   */
  static String birthday(String text, boolean monthFirst) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
      // the ISO date nearly every card writes (1980-02-01), read as the patterns below would read it
      int y = digits(t, 0, 4), mo = digits(t, 5, 7), d = digits(t, 8, 10);
      if (y > 0 && mo >= 0 && d >= 0 && !t.startsWith(APPLE_NO_YEAR)) {
        try {
          LocalDate date = valid(y, mo, d);
          return date == null ? null : date.toString();
        } catch (DateTimeException e) {
          return null;
        }
      }
    }
    Matcher m = NO_YEAR.matcher(t);
    if (m.matches()) {
      return monthDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = ISO.matcher(t);
    if (m.matches() && (m.group(1).equals(APPLE_NO_YEAR) || m.group(1).equals(ZERO_YEAR))) {
      return monthDay(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    m = SLASHED.matcher(t);
    if (m.matches() && m.group(3).equals(APPLE_NO_YEAR)) {
      return yearless(m, t, monthFirst); // Outlook's 3/14/1604, as Apple's 1604-03-14
    }
    m = SLASHED_NO_YEAR.matcher(t);
    if (m.matches()) {
      return yearless(m, t, monthFirst);
    }
    m = WORDS.matcher(t);
    if (m.matches() && m.group(5) == null) {
      int[] md = monthAndDay(m);
      return md == null ? null : monthDay(md[0], md[1]); // "March 15": a birthday without its year
    }
    LocalDate d = date(t, monthFirst);
    return d == null ? null : d.toString();
  }

  /** A full date, or null. */
  static LocalDate date(String text, boolean monthFirst) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    LocalDate quick = dayMonthYear(t);
    if (quick != null) {
      return quick;
    }
    try {
      Matcher m = ISO.matcher(t);
      if (m.matches()) {
        return valid(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = YEAR_FIRST.matcher(t);
      if (m.matches()) {
        return valid(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = WORDS.matcher(t);
      if (m.matches() && m.group(5) != null) {
        int[] md = monthAndDay(m);
        return md == null ? null : valid(fullYear(Integer.parseInt(m.group(5)), m.group(5).length()), md[0], md[1]);
      }
      m = SLASHED.matcher(t);
      if (m.matches()) {
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
        int y = fullYear(Integer.parseInt(m.group(3)), m.group(3).length());
        boolean dotted = t.indexOf('.') >= 0; // 02.01.1990 is European: day first
        return monthFirst(a, b, monthFirst && !dotted) ? valid(y, a, b) : valid(y, b, a);
      }
      m = DASHED.matcher(t);
      if (m.matches()) {
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2)), y = Integer.parseInt(m.group(3));
        return monthFirst(a, b, false) ? valid(y, a, b) : valid(y, b, a);
      }
      return null;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** A two-digit year in the last hundred years (85 is 1985, 07 is 2007); a longer one as written. */
  private static int fullYear(int y, int digits) {
    if (digits > 2) {
      return y;
    }
    return y + (y <= LocalDate.now().getYear() % 100 ? 2000 : 1900);
  }

  /** Month and day of a {@link #WORDS} match; null when the word is no English month's name. */
  private static int[] monthAndDay(Matcher m) {
    String word = (m.group(1) != null ? m.group(1) : m.group(4)).toLowerCase(Locale.ROOT);
    int day = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(3));
    int at = MONTHS.indexOf(word.substring(0, 3));
    if (at < 0 || at % 3 != 0 || !(word.length() == 3 || MONTH_NAMES[at / 3].startsWith(word)
        || word.equals("sept"))) {
      return null;
    }
    return new int[] {at / 3 + 1, day};
  }

  private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};

  /** {@code --MM-DD} of a slashed or dotted date whose first two groups are its day and month. */
  private static String yearless(Matcher m, String text, boolean monthFirst) {
    int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
    return monthFirst(a, b, monthFirst && text.indexOf('.') < 0) ? monthDay(a, b) : monthDay(b, a);
  }

  /** Whether a/b is month/day: as the file reads its dates, unless the numbers allow only one way. */
  private static boolean monthFirst(int a, int b, boolean monthFirst) {
    return monthFirst ? a <= 12 || b > 12 : b > 12 && a <= 12;
  }

  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

  /**
   * LinkedIn's "12 Mar 2024" without the formatter (it is on every row); null for anything else,
   * including impossible days, which the formatter then judges as before.
   */
  private static LocalDate dayMonthYear(String t) {
    int n = t.length();
    int sp = t.indexOf(' ');
    if ((sp != 1 && sp != 2) || n != sp + 9 || t.charAt(sp + 4) != ' ') {
      return null;
    }
    int day = digits(t, 0, sp), year = digits(t, sp + 5, n);
    if (day < 0 || year < 0) {
      return null;
    }
    String mon = t.substring(sp + 1, sp + 4).toLowerCase(Locale.ROOT);
    int at = MONTHS.indexOf(mon);
    if (at < 0 || at % 3 != 0) {
      return null;
    }
    try {
      return valid(year, at / 3 + 1, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static LocalDate valid(int y, int m, int d) {
    if (y < 1800 || y > 2200) {
      return null; // "0000", Outlook's 0/0/00 and the like
    }
    return LocalDate.of(y, m, d);
  }

  /**
   * The order a slashed date can only be read in: {@code TRUE} month first (3/15/1985), {@code
   * FALSE} day first (15/03/1985); null when it reads either way (03/04/1990) or is no slashed date.
   * Dotted dates (02.01.1990) are always day first and tell nothing about a file's slashed ones.
   */
  static Boolean slashedOrder(String text) {
    if (text == null || text.indexOf('.') >= 0) {
      return null;
    }
    String t = text.trim();
    Matcher m = SLASHED.matcher(t);
    if (!m.matches()) {
      m = SLASHED_NO_YEAR.matcher(t);
      if (!m.matches()) {
        return null;
      }
    }
    int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
    if (a > 12 && b <= 12) {
      return Boolean.FALSE;
    }
    return b > 12 && a <= 12 ? Boolean.TRUE : null;
  }

  static String monthDay(int month, int day) {
    try {
      MonthDay md = MonthDay.of(month, day);
      return md.toString();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
