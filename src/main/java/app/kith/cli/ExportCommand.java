package app.kith.cli;

import app.kith.KithException;
import app.kith.app.Kith;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export contacts (vcf, csv) or the reminder calendar (ics).")
final class ExportCommand extends Subcommand {

  @Option(names = "--format", required = true, paramLabel = "vcf|csv|ics", description = "What to export.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
  Path outFile;

  @Override
  protected int run(Kith kith) throws Exception {
    switch (format) {
      case "ics" -> write(new app.kith.feed.ReminderCalendar(kith).feed());
      default -> throw new KithException("'export --format " + format + "' is not available yet in this build");
    }
    return KithCommand.OK;
  }

  private void write(String content) throws java.io.IOException {
    if (outFile == null) {
      out().print(content);
      out().flush();
    } else {
      Files.writeString(outFile, content, StandardCharsets.UTF_8);
    }
  }
}
