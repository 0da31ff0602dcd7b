package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "snooze", mixinStandardHelpOptions = true, description = "Snooze a reminder until an instant or for a duration.")
final class SnoozeCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'snooze' is not available yet in this build");
  }
}
