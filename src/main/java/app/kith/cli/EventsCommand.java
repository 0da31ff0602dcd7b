package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "events", mixinStandardHelpOptions = true, description = "List event occurrences in a window, recurrences expanded.")
final class EventsCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'events' is not available yet in this build");
  }
}
