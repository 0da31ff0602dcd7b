package app.kith.app;

import app.kith.ingest.InboxProcessor;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts back into their inbox the files a node claimed and never finished (it was killed), once the
 * claim is older than {@link InboxProcessor#CLAIM_TIMEOUT}: called every minute by the route
 * {@code inbox-orphans}, so a file comes back even when no other file is dropped after it.
 */
public final class InboxOrphans {
  private final InboxProcessor inbox;
  private final List<Path> inboxes;

  public InboxOrphans(InboxProcessor inbox, Path home) {
    this.inbox = inbox;
    Path root = home.resolve("inbox");
    this.inboxes = List.of(root.resolve("contacts"), root.resolve("calendar"), root.resolve("mail"));
  }

  public void run() {
    inbox.recoverOrphans(inboxes);
  }

  /**
   * At start: with the embedded H2 database, which only one process can open, every claim left in
   * {@code .work/} is a stopped process's (Ctrl-C or a kill during an import) and comes back now.
   */
  public void atStart(Kith kith) {
    if (kith.database().dialect() == app.kith.store.Dialect.H2) {
      inbox.recoverOrphansAtStart(inboxes);
    }
  }
}
