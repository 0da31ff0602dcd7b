package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "feed-url", mixinStandardHelpOptions = true, description = "Print the private URL of the reminder calendar feed.")
final class FeedUrlCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'feed-url' is not available yet in this build");
  }
}
