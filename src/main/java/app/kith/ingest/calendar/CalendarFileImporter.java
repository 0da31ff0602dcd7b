package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.calendar.IcsText;
import app.kith.ingest.FileImporter;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** iCalendar files (.ics): content that starts, after a BOM and blank lines, with BEGIN:VCALENDAR. */
public final class CalendarFileImporter implements FileImporter {

  public static final String FORMAT = "icalendar";

  private final CalendarIngest ingest;

  public CalendarFileImporter(Kith kith) {
    this.ingest = new CalendarIngest(kith);
  }

  @Override
  public boolean accepts(byte[] head) {
    return IcsText.looksLikeCalendar(head);
  }

  @Override
  public FileReport importFile(Path file, ImportRequest request) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return FileReport.rejectedFile(request.displayPath(), FORMAT, "file", "cannot read the file: " + e.getMessage());
    }
    String version = vcalendarVersion(bytes);
    if (version != null) {
      return FileReport.rejectedFile(request.displayPath(), FORMAT, "file",
          "a vCalendar 1.0 file (VERSION:" + version + "); Kith reads iCalendar 2.0");
    }
    return ingest.run(List.of(new CalendarIngest.Part("file", bytes)), FORMAT, request);
  }

  private static final Pattern OLD_VERSION = Pattern.compile("(?mi)^VERSION:[ \\t]*(1\\.[0-9.]{0,10})[ \\t]*\\r?$");

  /**
   * The version of a vCalendar 1.0 file (GnomeCalendar, old Palm and Nokia tools write 1.x), or
   * null: its properties mean other things than iCalendar 2.0's, so it is refused rather than misread.
   */
  static String vcalendarVersion(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
    String upper = head.toUpperCase(Locale.ROOT);
    // the calendar's own properties: up to its first component (VEVENT, VTIMEZONE, ...)
    int component = upper.indexOf("BEGIN:V", upper.indexOf("BEGIN:VCALENDAR") + 1);
    Matcher m = OLD_VERSION.matcher(component < 0 ? head : head.substring(0, component));
    return m.find() ? m.group(1) : null;
  }
}
