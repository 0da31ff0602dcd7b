package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.calendar.IcsText;
import app.kith.ingest.FileImporter;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  private static final java.util.regex.Pattern OLD_VERSION =
      java.util.regex.Pattern.compile("(?mi)^VERSION:[ \\t]*(1\\.[0-9.]{0,10})[ \\t]*\\r?$");

  /**
   * The version of a vCalendar 1.0 file (GnomeCalendar, old Palm and Nokia tools write 1.x), or
   * null: its properties mean other things than iCalendar 2.0's, so it is refused rather than misread.
   */
  static String vcalendarVersion(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 8192), java.nio.charset.StandardCharsets.ISO_8859_1);
    int event = head.toUpperCase(java.util.Locale.ROOT).indexOf("BEGIN:V", head.toUpperCase(java.util.Locale.ROOT).indexOf("BEGIN:VCALENDAR") + 1);
    java.util.regex.Matcher m = OLD_VERSION.matcher(event < 0 ? head : head.substring(0, event));
    return m.find() ? m.group(1) : null;
  }
}
