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
    registry.accept("inbox", new InboxProcessor(Importers.standard(kith), kith.clock()));
    registry.accept("feeds", new app.kith.ingest.feeds.FeedPoller(kith));
  }
}
