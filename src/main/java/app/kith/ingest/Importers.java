package app.kith.ingest;

import app.kith.app.Kith;
import java.util.List;

/** The file importers Kith knows, in the order their formats are tried. */
public final class Importers {
  private Importers() {}

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
