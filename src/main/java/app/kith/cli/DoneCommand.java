package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "done", mixinStandardHelpOptions = true, description = "Mark a reminder done.")
final class DoneCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'done' is not available yet in this build");
  }
}
