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
    return ingest.run(List.of(new CalendarIngest.Part("file", bytes)), FORMAT, request);
  }
}
