package app.kith.app;

import app.kith.config.KithConfig;
import app.kith.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One Kith installation as a command or the service sees it: its settings, its clock, its home
 * folder and (opened on first use) its database. Plain Java: no Camel here.
 */
public final class Kith implements AutoCloseable {

  /** The folders of the home, created on first use. */
  public static final List<String> HOME_FOLDERS =
      List.of("inbox/contacts", "inbox/calendar", "inbox/mail", "outbox/mail", "outbox/calendar");

  private final KithConfig config;
  private final Clock clock;
  private Database database;

  public Kith(KithConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public KithConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Path home() {
    return config.home();
  }

  /** The home folder's subfolders, created when missing. */
  public Path folder(String relative) {
    Path p = home().resolve(relative);
    try {
      Files.createDirectories(p);
    } catch (java.io.IOException e) {
      throw new app.kith.KithException("cannot create " + p + ": " + e.getMessage());
    }
    return p;
  }

  /** Creates the home layout (inboxes and outboxes). */
  public void prepareHome() {
    HOME_FOLDERS.forEach(this::folder);
  }

  /** The database, opened and migrated on first use. */
  public synchronized Database database() {
    if (database == null) {
      database = Database.open(config);
    }
    return database;
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
