package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "due", mixinStandardHelpOptions = true, description = "Reminders due at now.")
final class DueCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'due' is not available yet in this build");
  }
}
