package app.kith.ingest;

import app.kith.app.Kith;
import java.util.List;

/** The file importers Kith knows, in the order their formats are tried. */
public final class Importers {
  private Importers() {}

  /**
   * Checks the import and inbox settings once, before any file is read: a setting that is no number,
   * or out of range, stops `kith import` and `kith run` with one sentence, rather than failing every
   * file (and, in the service, every two seconds in the log).
   */
  public static void checkSettings(app.kith.config.KithConfig config) {
    ImportLimits.of(config);
    app.kith.ingest.mail.MailLimits.of(config);
    InboxProcessor.settleMillis(config);
    ImportLimits.atLeast(config, "kith.inbox.poll-ms", 2000, 10);
  }

  public static Importer standard(Kith kith) {
    return new Importer(kith, List.of(
        // messages first (they may carry calendars and contacts), then calendars, then contacts
        // every message goes through mail in, which hands calendar parts to calendar ingest
        new app.kith.ingest.mail.MailFileImporter(kith),
        new app.kith.ingest.calendar.CalendarFileImporter(kith),
        new app.kith.ingest.contacts.ContactFileImporter(kith)
    ));
  }
}
