package app.kith.ingest.calendar;

import app.kith.app.Kith;
import app.kith.contacts.FirstEmailKeys;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportRequest;
import app.kith.ingest.Tally;
import java.util.List;

/**
 * Runs calendar content through a {@link CalendarSession} in one transaction per file: a file that
 * turns out to be broken half way leaves nothing behind, and a dry run rolls everything back.
 */
public final class CalendarIngest {

  private final Kith kith;

  public CalendarIngest(Kith kith) {
    this.kith = kith;
  }

  /** One labelled calendar to read ("file", or "part 2" of a message). */
  public record Part(String label, byte[] bytes) {}

  private static final class DryRun extends RuntimeException {
    DryRun() {
      super(null, null, false, false);
    }
  }

  public FileReport run(List<Part> parts, String format, ImportRequest request) {
    return run(parts, format, request, false);
  }

  /**
   * As above; with {@code wholeCalendar} (a feed) events of the same source that the content no
   * longer lists are marked cancelled.
   */
  public FileReport run(List<Part> parts, String format, ImportRequest request, boolean wholeCalendar) {
    CalendarContext ctx = CalendarContext.of(kith);
    Tally[] tally = new Tally[1];
    try {
      FirstEmailKeys.inCreatingTransaction(kith.database(), c -> {
        tally[0] = new Tally(request.displayPath(), format);
        CalendarSession session = new CalendarSession(ctx, c, tally[0], source(format, request));
        for (Part p : parts) {
          session.read(p.bytes(), p.label());
        }
        if (wholeCalendar) {
          session.retireMissing();
        }
        session.finish();
        if (request.dryRun()) {
          throw new DryRun();
        }
        return null;
      });
    } catch (DryRun d) {
      // rolled back on purpose; the tally tells what would have happened
    } catch (CalendarSession.FileRejected r) {
      return FileReport.rejectedFile(request.displayPath(), format, r.where, r.getMessage());
    }
    return tally[0].report();
  }

  private static String source(String format, ImportRequest request) {
    String s = format + ":" + request.sourceName();
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
