package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code run --demo}: drops the example files shipped in {@code examples/} into the inboxes. The
 * example events are moved by whole days so that the last one starts in three days: a demo run on
 * any date has an event to prepare for and a meeting from yesterday to follow up on.
 */
final class Demo {
  private Demo() {}

  static void copyExamples(Optional<Path> appDir, Kith kith, PrintWriter err) {
    Path examples = appDir.orElse(Path.of(".")).resolve("examples");
    if (!Files.isDirectory(examples)) {
      throw new KithException("--demo needs the examples/ folder beside the launcher; not found at " + examples);
    }
    copy(examples.resolve("contacts"), kith.folder("inbox/contacts"), err, null);
    LocalDate today = LocalDate.ofInstant(kith.clock().instant(), kith.config().zone());
    copy(examples.resolve("calendar"), kith.folder("inbox/calendar"), err, today);
  }

  private static final Pattern DATE =
      Pattern.compile("(?m)^((?:DTSTART|DTEND|DTSTAMP)(?:;[^:\\r\\n]*)?:)(\\d{8})");
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /** The calendar text with every DTSTART, DTEND and DTSTAMP date moved so that the last start is today + 3. */
  static String moved(String ics, LocalDate today) {
    LocalDate last = null;
    Matcher m = DATE.matcher(ics);
    while (m.find()) {
      if (m.group(1).startsWith("DTSTART")) {
        LocalDate d = LocalDate.parse(m.group(2), BASIC);
        last = last == null || d.isAfter(last) ? d : last;
      }
    }
    if (last == null) {
      return ics;
    }
    long days = ChronoUnit.DAYS.between(last, today.plusDays(3));
    return DATE.matcher(ics).replaceAll(r ->
        Matcher.quoteReplacement(r.group(1) + LocalDate.parse(r.group(2), BASIC).plusDays(days).format(BASIC)));
  }

  private static void copy(Path from, Path to, PrintWriter err, LocalDate today) {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (today == null) {
          Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.writeString(to.resolve(f.getFileName()), moved(Files.readString(f, StandardCharsets.UTF_8), today),
              StandardCharsets.UTF_8);
        }
        err.println("kith: demo: " + f.getFileName() + " -> " + to);
      }
    } catch (IOException e) {
      throw new KithException("cannot copy the examples: " + e.getMessage());
    }
  }
}
