package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "contacts", mixinStandardHelpOptions = true, description = "List contacts, optionally filtered by text.")
final class ContactsCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'contacts' is not available yet in this build");
  }
}
