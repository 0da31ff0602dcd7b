package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "log", mixinStandardHelpOptions = true, description = "Record an interaction with a contact.")
final class LogCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'log' is not available yet in this build");
  }
}
