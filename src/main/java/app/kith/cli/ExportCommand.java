package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export contacts (vcf, csv) or the reminder calendar (ics).")
final class ExportCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    throw new KithException("'export' is not available yet in this build");
  }
}
