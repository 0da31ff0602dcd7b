package app.kith.ingest.mail;

import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a reply to Kith: {@code done}, {@code snooze 3d} or {@code note: text}, each
 * optionally naming the reminder ({@code done 42}, {@code snooze 42 3d}, {@code note 42: text}),
 * which a reply to a digest must do. Anything else is {@link Unknown}.
 */
public sealed interface ReplyCommand {

  /** The reminder the line names, if any. */
  OptionalLong reminderId();

  record Done(OptionalLong reminderId) implements ReplyCommand {}

  /** {@code amount} is either a {@link Duration} or a {@link Period} (calendar days, weeks, months). */
  record Snooze(OptionalLong reminderId, Object amount) implements ReplyCommand {}

  record Note(OptionalLong reminderId, String text) implements ReplyCommand {}

  record Unknown(String line) implements ReplyCommand {
    @Override
    public OptionalLong reminderId() {
      return OptionalLong.empty();
    }
  }

  /** The longest snooze a reply may ask for. */
  Duration MAX_SNOOZE = Duration.ofDays(366);

  Pattern DONE = Pattern.compile("(?i)done(?:\\s+#?(\\d{1,18}))?[.!]?");
  Pattern SNOOZE = Pattern.compile("(?i)snooze\\s+(?:for\\s+)?(.{1,40}?)[.!]?");
  Pattern SNOOZE_ID = Pattern.compile("(?i)#?(\\d{1,18})\\s+(?:for\\s+)?(.+)");
  Pattern NOTE = Pattern.compile("(?is)note(?:\\s+#?(\\d{1,18}))?\\s*:\\s*(.*)");
  Pattern SHORT = Pattern.compile(
      "(?i)(\\d{1,6})\\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|wks|weeks?)");

  /** Reads the first line of a reply (the note's text may go on over the following lines). */
  static ReplyCommand parse(String firstLine, String following) {
    // mail clients leave byte-order marks, zero-width and no-break spaces around what people type
    String line = firstLine.replaceAll("[\\uFEFF\\u200B\\u200C\\u200D\\u2060]", "").replace('\u00A0', ' ').strip();
    Matcher m = DONE.matcher(line);
    if (m.matches()) {
      return new Done(id(m.group(1)));
    }
    m = SNOOZE.matcher(line);
    if (m.matches()) {
      String rest = m.group(1).strip();
      Optional<Object> amount = amount(rest); // "snooze 3d", "snooze 3 days"
      if (amount.isPresent()) {
        return new Snooze(OptionalLong.empty(), amount.get());
      }
      Matcher named = SNOOZE_ID.matcher(rest); // "snooze 42 3d", "snooze #42 for 2 hours"
      if (named.matches()) {
        amount = amount(named.group(2).strip());
        if (amount.isPresent()) {
          return new Snooze(id(named.group(1)), amount.get());
        }
      }
      return new Unknown(line);
    }
    m = NOTE.matcher(line);
    if (m.matches()) {
      String text = (m.group(2).strip() + "\n" + following).strip();
      return text.isEmpty() ? new Unknown(line) : new Note(id(m.group(1)), text);
    }
    return new Unknown(line);
  }

  /** {@code 3d}, {@code 2 hours}, {@code 1w}, or ISO-8601 ({@code PT2H}, {@code P3D}, {@code P1W}). */
  static Optional<Object> amount(String text) {
    Matcher m = SHORT.matcher(text);
    Object amount = null;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      char unit = m.group(2).toLowerCase(Locale.ROOT).charAt(0);
      amount = switch (unit) {
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Period.ofDays((int) n);
        default -> Period.ofWeeks((int) n);
      };
    } else if (text.toUpperCase(Locale.ROOT).startsWith("PT") || text.toUpperCase(Locale.ROOT).matches("P\\d+D?T.*")) {
      try {
        amount = Duration.parse(text);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    } else if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        amount = Period.parse(text);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    if (amount instanceof Duration d && (d.isNegative() || d.isZero() || d.compareTo(MAX_SNOOZE) > 0)) {
      return Optional.empty();
    }
    if (amount instanceof Period p
        && (p.isNegative() || p.isZero() || p.toTotalMonths() * 31 + p.getDays() > MAX_SNOOZE.toDays())) {
      return Optional.empty();
    }
    return Optional.ofNullable(amount);
  }

  private static OptionalLong id(String digits) {
    return digits == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(digits));
  }
}
