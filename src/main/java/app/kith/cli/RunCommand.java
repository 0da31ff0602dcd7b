package app.kith.cli;

import app.kith.app.Kith;
import app.kith.app.KithService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Start the service: inbox routes, schedules, and GET /health and the calendar feed on "
          + "127.0.0.1 (kith.http.port, default 8080). Stops cleanly on Ctrl-C.",
      "With --once: one pass of everything the service does (read the inboxes, one schedule sweep "
          + "at now, deliver the outbox), then exit."
    })
final class RunCommand extends Subcommand {

  @Option(names = "--once", description = "Do one pass and exit, printing what it did.")
  boolean once;

  @Option(names = "--demo", description = "Copy the small example files of examples/ into the inboxes first (the example "
      + "events moved to the coming days, so there is something to prepare for and follow up on).")
  boolean demo;

  @Override
  protected int run(Kith kith) throws Exception {
    app.kith.ingest.Importers.checkSettings(kith.config());
    app.kith.app.ServiceSettings.check(kith.config());
    kith.prepareHome();
    // a second `kith run` on the same home is told the home is in use, not that the port (which the
    // first one also holds) is busy; and --demo copies nothing into a running Kith's inboxes
    kith.database();
    if (demo) {
      Demo.copyExamples(root.appDir(), kith, err());
    }
    if (once) {
      app.kith.app.OnePass pass = new app.kith.app.OnePass(kith);
      app.kith.app.OnePass.Result r = pass.run();
      for (String refusal : pass.refusals()) {
        err().println("kith: " + app.kith.ingest.Problem.printable(refusal));
      }
      err().flush();
      if (json()) {
        Output.json(out(), r);
      } else {
        out().printf("imported %d records (%d created, %d merged, %d unchanged, %d rejected); %d reminders created;"
                + " emails: %d sent, %d written, %d failed; calendar: %d files written%n",
            r.imported().received(), r.imported().created(), r.imported().merged(), r.imported().unchanged(),
            r.imported().rejected(), r.reminders().created(), r.emails().sent(), r.emails().written(),
            r.emails().failed(), r.calendar().written());
        out().flush();
      }
      return pass.hadRejections() ? KithCommand.PARTIAL : KithCommand.OK;
    }
    KithService.checkPortFree(kith.config().get("kith.http.host", "127.0.0.1"), kith.config().get("kith.http.port", "8080"));
    err().println("kith: starting on http://" + kith.config().get("kith.http.host", "127.0.0.1") + ":"
        + kith.config().get("kith.http.port", "8080") + " with home " + kith.home() + " (Ctrl-C stops)");
    err().flush();
    new KithService(kith, root.appDir()).runUntilStopped();
    err().println("kith: stopped");
    return KithCommand.OK;
  }
}
