package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "cadence", mixinStandardHelpOptions = true, description = "Set how often to keep in touch with a contact.")
final class CadenceCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'cadence' is not available yet in this build");
  }
}
