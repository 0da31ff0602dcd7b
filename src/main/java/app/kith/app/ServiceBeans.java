package app.kith.app;

import app.kith.ingest.Importers;
import app.kith.ingest.InboxProcessor;
import java.util.function.BiConsumer;

/**
 * The domain beans the routes call, by name. Each area adds its own line; the routes refer to
 * these names with {@code bean:NAME?method=...}.
 */
final class ServiceBeans {
  private ServiceBeans() {}

  static void bind(Kith kith, BiConsumer<String, Object> registry) {
    InboxProcessor inbox = new InboxProcessor(Importers.standard(kith), kith.clock());
    registry.accept("inbox", inbox);
    InboxOrphans orphans = new InboxOrphans(inbox, kith.home());
    orphans.atStart(kith);
    registry.accept("inboxOrphans", orphans);
    MailImapSettings imap = new MailImapSettings(kith.config());
    registry.accept("mailImap", imap);
    registry.accept("mailboxPollFailures", new MailboxPollFailures(imap));
    registry.accept("mailInbox", new MailInbox(kith, imap));
    registry.accept("mailProcessed", new MailClaims(kith.database(), kith.clock(), java.time.Duration.ofSeconds(10)));
    registry.accept("delivery", new app.kith.notify.Delivery(kith));
    registry.accept("calendarFeed", new FeedHttp(new app.kith.feed.CalendarFeed(kith)));
    registry.accept("sweep", new app.kith.schedule.SweepJob(kith));
    registry.accept("feeds", new app.kith.ingest.feeds.FeedPoller(kith));
  }
}
