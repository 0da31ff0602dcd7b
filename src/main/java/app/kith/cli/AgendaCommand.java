package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "agenda", mixinStandardHelpOptions = true, description = "Upcoming events and reminders.")
final class AgendaCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'agenda' is not available yet in this build");
  }
}
