package app.kith.app;

import app.kith.ingest.FileReport;
import app.kith.ingest.ImportReport;
import app.kith.ingest.InboxProcessor;
import app.kith.ingest.Importers;
import app.kith.notify.Delivery;
import app.kith.schedule.Sweep;
import app.kith.schedule.SweepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code run --once}: everything the service does, once, at the clock's now: read the three inboxes
 * (contacts first, so attendees find their contacts), one reminder sweep, one delivery pass.
 */
public final class OnePass {

  /** The JSON of {@code run --once --json}. */
  public record Result(ImportReport.Totals imported, Reminders reminders, Emails emails, Calendar calendar) {
    public record Reminders(int created) {}

    public record Emails(int sent, int written, int failed) {}

    public record Calendar(int written) {}
  }

  private final Kith kith;
  private boolean rejections;
  private List<String> refusals = List.of();

  public OnePass(Kith kith) {
    this.kith = kith;
  }

  public Result run() throws IOException {
    Instant now = kith.clock().instant();
    kith.prepareHome();
    InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
    new InboxOrphans(inbox, kith.home()).atStart(kith);
    List<FileReport> reports = new ArrayList<>();
    for (String folder : List.of("inbox/contacts", "inbox/calendar", "inbox/mail")) {
      inbox.newFolders(kith.folder(folder));
      for (Path file : files(kith.folder(folder))) {
        FileReport report = inbox.take(file);
        if (report != null) { // null: another node took the file first
          reports.add(report);
        }
      }
    }
    ImportReport imported = ImportReport.of(reports);
    rejections = imported.hasRejections();
    List<String> refused = new ArrayList<>();
    for (FileReport r : reports) {
      if (r.isRejected()) {
        String why = r.problems().isEmpty() ? "rejected" : r.problems().get(0).reason();
        refused.add(r.path() + ": rejected, moved to .error/: " + why);
      } else if (r.rejected() > 0) {
        refused.add(r.path() + ": " + r.rejected() + " of " + r.received() + " records rejected; the reasons are in its report in .done/");
      }
    }
    refusals = refused;
    SweepResult swept = new Sweep(kith).run(now);
    Delivery.Result delivered = new Delivery(kith).run(now);
    return new Result(
        imported.totals(),
        new Result.Reminders(swept.created()),
        new Result.Emails(delivered.relayed().sent(), delivered.relayed().written(), delivered.relayed().failed()),
        new Result.Calendar(delivered.calendarWritten()));
  }

  /** One line for each inbox file of the last run that was rejected, or had records rejected. */
  public List<String> refusals() {
    return refusals;
  }

  /** Whether some file or record was rejected in the last run. */
  public boolean hadRejections() {
    return rejections;
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }
}
