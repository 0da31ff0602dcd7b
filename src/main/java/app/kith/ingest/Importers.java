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
    atLeast(config, "kith.import.max-file-bytes", 50L * 1024 * 1024, 1);
    atLeast(config, "kith.import.max-field-length", 10_000, 100);
    atLeast(config, "kith.import.max-photo-bytes", 256 * 1024, 0);
    atLeast(config, "kith.inbox.settle-ms", 5000, 0);
    atLeast(config, "kith.inbox.poll-ms", 2000, 10);
    atLeast(config, "kith.mail.max-bytes", 25L * 1024 * 1024, 1);
    atLeast(config, "kith.mail.max-parts", 200, 1);
    atLeast(config, "kith.mail.max-depth", 10, 1);
  }

  private static void atLeast(app.kith.config.KithConfig config, String key, long fallback, long min) {
    long v = config.getLong(key, fallback);
    if (v < min) {
      throw new app.kith.config.ConfigException("setting " + key + " must be at least " + min + ", not " + v);
    }
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
