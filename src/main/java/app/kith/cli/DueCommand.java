package app.kith.cli;

import app.kith.app.Kith;
import app.kith.schedule.Reminder;
import app.kith.schedule.ReminderStore;
import app.kith.schedule.Sweep;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "due",
    mixinStandardHelpOptions = true,
    description = {
      "Reminders due at now (--now sets it): the reminder rules are applied at that instant first, "
          + "so snoozed reminders whose time has come and newly due ones are included."
    })
final class DueCommand extends Subcommand {
  @Override
  protected int run(Kith kith) {
    Instant now = kith.clock().instant();
    new Sweep(kith).run(now);
    List<Reminder> due = kith.database().inTransaction(c -> ReminderStore.due(c, now));
    if (json()) {
      Output.json(out(), due.stream().map(ReminderView::of).toList());
    } else if (due.isEmpty()) {
      out().println("Nothing is due.");
    } else {
      due.forEach(r -> out().println(ReminderView.line(r, kith.config().zone())));
      out().println();
      out().println("Act on one with `kith done ID` or `kith snooze ID --for 3d`.");
    }
    return KithCommand.OK;
  }
}
