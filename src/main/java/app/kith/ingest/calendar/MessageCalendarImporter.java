package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;

/**
 * Imports the calendars an e-mail message carries ({@code text/calendar} parts and {@code .ics}
 * attachments). Seam shared with mail in: {@link #importMessage} is how a message's calendar content
 * enters calendar ingest.
 */
public final class MessageCalendarImporter {

  private final Kith kith;

  public MessageCalendarImporter(Kith kith) {
    this.kith = kith;
  }

  /** Imports every calendar in a raw RFC 5322 message; the report counts its calendar components. */
  public FileReport importMessage(byte[] raw, ImportRequest request) {
    return FileReport.rejectedFile(request.displayPath(), "email", "file", "calendar import is not available in this build");
  }
}
