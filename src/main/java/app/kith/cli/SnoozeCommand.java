package app.kith.cli;

import app.kith.app.Kith;
import app.kith.schedule.Reminder;
import app.kith.schedule.ReminderActions;
import app.kith.schedule.ReminderStore;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "snooze",
    mixinStandardHelpOptions = true,
    description = "Snooze a reminder until an instant or for a duration; it is due, and announced, again then.")
final class SnoozeCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The reminder id (from `kith due` or `kith agenda`).")
  long id;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Until until;

  static final class Until {
    @Option(names = "--until", paramLabel = "INSTANT", description = "ISO-8601 with an offset, e.g. 2025-03-05T09:00+01:00.")
    String instant;

    @Option(names = "--for", paramLabel = "DURATION", description = "PT2H, P3D, or short: 30m, 2h, 3d, 1w.")
    String duration;
  }

  @Override
  protected int run(Kith kith) {
    Instant now = kith.clock().instant();
    Instant to =
        until.instant != null
            ? KithCommand.parseInstant(until.instant, "--until")
            : Durations.after(now, until.duration, kith.config().zone());
    new ReminderActions(kith).snooze(id, to);
    Reminder r = kith.database().inTransaction(c -> ReminderStore.find(c, id)).orElseThrow();
    if (json()) {
      Output.json(out(), ReminderView.of(r));
    } else {
      out().println("Snoozed #" + r.id() + " " + ReminderView.oneLine(r.title()) + " until "
          + ReminderView.when(to, kith.config().zone()) + ".");
    }
    return KithCommand.OK;
  }
}
