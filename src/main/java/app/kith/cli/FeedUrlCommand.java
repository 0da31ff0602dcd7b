package app.kith.cli;

import app.kith.app.Kith;
import app.kith.feed.FeedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "feed-url",
    mixinStandardHelpOptions = true,
    description = {
      "Print the private URL of the reminder calendar feed, to subscribe to in a calendar app.",
      "With --rotate: make a new URL; the old one stops working at once."
    })
final class FeedUrlCommand extends Subcommand {

  @Option(names = "--rotate", description = "Replace the secret in the URL with a new one.")
  boolean rotate;

  @Override
  protected int run(Kith kith) {
    FeedToken token = new FeedToken(kith);
    if (rotate) {
      token.rotate();
    }
    String url = token.url();
    if (json()) {
      Output.json(out(), java.util.Map.of("url", url));
    } else {
      out().println(url);
      out().flush();
    }
    return KithCommand.OK;
  }
}
