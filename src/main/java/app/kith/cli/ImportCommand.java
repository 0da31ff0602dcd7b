package app.kith.cli;

import app.kith.app.Kith;
import app.kith.ingest.FileReport;
import app.kith.ingest.ImportReport;
import app.kith.ingest.Importers;
import app.kith.ingest.Problem;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import files or folders. The format is told from the content, not the name: vCard 2.1/3.0/4.0, "
          + "LinkedIn Connections.csv, Google and Outlook contact CSV, other CSV with name/email/phone "
          + "headers, iCalendar (.ics), and .eml messages with calendar parts or contact attachments.",
      "Importing the same file twice changes nothing the second time."
    })
final class ImportCommand extends Subcommand {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
  List<Path> paths;

  @Option(names = "--dry-run", description = "Report what would happen without writing anything.")
  boolean dryRun;

  @Override
  protected int run(Kith kith) {
    Importers.checkSettings(kith.config());
    // Ctrl-C in the middle: each chunk of records is committed whole, and an import is idempotent
    java.io.PrintWriter stderr = err();
    Thread interrupted = new Thread(() -> {
      stderr.println(dryRun ? "kith: interrupted; a dry run writes nothing"
          : "kith: interrupted; what was imported so far is kept, and importing the same files again finishes the job"
              + " (nothing is doubled)");
      stderr.flush();
    });
    Runtime.getRuntime().addShutdownHook(interrupted);
    ImportReport report;
    try {
      report = Importers.standard(kith).importPaths(paths, dryRun, msg -> {
        err().println("kith: " + msg);
        err().flush();
      });
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs
      }
    }
    if (report.files().isEmpty()) {
      err().println("kith: no files to import in " + paths.stream().map(p -> app.kith.ingest.Problem.printable(p.toString()))
          .collect(java.util.stream.Collectors.joining(", ")) + " (hidden files are skipped)");
      err().flush();
    }
    if (json()) {
      Output.json(out(), report);
    } else {
      printText(report);
    }
    if (!report.files().isEmpty() && report.files().stream().allMatch(FileReport::isRejected)
        && report.files().stream().allMatch(f -> f.received() == 0)
        && report.files().stream().allMatch(f -> f.problems().stream().anyMatch(p -> p.reason().equals("no such file")))) {
      return KithCommand.FAILED;
    }
    return report.hasRejections() ? KithCommand.PARTIAL : KithCommand.OK;
  }

  private void printText(ImportReport report) {
    for (FileReport f : report.files()) {
      out().printf("%s: %s as %s — %d received, %d created, %d merged, %d unchanged, %d rejected%n",
          Problem.printable(f.path()), f.status(), f.format(), f.received(), f.created(), f.merged(), f.unchanged(), f.rejected());
      for (Problem p : f.problems()) {
        out().printf("  %s: %s%n", p.where(), p.reason());
      }
    }
    ImportReport.Totals t = report.totals();
    out().printf("total: %d received, %d created, %d merged, %d unchanged, %d rejected%n",
        t.received(), t.created(), t.merged(), t.unchanged(), t.rejected());
  }
}
